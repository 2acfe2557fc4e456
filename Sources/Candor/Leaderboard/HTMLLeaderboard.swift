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
            let failing = sanity.failures.count
            body.append("<h2>Sanity of the scorers</h2><p>\(sanity.cells.count) cells, \(failing) failing.</p>")
        }
        let suiteIDs = Array(Set(results.flatMap { $0.suites.map(\.id) })).sorted()
        for suiteID in suiteIDs {
            body.append("<h2>Suite \(escape(suiteID))</h2>")
            let scorerIDs = Array(Set(results.flatMap { model in
                model.suites.filter { $0.id == suiteID }.flatMap { $0.scores.map(\.scorer) }
            })).sorted()
            for scorerID in scorerIDs {
                var bars: [Bar] = []
                for model in results {
                    guard let suite = model.suites.first(where: { $0.id == suiteID }) else { continue }
                    for entry in suite.scores where entry.scorer == scorerID {
                        guard let value = entry.value else { continue }
                        bars.append(Bar(label: "\(shortened(model.model.name)) · \(entry.source.rawValue)", value: value,
                                        low: entry.low, high: entry.high, source: entry.source))
                    }
                }
                if !bars.isEmpty {
                    body.append("<h3>\(escape(scorerID))</h3>")
                    body.append(chart(bars))
                }
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Candor leaderboard</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
        td:first-child,th:first-child{text-align:left;max-width:24em;overflow-wrap:anywhere}svg text{font-size:11px;font-family:system-ui,sans-serif}
        </style></head><body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
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
        let labelWidth = 260.0
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
        let colours: [ExplanationSource: String] = [.self: "#3b6fb6", .reference: "#5a9e4b", .random: "#9a9a9a"]
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
    static let labelLength = 40

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
