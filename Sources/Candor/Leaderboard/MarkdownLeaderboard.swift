import Foundation

/// Renders the leaderboard as Markdown, from results files only, so that CI can refresh it without a model.
public enum MarkdownLeaderboard {
    public static let beginMarker = "<!-- candor:leaderboard:begin -->"
    public static let endMarker = "<!-- candor:leaderboard:end -->"

    /// The generated block, without markers.
    public static func render(results: [ModelResults], sanity: SanityMatrix?) -> String {
        let results = results.sorted { $0.model.name < $1.model.name }
        var out: [String] = []
        out.append("## Headline")
        out.append("")
        out.append("Standardized score per family: 0 is the random control, 1 is the reference (human) explanation, "
            + "higher is better (averaged over the suites and scorers where the reference and random intervals are "
            + "apart). \"Self beats reference\" counts suites where the 95 % interval of the paired "
            + "self − reference difference excludes 0 in the better direction for at least one scorer of the "
            + "family and no scorer of the family says worse. For agreement the reference is the target itself, "
            + "so it is the ceiling: the column shows how close to it an explainer gets.")
        out.append("")
        var header = "| model | version |"
        var rule = "|---|---|"
        for family in ScorerFamily.allCases {
            header += " \(family.rawValue) | self beats reference |"
            rule += "---:|:---:|"
        }
        header += " failed requests |"
        rule += "---:|"
        out.append(header)
        out.append(rule)
        let summary = LeaderboardSummary(results: results)
        let best = Dictionary(uniqueKeysWithValues: ScorerFamily.allCases.map { family in
            (family, summary.rows.compactMap { $0.families.first { $0.family == family }?.standardized }.max())
        })
        for row in summary.rows {
            var line = "| \(MarkdownText.escape(row.model)) | \(MarkdownText.escape(row.version)) |"
            for score in row.families {
                let value = score.standardized.map { number($0) } ?? "–"
                let isBest = score.standardized != nil && score.standardized == best[score.family] ?? nil
                line += " \(isBest ? "**\(value)**" : value) | \(score.suitesWon) / \(score.suitesCompared) |"
            }
            line += " \(percent(row.failureRate)) |"
            out.append(line)
        }
        out.append("")
        if let sanity {
            out.append(contentsOf: sanitySection(sanity))
        }
        let suiteIDs = Array(Set(results.flatMap { $0.suites.map(\.id) })).sorted()
        for suiteID in suiteIDs {
            out.append(contentsOf: suiteSection(suiteID, results: results))
        }
        out.append(contentsOf: provenance(results))
        return out.joined(separator: "\n")
    }

    /// `existing` with the block between the markers replaced by `generated` (markers appended when absent).
    public static func splice(_ generated: String, into existing: String) -> String {
        let block = beginMarker + "\n" + generated.trimmingCharacters(in: .newlines) + "\n" + endMarker
        guard let begin = existing.range(of: beginMarker),
              let end = existing.range(of: endMarker, range: begin.upperBound..<existing.endIndex) else {
            let separator = existing.isEmpty || existing.hasSuffix("\n\n") ? "" : existing.hasSuffix("\n") ? "\n" : "\n\n"
            return existing + separator + block + "\n"
        }
        return String(existing[..<begin.lowerBound]) + block + String(existing[end.upperBound...])
    }

    static func suiteSection(_ suiteID: String, results: [ModelResults]) -> [String] {
        var out = ["## Suite `\(MarkdownText.escape(suiteID))`", ""]
        out.append("| model | scorer | self | reference | random | self − reference | verdict | n | coverage |")
        out.append("|---|---|---|---|---|---|---|---:|---:|")
        for model in results {
            guard let suite = model.suites.first(where: { $0.id == suiteID }) else { continue }
            for scorer in model.scorers {
                let cells = ExplanationSource.allCases.map { source -> String in
                    guard let entry = suite.scores.first(where: { $0.scorer == scorer.id && $0.source == source })
                    else { return "" }
                    return interval(entry.value, entry.low, entry.high, fallback: "n/a")
                }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                let comparison = suite.comparisons.first { $0.scorer == scorer.id }
                let own = suite.scores.first { $0.scorer == scorer.id && $0.source == .self }
                let arrow = scorer.direction == .higherIsBetter ? "↑" : "↓"
                out.append("| \(MarkdownText.escape(model.model.name)) | \(MarkdownText.escape(scorer.id)) \(arrow) | "
                    + cells.joined(separator: " | ") + " | "
                    + interval(comparison?.difference, comparison?.low, comparison?.high, fallback: "") + " | "
                    + (comparison?.verdict?.rawValue ?? "") + " | \(own?.n ?? 0) | "
                    + percent(own?.coverage ?? 0) + " |")
            }
            if let accuracy = suite.accuracy {
                out.append("| \(MarkdownText.escape(model.model.name)) | *accuracy* | \(number(accuracy)) | | "
                    + "\(suite.majorityBaseline.map { "majority \(number($0))" } ?? "") | | | \(suite.instances) | |")
            }
        }
        out.append("")
        return out
    }

    static func sanitySection(_ sanity: SanityMatrix) -> [String] {
        var out = ["## Sanity of the scorers", ""]
        out.append("Each scorer must rank the reference model's `faithful` explainer above `shuffled` and "
            + "`inverted` (faithfulness, simulatability), or `plausible` above the others (agreement). "
            + "Cells: \(sanity.tally).")
        out.append("")
        out.append("| suite | scorer | comparison | difference | result |")
        out.append("|---|---|---|---|---|")
        for cell in sanity.cells {
            out.append("| \(MarkdownText.escape(cell.suite)) | \(MarkdownText.escape(cell.scorer)) | "
                + "\(MarkdownText.escape(cell.winner)) vs \(MarkdownText.escape(cell.other)) | "
                + interval(cell.difference, cell.low, cell.high, fallback: "–") + " | "
                + (cell.status == .fail ? "**fail**" : cell.status.rawValue) + " (n = \(cell.n))"
                + (cell.reason.map { ": " + MarkdownText.escape($0, maximumLength: 200) } ?? "") + " |")
        }
        out.append("")
        return out
    }

    static func provenance(_ results: [ModelResults]) -> [String] {
        var out = ["## Provenance", ""]
        let versions = Set(results.map(\.candorVersion)).sorted()
        out.append("Candor \(versions.map { MarkdownText.escape($0) }.joined(separator: ", ")).")
        out.append("")
        var suites: [String: (String, String)] = [:]
        for model in results { for suite in model.suites { suites[suite.id] = (suite.version, suite.contentHash) } }
        out.append("| suite | version | content hash |")
        out.append("|---|---|---|")
        for id in suites.keys.sorted() {
            out.append("| \(MarkdownText.escape(id)) | \(MarkdownText.escape(suites[id]!.0)) | "
                + "`\(String(suites[id]!.1.prefix(16)).filter(\.isHexDigit))` |")
        }
        out.append("")
        out.append("| model | reproduce with |")
        out.append("|---|---|")
        for model in results {
            out.append("| \(MarkdownText.escape(model.model.name)) | "
                + "\(MarkdownText.escape(model.model.command, maximumLength: 400)) |")
        }
        out.append("")
        return out
    }

    static func number(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value * 100)
    }

    static func interval(_ value: Double?, _ low: Double?, _ high: Double?, fallback: String) -> String {
        guard let value else { return fallback }
        guard let low, let high else { return number(value) }
        return "\(number(value)) [\(number(low)), \(number(high))]"
    }
}
