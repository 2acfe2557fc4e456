import CandorProtocol
import Foundation

extension SuiteRunSummary {
    /// The column titles of ``table(_:)``.
    public static let tableColumns = ["suite", "model", "instances", "accuracy", "majority", "sent", "reused",
                                      "failures", "wall"]

    /// `summaries` as an aligned plain-text table, one row each: names left-aligned, numbers right-aligned.
    ///
    /// Failures read `-` when there are none, else `status=count` pairs joined by commas, so no cell holds a space
    /// and the table splits cleanly on whitespace.
    public static func table(_ summaries: [SuiteRunSummary]) -> String {
        let rows = summaries.map { summary -> [String] in
            [
                summary.suite,
                summary.modelKey,
                "\(summary.instances)",
                summary.accuracy.map { String(format: "%.3f", $0) } ?? "-",
                summary.majorityBaseline.map { String(format: "%.3f", $0) } ?? "-",
                "\(summary.sent)",
                "\(summary.reused)",
                failureCell(summary.failures),
                String(format: "%.2fs", summary.wallSeconds),
            ]
        }
        let all = [tableColumns] + rows
        let widths = tableColumns.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let leftAligned: Set<Int> = [0, 1, 7]
        return all.map { row in
            row.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return leftAligned.contains(column) ? row[column] + padding : padding + row[column]
            }
            .joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        .joined(separator: "\n") + "\n"
    }

    static func failureCell(_ failures: [OutcomeStatus: Int]) -> String {
        let parts = OutcomeStatus.allCases.compactMap { status -> String? in
            guard let count = failures[status], count > 0 else { return nil }
            return "\(status.rawValue)=\(count)"
        }
        return parts.isEmpty ? "-" : parts.joined(separator: ",")
    }
}
