import Foundation
import Testing

/// `candor suites list | validate | show` run as a user would, on the fixture suites.
@Suite struct SuitesCommandTests {
    static let fixtures = "Fixtures/suites"

    @Test func validateSaysOkForAGoodSuite() async throws {
        let result = try await CLI.run(["suites", "validate", Self.fixtures + "/valid-text"])
        #expect(result.status == 0)
        #expect(result.stdout == "ok valid-text (7 instances)\n")
    }

    @Test func validateListsEveryProblemOfABrokenSuiteAndExitsWithOne() async throws {
        let result = try await CLI.run(["suites", "validate", Self.fixtures + "/valid-table",
                                  Self.fixtures + "/span-out-of-range"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            ok valid-table (3 instances)
            broken Fixtures/suites/span-out-of-range (3 problems)
            Fixtures/suites/span-out-of-range/test.jsonl:1: rationale[0].end: found 40, expected at most 10 (the token count of field 'review')
            Fixtures/suites/span-out-of-range/test.jsonl:2: rationale[0].start: found -1, expected at least 0
            Fixtures/suites/span-out-of-range/test.jsonl:3: rationale[0].end: found 4, expected more than start (4)

            """)
    }

    @Test func validateDefaultsToEveryFolderOfTheSuitesDirectory() async throws {
        let scratch = try Self.copyFixtures(["valid-text", "newer-format"])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try await CLI.run(["suites", "validate", "--suites-dir", "Suites"], in: scratch)
        #expect(result.status == 1)
        #expect(result.stdout == """
            broken Suites/newer-format (1 problem)
            Suites/newer-format/suite.yaml:1: format: found 2, expected at most 1 (format 2 is newer than this Candor supports (1))
            ok valid-text (7 instances)

            """)
    }

    @Test func listShowsEverySuite() async throws {
        let scratch = try Self.copyFixtures(["valid-text", "valid-table"])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try await CLI.run(["suites", "list", "--suites-dir", scratch.appendingPathComponent("Suites").path])
        #expect(result.status == 0)
        #expect(result.stdout == """
            id           version  task            labels              train  test  title
            valid-table  1.0.0    classification  approve, decline    2      1     Tiny credit decisions
            valid-text   1.0.0    classification  negative, positive  4      3     Tiny review sentiment

            """)
    }

    @Test func showReportsBalanceShortcutAndExamples() async throws {
        let result = try await CLI.run(["suites", "show", "valid-text", "--suites-dir", Self.fixtures])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("valid-text 1.0.0: Tiny review sentiment\n"))
        #expect(result.stdout.contains("shortcut: phi of the shortcut flag with label == positive: 1.00 in train, -0.50 in test\n"))
        #expect(result.stdout.contains("  review: Honestly, it is a [mess].\n"))
    }

    @Test func showOfAnUnknownSuiteIsACleanError() async throws {
        let scratch = try Self.copyFixtures(["valid-text"])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try await CLI.run(["suites", "show", "nope"], in: scratch)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: no suite 'nope' in Suites (suites there: valid-text)\n")
    }

    @Test func showOfABrokenSuiteListsItsProblems() async throws {
        let result = try await CLI.run(["suites", "show", "label-outside-set", "--suites-dir", Self.fixtures])
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: suite 'label-outside-set' is broken:
            Fixtures/suites/label-outside-set/test.jsonl:3: label: found "Positive", expected one of negative, positive

            """)
    }

    @Test func aMissingSuitesDirectoryIsACleanError() async throws {
        let result = try await CLI.run(["suites", "list", "--suites-dir", "no-such-folder"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot list the suites folder no-such-folder: no such folder (pass --suites-dir PATH)\n")
    }

    /// A scratch folder holding `Suites/<name>` copies of fixture suites.
    static func copyFixtures(_ names: [String]) throws -> URL {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("candor-cli-\(UUID().uuidString)")
        let suites = scratch.appendingPathComponent("Suites")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(
                at: CLI.projectRoot.appendingPathComponent(Self.fixtures).appendingPathComponent(name),
                to: suites.appendingPathComponent(name))
        }
        return scratch
    }
}
