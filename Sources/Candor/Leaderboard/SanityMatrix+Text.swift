import Foundation

extension SanityMatrix {
    /// The matrix as aligned plain text for the terminal: one line per cell, then a verdict line.
    public var text: String {
        var lines = ["suite           scorer                     comparison             difference [95% interval]     n  result"]
        for cell in cells {
            let interval: String
            if let difference = cell.difference, let low = cell.low, let high = cell.high {
                interval = String(format: "%+.3f [%+.3f, %+.3f]", difference, low, high)
            } else {
                interval = "–"
            }
            lines.append(cell.suite.padding(toLength: 16, withPad: " ", startingAt: 0)
                + cell.scorer.padding(toLength: 27, withPad: " ", startingAt: 0)
                + "\(cell.winner) > \(cell.other)".padding(toLength: 23, withPad: " ", startingAt: 0)
                + interval.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%5d", cell.n) + "  " + cell.status.rawValue + (cell.reason.map { ": " + $0 } ?? ""))
        }
        lines.append("")
        lines.append(tally)
        return lines.joined(separator: "\n") + "\n"
    }
}
