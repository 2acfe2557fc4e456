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

    @Test func skipsPairsWhoseReferenceAndRandomIntervalsOverlap() throws {
        // Reference 0.4 [0.35, 0.45] and random 0.1 [0.05, 0.15] are apart: standardized (0.6 − 0.1) / 0.3.
        // Widen random to [0.05, 0.36] and it overlaps the reference: nothing can be standardized.
        var results = Self.results(name: "m")
        results.suites[0].scores[2].high = 0.36
        let row = try #require(LeaderboardSummary(results: [results]).rows.first)
        #expect(row.families.first { $0.family == .faithfulness }?.standardized == nil)
    }

    /// A simulatability scorer judged by an external simulator (`las@judge`) is shown as a row of its own but stays
    /// out of the headline, which compares models on the built-in simulator's numbers only.
    @Test func aJudgedScorerStaysOutOfTheHeadline() throws {
        var results = Self.results(name: "m")
        let judged = try #require(ModelResults.ScorerEntry(storedID: "las@gpt-judge"))
        #expect(judged.judge == "gpt-judge" && judged.family == .simulatability && judged.version == Las.version)
        results.scorers.append(judged)
        let values: [(ExplanationSource, Double)] = [(.`self`, 0.3), (.reference, 0.2), (.random, 0.0)]
        for (source, value) in values {
            results.suites[0].scores.append(ScoreEntry(scorer: "las@gpt-judge", source: source, value: value,
                                                       low: value - 0.01, high: value + 0.01, n: 100, coverage: 1))
        }
        results.suites[0].comparisons.append(ComparisonEntry(scorer: "las@gpt-judge", difference: 0.1, low: 0.05,
                                                             high: 0.15, n: 100, verdict: .better))
        let row = try #require(LeaderboardSummary(results: [results]).rows.first)
        let simulatability = try #require(row.families.first { $0.family == .simulatability })
        #expect(simulatability.standardized == nil && simulatability.suitesCompared == 0)
        #expect(MarkdownLeaderboard.render(results: [results], sanity: nil).contains("las@gpt-judge"))
        // The built-in simulator's `las` would count: (0.3 − 0) / (0.2 − 0) = 1.5.
        results.scorers.append(.init(Las.self))
        for index in results.suites[0].scores.indices where results.suites[0].scores[index].scorer == "las@gpt-judge" {
            results.suites[0].scores.append(ScoreEntry(scorer: "las", source: results.suites[0].scores[index].source,
                                                       value: results.suites[0].scores[index].value,
                                                       low: results.suites[0].scores[index].low,
                                                       high: results.suites[0].scores[index].high, n: 100,
                                                       coverage: 1))
        }
        let counted = LeaderboardSummary(results: [results]).rows[0].families.first { $0.family == .simulatability }
        #expect(abs((counted?.standardized ?? 0) - 1.5) < 1e-12)
    }

    @Test func storedScorerIDs() {
        #expect(ModelResults.ScorerEntry(storedID: "las")?.judge == nil)
        #expect(ModelResults.ScorerEntry(storedID: "las")?.id == "las")
        #expect(ModelResults.ScorerEntry(storedID: "counterfactual-simulation@a@b")?.judge == "a@b")
        #expect(ModelResults.ScorerEntry(storedID: "nope@judge") == nil)
        #expect(ModelResults.ScorerEntry(storedID: "nope") == nil)
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

    static let moreHostileText = [
        "ctrl\u{1}char\u{7F}", "end --> <!-- comment", "<img src=x onerror=alert(1)>", "a\r\nb\u{2028}c",
        "# heading", "&lt;script&gt;", "\\|", "x\ty",
    ]

    /// Results whose every string that comes from a file (model, versions, command, suite, scorer) is `text`,
    /// and a sanity matrix whose cells are named by `text` too.
    static func hostile(_ text: String) -> (ModelResults, SanityMatrix) {
        var results = Self.results(name: text, version: text)
        results.candorVersion = text
        results.model.command = "candor run --name " + text
        results.scorers.append(.init(id: text, version: 1, family: .agreement, direction: .higherIsBetter))
        results.suites[0].id = text
        results.suites[0].version = text
        results.suites[0].scores.append(ScoreEntry(scorer: text, source: .self, value: 0.5, low: 0.4, high: 0.6,
                                                   n: 10, coverage: 1))
        results.suites[0].comparisons.append(ComparisonEntry(scorer: text, difference: 0.1, low: 0.05, high: 0.15,
                                                             n: 10, verdict: .better))
        let sanity = SanityMatrix(cells: [SanityMatrix.Cell(suite: text, scorer: text, family: .agreement,
                                                              winner: text, other: text, difference: 0.1, low: 0.05,
                                                              high: 0.2, n: 40, status: .pass)])
        return (results, sanity)
    }

    /// The cells of a Markdown table row: split on the `|` that are not escaped as `&#124;`.
    static func cellCount(_ line: String) -> Int {
        line.components(separatedBy: "|").count
    }

    @Test(arguments: hostileNames + moreHostileText)
    func hostileTextInEveryFieldRendersInert(text: String) throws {
        let (results, sanity) = Self.hostile(text)
        let markdown = MarkdownLeaderboard.render(results: [results], sanity: sanity)
        for forbidden in ["<script", "<img", "<!--", "-->", "`code`", "](http", "\u{1}", "\u{7F}", "\r", "\u{2028}"] {
            #expect(!markdown.contains(forbidden), "\(forbidden) in the Markdown")
        }
        // Every table row has as many cells as its table's header: no text can add a cell or end a row early.
        let lines = markdown.components(separatedBy: "\n")
        var header: Int?
        for line in lines {
            guard line.hasPrefix("|") else { header = nil; continue }
            if let header {
                if !line.hasPrefix("|---") { #expect(Self.cellCount(line) == header, "\(line)") }
            } else {
                header = Self.cellCount(line)
            }
        }
        // Headings stay headings: a name cannot start a line of its own.
        #expect(lines.filter { $0.hasPrefix("#") }.allSatisfy { $0.hasPrefix("## ") })
        #expect(!lines.contains { $0.hasPrefix("# heading") })

        let html = HTMLLeaderboard.render(results: [results], sanity: sanity)
        for forbidden in ["<script", "<img", "<!-- comment", "\u{1}", "\u{7F}"] {
            #expect(!html.contains(forbidden), "\(forbidden) in the HTML")
        }
        // The headline, the sanity matrix and the suite's table, with one row per cell or scorer: 1 sanity cell,
        // and 2 scorers (comprehensiveness and the hostile one) in the suite table, each after its header row.
        #expect(html.components(separatedBy: "<table>").count - 1 == 3)
        #expect(html.components(separatedBy: "<tr>").count - 1 == (1 + 1) + (1 + 1) + (1 + 2))
        // A long name is cut in the chart's labels, which have a fixed width.
        let labels = html.components(separatedBy: "text-anchor=\"end\">").dropFirst()
            .map { $0.prefix { $0 != "<" } }
        #expect(!labels.isEmpty && labels.allSatisfy { $0.count <= 200 })

        let xml = JUnitReport.render(results: [results], sanity: sanity, maximumFailureRate: 0.01)
        let document = try XMLDocument(xmlString: xml)
        #expect(try document.nodes(forXPath: "//testcase").count == 2)
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
