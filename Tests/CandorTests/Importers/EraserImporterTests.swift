@testable import Candor
import Foundation
import Testing

@Suite struct EraserImporterTests {
    /// The fixture's documents: d1 `the plot is thin / but the cast shines .` and d2 `a dull , slow film / we did
    /// n't care .` tokenize the same in ERASER and Candor, so their spans keep their offsets; d3 `we do n't hate
    /// it / it 's fine` does not: Candor gives we(0) do(1) n(2) '(3) t(4) hate(5) it(6) it(7) '(8) s(9) fine(10),
    /// so ERASER's tokens [2, 4) (`n't hate`) become [2, 6) and [6, 8) (`'s fine`) become [8, 11).
    @Test func importsTheFixtureWithSpansOnCandorTokens() throws {
        let (output, scratch) = try FormatFixtures.output("tiny")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.eraser.run(source: FormatFixtures.url("eraser/tiny"), output: output)
        #expect(report.imported.map(\.split) == ["val", "test"])
        #expect(report.imported.map(\.count) == [1, 2])
        #expect(report.skippedCount == 0)
        #expect(report.suite.task.labels == ["NEG", "POS"])
        #expect(report.suite.task.inputs.map(\.name) == ["query", "document"])
        #expect(report.suite.licence == EraserImporter.defaultLicence)
        let val = try report.suite.instances(split: "val")
        #expect(val.map(\.rationale) == [[.span(field: "document", start: 2, end: 6),
                                          .span(field: "document", start: 8, end: 11)]])
        #expect(val[0].input["document"] == .textList(["we do n't hate it", "it 's fine"]))
        let test = try report.suite.instances(split: "test")
        #expect(test.map(\.id) == ["a1", "a2"])
        #expect(test[0].rationale == [.span(field: "document", start: 1, end: 3), .span(field: "document", start: 6, end: 8)])
        #expect(test[1].label == "NEG")
    }

    /// Documents from `docs.jsonl`; the query is a field of its own. `c3` reads two documents where `c1` reads
    /// one, so it is skipped. claim-1 `the bridge opened in 1932 . / it spans the river .`: ERASER's token 4 is
    /// `1932`, Candor's too.
    @Test func readsDocumentsFromDocsJSONL() throws {
        let (output, scratch) = try FormatFixtures.output("claims")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.eraser.run(source: FormatFixtures.url("eraser/docs-jsonl"), output: output)
        #expect(report.importedCount == 2)
        #expect(report.skipped == ["reads 2 documents where the first annotation reads 1": 1])
        let test = try report.suite.instances(split: "test")
        #expect(test[0].input["query"] == .text("The bridge opened in 1950."))
        #expect(test[0].rationale == [.span(field: "document", start: 4, end: 5)])
        #expect(test[1].rationale == [.span(field: "document", start: 3, end: 6)])
        #expect(report.suite.task.labels == ["REFUTES", "SUPPORTS"])
    }

    @Test func namesTheLineAndFieldOfAMalformedAnnotation() throws {
        let (output, scratch) = try FormatFixtures.output("broken")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(throws: ImportError(file: "malformed/test.jsonl", line: 2, field: "evidences[0][0].end_token",
                                    found: "a string (\"four\")", expected: "an integer")) {
            try ImportFormat.eraser.run(source: FormatFixtures.url("eraser/malformed"), output: output)
        }
        // Nothing is left behind: not the suite folder, not the staging folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(left.isEmpty)
    }

    @Test func replacesASuiteOnlyWhenToldTo() throws {
        let (output, scratch) = try FormatFixtures.output("tiny")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = FormatFixtures.url("eraser/tiny")
        _ = try ImportFormat.eraser.run(source: source, output: output)
        #expect(throws: ImportError.self) { try ImportFormat.eraser.run(source: source, output: output) }
        let again = try ImportFormat.eraser.run(source: source, output: output, options: ImportOptions(overwrite: true))
        #expect(again.importedCount == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            == ["README.md", "suite.yaml", "test.jsonl", "val.jsonl"])
    }

    @Test func refusesAFolderNameThatIsNoSuiteID() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(throws: ImportError.self) {
            try ImportFormat.eraser.run(source: FormatFixtures.url("eraser/tiny"),
                                        output: scratch.appendingPathComponent("Not_An_ID"))
        }
    }

    /// The real ERASER movies sample: 50 val and 8 test annotations (the line counts of its files), every
    /// non-empty evidence span covering exactly the Candor tokens of the evidence's own text.
    @Test(.enabled(if: FormatFixtures.hasSample("eraser_movies/test.jsonl"), "needs ../shared/real-samples"))
    func importsTheRealMoviesSample() throws {
        let (output, scratch) = try FormatFixtures.output("movies")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.eraser.run(source: FormatFixtures.sample("eraser_movies"), output: output)
        let source = { (name: String) in try FormatFixtures.objects(FormatFixtures.sample("eraser_movies/\(name)")) }
        let val = try source("val.jsonl"), test = try source("test.jsonl")
        #expect(report.imported.map(\.count) == [val.count, test.count])
        #expect(report.imported.map(\.count) == [50, 8])
        var checked = 0
        for annotation in val + test {
            let id = annotation["annotation_id"] as! String
            let instance = try #require(try (report.suite.instances(split: "val") + report.suite.instances(split: "test"))
                .first { $0.id == id })
            let tokens = try #require(instance.input["document"]).tokens
            var expected: Set<[String]> = []
            for group in annotation["evidences"] as! [[[String: Any]]] {
                for evidence in group where (evidence["start_token"] as! Int) < (evidence["end_token"] as! Int) {
                    expected.insert(Tokenizer.tokenize(evidence["text"] as! String))
                }
            }
            let found = Set(instance.rationale.map { entry -> [String] in
                guard case .span(_, let start, let end) = entry else { return [] }
                return Array(tokens[start..<end])
            })
            #expect(found == expected, "\(id)")
            checked += 1
        }
        #expect(checked == 58)
    }
}
