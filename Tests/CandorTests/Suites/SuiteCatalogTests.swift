@testable import Candor
import Foundation
import Testing

@Suite struct SuiteCatalogTests {
    @Test(arguments: [
        ("Suites/sentiment", "Suites"),
        ("Suites/sentiment/", "Suites"),
        ("sentiment", nil),
        ("/data/suites/x", "/data/suites"),
        ("/x", "/"),
    ] as [(String, String?)])
    func parentOfATypedPath(path: String, expected: String?) {
        #expect(SuiteCatalog.parent(of: path) == expected)
    }

    @Test func validatesGoodAndBrokenFolders() throws {
        let root = FixtureFolder.suites.path
        let report = try SuiteCatalog.validate([root + "/valid-text", root + "/label-outside-set"],
                                               suitesDirectory: "unused")
        #expect(report.failed)
        #expect(report.text == """
            ok valid-text (7 instances)
            broken \(root)/label-outside-set (1 problem)
            \(root)/label-outside-set/test.jsonl:3: label: found "Positive", expected one of negative, positive
            """)
    }

    @Test func validReportDoesNotFail() throws {
        let report = try SuiteCatalog.validate([FixtureFolder.suites.path + "/valid-table"], suitesDirectory: "x")
        #expect(!report.failed)
        #expect(report.text == "ok valid-table (3 instances)")
    }

    @Test func listsSuitesWithSizes() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["valid-text", "valid-multiple-choice"] {
            try FileManager.default.copyItem(at: FixtureFolder.suites.appendingPathComponent(name),
                                             to: scratch.appendingPathComponent(name))
        }
        let report = try SuiteCatalog.listing(suitesDirectory: scratch.path)
        #expect(!report.failed)
        #expect(report.text == """
            id                     version  task             labels              train  test  title
            valid-multiple-choice  1.0.0    multiple-choice  A, B, C             1      1     Tiny kitchen questions
            valid-text             1.0.0    classification   negative, positive  4      3     Tiny review sentiment
            """)
    }

    @Test func anUnknownIDNamesTheSuitesThere() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: FixtureFolder.suites.appendingPathComponent("valid-text"),
                                         to: scratch.appendingPathComponent("valid-text"))
        let error = try #require(throws: SuiteError.self) {
            try SuiteCatalog.suite(id: "sentiment", suitesDirectory: scratch.path)
        }
        #expect(error.message == "no suite 'sentiment' in \(scratch.path) (suites there: valid-text)")
    }
}
