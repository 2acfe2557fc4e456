import Foundation

/// Renders the leaderboard as one self-contained HTML page: tables plus SVG bar charts with interval whiskers,
/// no scripts and no external assets.
public enum HTMLLeaderboard {
    public static func render(results: [ModelResults], sanity: SanityMatrix?) -> String {
        let results = results.sorted { $0.model.name < $1.model.name }
        var body: [String] = []
        body.append("<h1>Candor leaderboard</h1>")
        body.append("<p>Standardized score per family: 0 = random control, 1 = reference explanation.</p>")
        body.append(headline(LeaderboardSummary(results: results)))
        if let sanity {
            body.append(sanitySection(sanity))
        }
        let suiteIDs = Array(Set(results.flatMap { $0.suites.map(\.id) })).sorted()
        for suiteID in suiteIDs {
            body.append("<h2>Suite \(escape(suiteID))</h2>")
            body.append(suiteTable(suiteID, results: results))
            body.append(legend)
            let scorerIDs = Array(Set(results.flatMap { model in
                model.suites.filter { $0.id == suiteID }.flatMap { $0.scores.map(\.scorer) }
            })).sorted()
            for scorerID in scorerIDs {
                var bars: [Bar] = []
                for model in results {
                    guard let suite = model.suites.first(where: { $0.id == suiteID }) else { continue }
                    for entry in suite.scores where entry.scorer == scorerID {
                        guard let value = entry.value else { continue }
                        bars.append(Bar(label: "\(shortened(model.model.name)) · \(entry.source.rawValue)",
                                        value: value, low: entry.low, high: entry.high, source: entry.source))
                    }
                }
                if !bars.isEmpty {
                    let direction = results.lazy.compactMap { $0.scorers.first { $0.id == scorerID }?.direction }.first
                    let arrow = direction.map { $0 == .higherIsBetter ? " ↑" : " ↓" } ?? ""
                    body.append("<h3>\(escape(scorerID))\(arrow)</h3>")
                    body.append(chart(bars))
                }
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Candor leaderboard</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
        td{white-space:nowrap}
        td:first-child,th:first-child{text-align:left;min-width:8em;max-width:20em;white-space:normal;overflow-wrap:anywhere}.name{text-align:left}td.fail{color:#b00;font-weight:bold}
        svg text{font-size:11px;font-family:system-ui,sans-serif}
        .key{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:middle}
        </style></head><body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }

    /// A value over its interval, on two short lines so that a table of them stays narrow.
    static func interval(_ value: Double?, _ low: Double?, _ high: Double?, fallback: String = "n/a") -> String {
        guard let value else { return fallback }
        guard let low, let high else { return MarkdownLeaderboard.number(value) }
        return "\(MarkdownLeaderboard.number(value))<br><small>[\(MarkdownLeaderboard.number(low)), "
            + "\(MarkdownLeaderboard.number(high))]</small>"
    }

    /// What the bar colours mean.
    static let legend = "<p>" + ExplanationSource.allCases.map { source in
        "<span class=\"key\" style=\"background:\(colours[source]!)\"></span>\(source.rawValue)"
    }.joined() + "; whiskers show the 95 % interval; the dashed line is 0.</p>"

    static let colours: [ExplanationSource: String] = [.self: "#3b6fb6", .reference: "#5a9e4b", .random: "#9a9a9a"]

    /// Every cell of the sanity matrix, failing cells in red.
    static func sanitySection(_ sanity: SanityMatrix) -> String {
        var html = "<h2>Sanity of the scorers</h2><p>\(sanity.cells.count) cells: \(escape(sanity.tally)).</p>"
        html += "<table><tr><th>suite</th><th class=\"name\">scorer</th><th class=\"name\">comparison</th>"
            + "<th>difference</th><th>result</th></tr>"
        for cell in sanity.cells {
            let result = "\(cell.status.rawValue) (n = \(cell.n))" + (cell.reason.map { ": " + escape($0) } ?? "")
            html += "<tr><td>\(escape(cell.suite))</td><td class=\"name\">\(escape(cell.scorer))</td>"
                + "<td class=\"name\">\(escape(cell.winner)) vs \(escape(cell.other))</td>"
                + "<td>\(MarkdownLeaderboard.interval(cell.difference, cell.low, cell.high, fallback: "–"))</td>"
                + "<td\(cell.status == .fail ? " class=\"fail\"" : "")>\(result)</td></tr>"
        }
        return html + "</table>"
    }

    /// One row per model and scorer: each source's value with its interval, and the self − reference verdict.
    static func suiteTable(_ suiteID: String, results: [ModelResults]) -> String {
        var html = "<table><tr><th>model</th><th class=\"name\">scorer</th><th>self</th><th>reference</th>"
            + "<th>random</th><th>self − reference</th><th class=\"name\">verdict</th><th>n</th>"
            + "<th>coverage</th></tr>"
        for model in results {
            guard let suite = model.suites.first(where: { $0.id == suiteID }) else { continue }
            for scorer in model.scorers {
                let entries = ExplanationSource.allCases.map { source in
                    suite.scores.first { $0.scorer == scorer.id && $0.source == source }
                }
                guard entries.contains(where: { $0 != nil }) else { continue }
                let cells = entries.map { entry in entry.map { interval($0.value, $0.low, $0.high) } ?? "" }
                let comparison = suite.comparisons.first { $0.scorer == scorer.id }
                let own = suite.scores.first { $0.scorer == scorer.id && $0.source == .self }
                html += "<tr><td>\(escape(shortened(model.model.name)))</td>"
                    + "<td class=\"name\">\(escape(scorer.id))</td>"
                    + cells.map { "<td>\($0)</td>" }.joined()
                    + "<td>\(comparison.map { interval($0.difference, $0.low, $0.high, fallback: "") } ?? "")</td>"
                    + "<td class=\"name\">\(comparison?.verdict?.rawValue ?? "")</td><td>\(own?.n ?? 0)</td>"
                    + "<td>\(MarkdownLeaderboard.percent(own?.coverage ?? 0))</td></tr>"
            }
        }
        return html + "</table>"
    }

    struct Bar {
        var label: String
        var value: Double
        var low: Double?
        var high: Double?
        var source: ExplanationSource
    }

    static func headline(_ summary: LeaderboardSummary) -> String {
        var html = "<table><tr><th>model</th><th>version</th>"
        for family in ScorerFamily.allCases {
            html += "<th>\(family.rawValue)</th><th>self beats reference</th>"
        }
        html += "</tr>"
        for row in summary.rows {
            html += "<tr><td>\(escape(row.model))</td><td>\(escape(row.version))</td>"
            for score in row.families {
                html += "<td>\(score.standardized.map { String(format: "%.3f", $0) } ?? "–")</td>"
                html += "<td>\(score.suitesWon) / \(score.suitesCompared)</td>"
            }
            html += "</tr>"
        }
        return html + "</table>"
    }

    /// A horizontal bar chart; whiskers show the interval. The scale spans 0 and every value and bound.
    static func chart(_ bars: [Bar]) -> String {
        let labelWidth = 300.0
        let plotWidth = 420.0
        let rowHeight = 18.0
        var numbers: [Double] = [0]
        for bar in bars { numbers += [bar.value, bar.low ?? bar.value, bar.high ?? bar.value] }
        let minimum = numbers.min()!
        let maximum = max(numbers.max()!, minimum + 1e-9)
        let x = { (value: Double) in labelWidth + (value - minimum) / (maximum - minimum) * plotWidth }
        let height = Double(bars.count) * rowHeight + 20
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plotWidth + 70))\" "
            + "height=\"\(Int(height))\" role=\"img\">"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let start = min(x(0), x(bar.value))
            let width = abs(x(bar.value) - x(0))
            svg += "<text x=\"\(format(labelWidth - 6))\" y=\"\(format(y + 11))\" text-anchor=\"end\">"
                + "\(escape(bar.label))</text>"
            svg += "<rect x=\"\(format(start))\" y=\"\(format(y))\" width=\"\(format(max(width, 0.5)))\" "
                + "height=\"\(format(rowHeight - 6))\" fill=\"\(colours[bar.source]!)\"/>"
            if let low = bar.low, let high = bar.high {
                let middle = y + (rowHeight - 6) / 2
                svg += "<line x1=\"\(format(x(low)))\" x2=\"\(format(x(high)))\" y1=\"\(format(middle))\" "
                    + "y2=\"\(format(middle))\" stroke=\"#000\"/>"
                for end in [low, high] {
                    svg += "<line x1=\"\(format(x(end)))\" x2=\"\(format(x(end)))\" y1=\"\(format(middle - 4))\" "
                        + "y2=\"\(format(middle + 4))\" stroke=\"#000\"/>"
                }
            }
            svg += "<text x=\"\(format(labelWidth + plotWidth + 6))\" y=\"\(format(y + 11))\">"
                + "\(String(format: "%.3f", bar.value))</text>"
        }
        svg += "<line x1=\"\(format(x(0)))\" x2=\"\(format(x(0)))\" y1=\"0\" y2=\"\(format(height - 16))\" "
            + "stroke=\"#444\" stroke-dasharray=\"2,2\"/></svg>"
        return svg
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// The longest name shown in a chart label, whose width is fixed.
    static let labelLength = 32

    /// `text` cut to ``labelLength`` characters with an ellipsis.
    static func shortened(_ text: String) -> String {
        text.count > labelLength ? String(text.prefix(labelLength - 1)) + "…" : text
    }

    /// Escapes text for HTML element content and attribute values. Line breaks and tabs become spaces and other
    /// control characters are dropped, so a name cannot carry invisible text.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if character.isNewline || character == "\t" {
                    result += " "
                } else if !character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                    result.append(character)
                }
            }
        }
        return result
    }
}
