@testable import Candor
import Foundation
import Testing

@Suite struct SuiteSummaryTests {
    static func summary(of name: String) throws -> SuiteSummary {
        try SuiteSummary(SuiteLoader.load(FixtureFolder.suites.appendingPathComponent(name)))
    }

    @Test func phiOfATwoByTwoTable() throws {
        // (30·40 − 10·20) / √(40·60·50·50) = 1000 / √6,000,000 = 0.408248…
        let phi = try #require(SuiteSummary.phi(n11: 30, n10: 10, n01: 20, n00: 40))
        #expect(abs(phi - 0.408248290463863) < 1e-12)
        #expect(SuiteSummary.phi(n11: 2, n10: 0, n01: 0, n00: 2) == 1)
        // An empty margin (nobody has the shortcut) leaves phi undefined.
        #expect(SuiteSummary.phi(n11: 0, n10: 0, n01: 3, n00: 4) == nil)
    }

    @Test func labelBalanceRationaleAndShortcutOfTheTextFixture() throws {
        let summary = try Self.summary(of: "valid-text")
        let train = summary.splits[0]
        let test = summary.splits[1]
        #expect(train.name == "train" && test.name == "test")
        #expect(train.labelCounts == ["positive": 2, "negative": 2])
        #expect(test.labelCounts == ["positive": 2, "negative": 1])
        // Train spans cover 1 + 1 + 3 + 2 = 7 tokens of fields with 7 + 7 + 6 + 5 = 25 tokens.
        #expect(train.rationaleUnits == 7)
        #expect(train.rationaleFieldUnits == 25)
        #expect(train.meanRationaleLength == 1.75)
        #expect(train.rationaleShare == 0.28)
        // Test spans cover 3 + 1 + 1 = 5 of 10 + 7 + 7 = 24 tokens.
        #expect(test.rationaleUnits == 5)
        #expect(test.rationaleFieldUnits == 24)
        // Train: both positives carry the shortcut, neither negative: n11 = 2, n10 = 0, n01 = 0, n00 = 2 → phi 1
        // with positive and −1 with negative; the tie in |phi| goes to the positive correlation.
        #expect(summary.shortcutLabel == "positive")
        #expect(train.shortcutCorrelation(with: "positive") == 1)
        // Test: shortcut on test-2 (negative) and test-3 (positive), not on test-1 (positive):
        // n11 = 1, n10 = 1, n01 = 1, n00 = 0 → (0 − 1) / √(2·1·2·1) = −0.5.
        #expect(test.shortcutCorrelation(with: "positive") == -0.5)
        #expect(summary.examples.map(\.id) == ["valid-text-test-1", "valid-text-test-2", "valid-text-test-3"])
    }

    @Test func citedFeaturesCountAsRationaleUnits() throws {
        let summary = try Self.summary(of: "valid-table")
        // credit-train-1 cites 1 of 3 features, credit-train-2 cites 2 of 3: 3 of 6.
        #expect(summary.splits[0].rationaleUnits == 3)
        #expect(summary.splits[0].rationaleFieldUnits == 6)
        #expect(summary.splits[0].rationaleShare == 0.5)
    }

    @Test func overlappingSpansCountEachTokenOnce() {
        var statistics = SuiteSummary.SplitStatistics(name: "test")
        // "one two three four five six": spans [0, 3) and [2, 5) cover tokens 0…4, five distinct tokens.
        statistics.add(Instance(id: "x", input: ["t": .text("one two three four five six")], label: "a",
                                rationale: [.span(field: "t", start: 0, end: 3), .span(field: "t", start: 2, end: 5)]))
        #expect(statistics.rationaleUnits == 5)
        #expect(statistics.rationaleFieldUnits == 6)
    }

    @Test(arguments: [
        ("A dull start, but a joy to watch.", [5, 6, 7], 0, "A dull start, but [a joy to] watch."),
        ("x y z w", [0, 2, 3], 0, "[x] y [z w]"),
        ("It spans the river.", [6, 7], 5, "It [spans the] river."),
        ("  padded  ", [0], 0, "  [padded]  "),
    ])
    func marksRunsOfRationaleTokens(text: String, tokens: [Int], offset: Int, expected: String) {
        #expect(SuiteSummary.mark(text, tokens: Set(tokens), offset: offset) == expected)
    }

    @Test func reportShowsBalanceShortcutAndMarkedExamples() throws {
        let report = try Self.summary(of: "valid-text").report
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "valid-text 1.0.0: Tiny review sentiment")
        #expect(lines[1] == "task: classification; labels: negative, positive; inputs: review (text)")
        #expect(lines.contains("split  instances  negative   positive   rationale tokens (mean)  share of field tokens"))
        // 7 / 4 = 1.75 and 7 / 25 = 28.0 %; 5 / 3 = 1.67 and 5 / 24 = 20.8 %.
        #expect(lines.contains("train  4          2 (50.0%)  2 (50.0%)  1.75                     28.0%"))
        #expect(lines.contains("test   3          1 (33.3%)  2 (66.7%)  1.67                     20.8%"))
        #expect(lines.contains("shortcut: phi of the shortcut flag with label == positive: 1.00 in train, -0.50 in test"))
        #expect(lines.contains("  review: A dull start, but [a joy to] watch."))
        #expect(lines.contains("valid-text-test-2: label negative, shortcut present"))
    }

    @Test func rendersEveryFieldType() throws {
        let choices = SuiteSummary.render(field: InputField(name: "choices", type: .choices),
                                          value: .choices(["oven", "fridge"]), rationale: [])
        #expect(choices == ["  choices: A) oven  B) fridge"])
        let table = SuiteSummary.render(
            field: InputField(name: "applicant", type: .table, features: [.init(name: "income", kind: .number),
                                                                           .init(name: "housing", kind: .category)]),
            value: .table(["income": .number(52000), "housing": .category("rent")]),
            rationale: [.features(field: "applicant", names: ["housing"])])
        #expect(table == ["  applicant: income=52000, [housing=rent]"])
        let list = SuiteSummary.render(field: InputField(name: "evidence", type: .textList),
                                       value: .textList(["The bridge opened in 1932.", "It spans the river."]),
                                       rationale: [.span(field: "evidence", start: 4, end: 7)])
        // Flattened: The bridge opened in 1932 . | It spans … → [4, 7) is "1932", ".", "It".
        #expect(list == ["  evidence[0]: The bridge opened in [1932.]", "  evidence[1]: [It] spans the river."])
    }
}
