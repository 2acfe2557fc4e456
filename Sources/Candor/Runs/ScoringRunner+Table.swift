import Foundation

extension ScoringRunner.Summary {
    /// One line per suite and model: probes asked and reused, failures, then each scorer's `self` value.
    public static func table(_ summaries: [ScoringRunner.Summary]) -> String {
        var lines = ["suite  model  probes  sent  failed  scores (self value; verdict vs reference)"]
        for summary in summaries {
            let scores = summary.scores.filter { $0.source == .self }.map { entry -> String in
                let value = entry.value.map { String(format: "%.3f", $0) } ?? "n/a"
                let verdict = summary.comparisons.first { $0.scorer == entry.scorer }?.verdict?.rawValue
                return "\(entry.scorer)=\(value)" + (verdict.map { "(\($0))" } ?? "")
            }
            lines.append("\(summary.suite)  \(summary.modelKey)  \(summary.probes)  \(summary.sent)  "
                + "\(summary.failed)  \(scores.joined(separator: " "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
