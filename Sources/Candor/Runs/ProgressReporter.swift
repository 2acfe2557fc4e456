import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows how a run is going, on stderr, so that stdout keeps only the results.
///
/// On a terminal it redraws one line in place (done/total, rate, ETA, failures); otherwise (a log file, CI) it
/// writes a plain line every ``interval`` and one when a task ends, so logs stay short and readable. Tasks are
/// named by their label, so several can run at once (suites run side by side): each line is the task that just
/// moved.
public actor ProgressReporter {
    public enum Style: Sendable, Hashable {
        /// One line redrawn in place with `\r`.
        case terminal
        /// A new line every ``ProgressReporter/interval``.
        case plain
        /// Nothing.
        case silent

        /// `terminal` when stderr is a terminal, `plain` otherwise.
        public static func detected() -> Style { isatty(STDERR_FILENO) == 1 ? .terminal : .plain }
    }

    public let style: Style
    /// Between two plain lines.
    public let interval: Duration
    /// Between two redraws of the terminal line; drawing on every batch would cost more than the batch.
    public let redrawInterval: Duration = .milliseconds(100)
    private let write: @Sendable (String) -> Void

    /// One task's counts.
    private struct Task {
        var total: Int?
        var done = 0
        var failures = 0
        var started = ContinuousClock.now
    }

    private var tasks: [String: Task] = [:]
    private var lastShown = ContinuousClock.now

    /// - Parameter write: Where the text goes; stderr unless a test captures it.
    public init(style: Style = .detected(), interval: Duration = .seconds(5),
                write: @escaping @Sendable (String) -> Void = ProgressReporter.writeToStandardError) {
        self.style = style
        self.interval = interval
        self.write = write
    }

    /// Starts the task `label` (e.g. one suite for one model) of `total` items, when known.
    public func begin(_ label: String, total: Int?) {
        tasks[label] = Task(total: total)
        if tasks.count == 1 { lastShown = .now }
    }

    /// Counts `count` more items of task `label` done, `failures` of them failed.
    public func advance(_ label: String, by count: Int, failures: Int = 0) {
        tasks[label, default: Task()].done += count
        tasks[label, default: Task()].failures += failures
        let now = ContinuousClock.now
        switch style {
        case .terminal where now - lastShown >= redrawInterval:
            lastShown = now
            write("\r" + currentLine(label, at: now) + "\u{1B}[K")
        case .plain where now - lastShown >= interval:
            lastShown = now
            write(currentLine(label, at: now) + "\n")
        default:
            break
        }
    }

    /// Ends the task `label` with a final line.
    public func end(_ label: String) {
        switch style {
        case .terminal: write("\r" + currentLine(label, at: .now) + "\u{1B}[K\n")
        case .plain: write(currentLine(label, at: .now) + "\n")
        case .silent: break
        }
        tasks[label] = nil
    }

    private func currentLine(_ label: String, at now: ContinuousClock.Instant) -> String {
        let task = tasks[label] ?? Task()
        return Self.line(label: label, done: task.done, total: task.total, elapsed: Self.seconds(now - task.started),
                         failures: task.failures)
    }

    /// The progress line: `label  done/total  percent  rate/s  ETA  failures`.
    ///
    /// The rate is items per second since the start; the ETA is what remains at that rate, shown only when the
    /// total is known and the rate is positive.
    public static func line(label: String, done: Int, total: Int?, elapsed: Double, failures: Int) -> String {
        var parts = [label]
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        if let total {
            let percent = total > 0 ? 100 * done / total : 100
            parts.append("\(done)/\(total)")
            parts.append("\(percent)%")
        } else {
            parts.append("\(done)")
        }
        parts.append("\(Int(rate.rounded()))/s")
        if let total, rate > 0, done < total {
            parts.append("ETA " + duration(Double(total - done) / rate))
        }
        parts.append("failures \(failures)")
        return parts.joined(separator: "  ")
    }

    /// `42s`, `3m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + String(format: "%02d", whole % 60) + "s" }
        return "\(whole / 3600)h" + String(format: "%02d", (whole % 3600) / 60) + "m"
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Writes `text` to stderr unbuffered, so a redrawn line appears at once.
    public static let writeToStandardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }
}
