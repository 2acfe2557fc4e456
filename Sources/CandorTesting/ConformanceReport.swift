import Foundation

/// The result of ``ModelConformance``: every check, in the order run, and the verdict over all of them.
public struct ConformanceReport: Sendable, Hashable {
    /// The model as it introduced itself (`name version`), or the command when it did not.
    public var model: String
    /// The suite whose instances the checks used.
    public var suite: String
    public var checks: [ConformanceCheck]

    public init(model: String, suite: String, checks: [ConformanceCheck]) {
        self.model = model
        self.suite = suite
        self.checks = checks
    }

    /// True when no check failed (skipped checks do not count against the model).
    public var passed: Bool { !checks.contains { $0.verdict == .fail } }

    /// The names of the failed checks.
    public var failures: [String] { checks.filter { $0.verdict == .fail }.map(\.name) }

    /// The check named `name`, if it ran.
    public func check(named name: String) -> ConformanceCheck? {
        checks.first { $0.name == name }
    }

    /// One line per check, then the verdict: what `candor check-model` prints.
    public var text: String {
        let width = checks.map(\.name.count).max() ?? 0
        var lines = ["Conformance of \(model) on suite \(suite)"]
        for check in checks {
            let name = check.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(check.verdict.rawValue)  \(name)  \(check.detail)")
        }
        let failed = failures
        lines.append(failed.isEmpty
            ? "All \(checks.filter { $0.verdict == .pass }.count) checks that apply passed."
            : "\(failed.count) check(s) failed: \(failed.joined(separator: ", ")).")
        return lines.joined(separator: "\n") + "\n"
    }
}
