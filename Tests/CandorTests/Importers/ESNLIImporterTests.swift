@testable import Candor
import Foundation
import Testing

@Suite struct ESNLIImporterTests {
    /// Row p1#1: premise A(0) dog(1) runs(2) on(3) the(4) beach(5) .(6); annotator 1 marks `runs`, annotator 2
    /// `dog` → [1, 3). Hypothesis The(0) dog(1) is(2) chasing(3) a(4) ball(5) .(6): annotator 1 marks `chasing` and
    /// `ball.` (without its full stop), annotator 3 `dog` → [1, 2), [3, 4), [5, 6).
    /// Row p1#2: `outdoors,` highlights `outdoors` only: An(0) animal(1) is(2) outdoors(3) ,(4) → [1, 2), [3, 4).
    /// Row p1#3 has gold label `-` and is skipped; row p1#4's first annotator marked `naps`, a word the premise
    /// does not have, so only annotator 2's `sleeps` (2) counts.
    @Test func importsTheCSVFixture() throws {
        let (output, scratch) = try FormatFixtures.output("esnli")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.esnli.run(source: FormatFixtures.url("esnli/esnli_dev.csv"), output: output)
        #expect(report.imported.map(\.split) == ["test"])
        #expect(report.imported.map(\.count) == [3])
        #expect(report.skipped == ["gold label \"-\" is not entailment, neutral or contradiction": 1])
        #expect(report.notes == ["Sentence1_marked_1 does not have the words of Sentence1; its highlights left out": 1])
        let instances = try report.suite.instances(split: "test")
        #expect(instances.map(\.id) == ["p1#1", "p1#2", "p1#4"])
        #expect(instances[0].rationale == [
            .span(field: "premise", start: 1, end: 3), .span(field: "hypothesis", start: 1, end: 2),
            .span(field: "hypothesis", start: 3, end: 4), .span(field: "hypothesis", start: 5, end: 6)])
        #expect(instances[1].rationale == [
            .span(field: "premise", start: 1, end: 2), .span(field: "premise", start: 5, end: 6),
            .span(field: "hypothesis", start: 1, end: 2), .span(field: "hypothesis", start: 3, end: 4)])
        #expect(instances[1].explanation == "A dog is an \"animal\", and a beach is outdoors.")
        #expect(instances[2].rationale == [.span(field: "premise", start: 2, end: 3),
                                           .span(field: "hypothesis", start: 3, end: 4)])
        #expect(report.suite.licence == ESNLIImporter.licence)
    }

    @Test func importsThePreprocessedFiles() throws {
        let (output, scratch) = try FormatFixtures.output("esnli-text")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.esnli.run(source: FormatFixtures.url("esnli/eSNLI"), output: output)
        #expect(report.imported.map(\.split) == ["train", "test"])
        #expect(report.imported.map(\.count) == [1, 3])
        let test = try report.suite.instances(split: "test")
        #expect(test.map(\.id) == ["esnli-dev-1", "esnli-dev-2", "esnli-dev-3"])
        #expect(test[2].label == "contradiction" && test[2].explanation == "a sleeping cat is not running .")
        #expect(report.suite.explanations == [.text])
    }

    /// The real CSV sample holds 15 records; the first pair's hypothesis highlights (union of 3 annotators:
    /// `lunch.`; `sisters hugging goodbye`; `The sisters hugging goodbye after just eating lunch.`) are
    /// The(0) sisters(1) hugging(3) goodbye(4) after(10) just(11) eating(12) lunch(13) → [0,2), [3,5), [10,14).
    @Test(.enabled(if: FormatFixtures.hasSample("esnli/esnli_dev.csv"), "needs ../shared/real-samples"))
    func importsTheRealCSVSample() throws {
        let (output, scratch) = try FormatFixtures.output("esnli")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.esnli.run(source: FormatFixtures.sample("esnli/esnli_dev.csv"), output: output)
        #expect(report.importedCount == 15 && report.skippedCount == 0)
        let first = try #require(try report.suite.instances(split: "test").first)
        #expect(first.rationale.filter { $0.field == "hypothesis" } == [
            .span(field: "hypothesis", start: 0, end: 2), .span(field: "hypothesis", start: 3, end: 5),
            .span(field: "hypothesis", start: 10, end: 14)])
    }

    /// 200 lines in each preprocessed dev file.
    @Test(.enabled(if: FormatFixtures.hasSample("esnli/eSNLI/s1.dev"), "needs ../shared/real-samples"))
    func importsTheRealPreprocessedSample() throws {
        let (output, scratch) = try FormatFixtures.output("esnli-text")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.esnli.run(source: FormatFixtures.sample("esnli/eSNLI"), output: output)
        #expect(report.importedCount == 200)
    }
}
