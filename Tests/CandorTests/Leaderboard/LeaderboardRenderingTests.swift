import Candor
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct LeaderboardRenderingTests {
    static func results(name: String, version: String = "1", selfValue: Double = 0.6,
                        verdict: PairedComparison.Verdict = .better, failures: [String: Int] = [:]) -> ModelResults {
        let scores = [
            ScoreEntry(scorer: "comprehensiveness", source: .self, value: selfValue, low: selfValue - 0.05,
                       high: selfValue + 0.05, n: 100, coverage: 1),
            ScoreEntry(scorer: "comprehensiveness", source: .reference, value: 0.4, low: 0.35, high: 0.45, n: 100,
                       coverage: 1),
            ScoreEntry(scorer: "comprehensiveness", source: .random, value: 0.1, low: 0.05, high: 0.15, n: 100,
                       coverage: 1),
        ]
        let suite = SuiteResults(
            id: "sentiment", version: "1.0.0", contentHash: String(repeating: "ab", count: 32), instances: 100,
            accuracy: 0.9, majorityBaseline: 0.5, failures: failures, requests: 400, scores: scores,
            comparisons: [ComparisonEntry(scorer: "comprehensiveness", difference: selfValue - 0.4, low: 0.1,
                                          high: 0.3, n: 100, verdict: verdict)])
        return ModelResults(
            model: .init(name: name, version: version, capabilities: ["probabilities"], key: "k",
                         command: "candor run --model-command 'x' --name \(name)"),
            scorers: [.init(Comprehensiveness.self)], suites: [suite])
    }

    @Test func standardizesAgainstTheRandomFloorAndTheReferenceLine() throws {
        // (self − random) / (reference − random) = (0.6 − 0.1) / (0.4 − 0.1) = 0.5 / 0.3 = 5/3
        let row = try #require(LeaderboardSummary(results: [Self.results(name: "m")]).rows.first)
        let faithfulness = try #require(row.families.first { $0.family == .faithfulness })
        #expect(abs((faithfulness.standardized ?? 0) - 5.0 / 3.0) < 1e-12)
        #expect(faithfulness.suitesWon == 1 && faithfulness.suitesCompared == 1)
        let lost = LeaderboardSummary(results: [Self.results(name: "m", verdict: .noDifference)]).rows[0]
        #expect(lost.families.first { $0.family == .faithfulness }?.suitesWon == 0)
    }

    static let hostileNames = [
        "a|b", "`code`", "<script>alert(1)</script>", "line\nbreak", String(repeating: "x", count: 500),
        "[link](http://example.com)", "**bold**",
    ]

    @Test(arguments: hostileNames)
    func hostileNamesRenderInert(name: String) throws {
        let markdown = MarkdownLeaderboard.render(results: [Self.results(name: name, version: name)], sanity: nil)
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("`code`"))
        #expect(!markdown.contains("](http"))
        let lines = markdown.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("| model | version |") })
        let row = try #require(lines.first { line in
            line.hasPrefix("| ") && line.hasSuffix(" % |") && !line.hasPrefix("| model")
        })
        // The name cannot add a cell or a line, and a long name is cut in the table.
        #expect(row.components(separatedBy: "|").count == header.components(separatedBy: "|").count)
        #expect(row.count < 400)
        let html = HTMLLeaderboard.render(results: [Self.results(name: name)], sanity: nil)
        #expect(!html.contains("<script>"))
        let xml = JUnitReport.render(results: [Self.results(name: name)], sanity: nil, maximumFailureRate: 0.01)
        _ = try XMLDocument(xmlString: xml)
    }

    @Test func headlineRowsKeepTheirColumnsWithAPipeInTheName() {
        let markdown = MarkdownLeaderboard.render(results: [Self.results(name: "a|b|c")], sanity: nil)
        let lines = markdown.split(separator: "\n").map(String.init)
        let header = lines.first { $0.hasPrefix("| model | version |") }!
        let row = lines.first { $0.hasPrefix("| a") }!
        #expect(row.components(separatedBy: "|").count == header.components(separatedBy: "|").count)
    }

    @Test func spliceReplacesOnlyTheMarkedBlock() {
        let existing = "# Title\n\nIntro.\n\n\(MarkdownLeaderboard.beginMarker)\nold\n\(MarkdownLeaderboard.endMarker)\n\nOutro.\n"
        let spliced = MarkdownLeaderboard.splice("new table", into: existing)
        #expect(spliced == "# Title\n\nIntro.\n\n\(MarkdownLeaderboard.beginMarker)\nnew table\n\(MarkdownLeaderboard.endMarker)\n\nOutro.\n")
        let appended = MarkdownLeaderboard.splice("x", into: "# Title\n")
        #expect(appended == "# Title\n\n\(MarkdownLeaderboard.beginMarker)\nx\n\(MarkdownLeaderboard.endMarker)\n")
    }

    @Test func junitFailsASuiteWithTooManyFailedRequests() throws {
        // 40 failed of 400 requests = 10 % > 5 %.
        let xml = JUnitReport.render(results: [Self.results(name: "m", failures: ["timeout": 40])], sanity: nil,
                                     maximumFailureRate: 0.05)
        let document = try XMLDocument(xmlString: xml)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 1)
        let clean = JUnitReport.render(results: [Self.results(name: "m", failures: ["timeout": 4])], sanity: nil,
                                       maximumFailureRate: 0.05)
        #expect(try XMLDocument(xmlString: clean).nodes(forXPath: "//testcase/failure").isEmpty)
    }
}
