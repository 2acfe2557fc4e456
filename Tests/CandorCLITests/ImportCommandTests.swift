import Foundation
import Testing

/// `candor import FORMAT PATH --out Suites/ID` run as a user would, on the format fixtures.
@Suite struct ImportCommandTests {
    private static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("candor-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func importsAnERASERDatasetIntoASuiteThatValidates() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("Suites/tiny").path
        let result = try await CLI.run(["import", "eraser", "Fixtures/formats/eraser/tiny", "--out", out])
        #expect(result.status == 0)
        #expect(result.stdout == "imported 3 instances into tiny (val 1, test 2)\nskipped 0\n")
        let validation = try await CLI.run(["suites", "validate", out])
        #expect(validation.status == 0)
        #expect(validation.stdout == "ok tiny (3 instances)\n")
        let yaml = try String(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("suite.yaml"), encoding: .utf8)
        #expect(yaml.contains("provenance: \"imported from the ERASER-format dataset tiny"))
        #expect(yaml.contains("licence: "))
    }

    @Test func reportsSkippedRecordsWithReasons() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try await CLI.run(["import", "hatexplain", "Fixtures/formats/hatexplain", "--out",
                                  scratch.appendingPathComponent("Suites/hx").path])
        #expect(result.status == 0)
        #expect(result.stdout == """
            imported 2 instances into hx (train 1, test 1)
            skipped 2:
              1  no majority label among the annotators
              1  the post is in no division of post_id_divisions.json

            """)
    }

    @Test func failsOnAMalformedFileNamingLineAndField() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try await CLI.run(["import", "eraser", "Fixtures/formats/eraser/malformed", "--out",
                                  scratch.appendingPathComponent("Suites/broken").path])
        #expect(result.status == 1)
        #expect(result.stderr == "error: malformed/test.jsonl:2: evidences[0][0].end_token: found a string (\"four\"), expected an integer\n")
    }

    @Test func refusesAnUnknownFormat() async throws {
        let result = try await CLI.run(["import", "fever", "x", "--out", "y"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown format 'fever'"))
    }
}
