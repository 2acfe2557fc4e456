/// One named check of a model's conformance to the protocol, with its verdict and what was seen.
public struct ConformanceCheck: Sendable, Hashable, CustomStringConvertible {
    /// The verdict of a check.
    public enum Verdict: String, Sendable, Hashable {
        case pass = "PASS"
        case fail = "FAIL"
        /// The check does not apply: the model does not declare the capability, or an earlier check failed.
        case skip = "SKIP"
    }

    /// The check's name, e.g. `handshake`, `probabilities`, `ids`.
    public var name: String
    public var verdict: Verdict
    /// What was checked and what was found; on a failure, the first offending answers.
    public var detail: String

    public init(name: String, verdict: Verdict, detail: String) {
        self.name = name
        self.verdict = verdict
        self.detail = detail
    }

    public static func pass(_ name: String, _ detail: String) -> ConformanceCheck {
        ConformanceCheck(name: name, verdict: .pass, detail: detail)
    }

    public static func fail(_ name: String, _ detail: String) -> ConformanceCheck {
        ConformanceCheck(name: name, verdict: .fail, detail: detail)
    }

    public static func skip(_ name: String, _ detail: String) -> ConformanceCheck {
        ConformanceCheck(name: name, verdict: .skip, detail: detail)
    }

    /// A pass when `problems` is empty, otherwise a failure listing the first few of them.
    static func judge(_ name: String, problems: [String], passing: String) -> ConformanceCheck {
        guard !problems.isEmpty else { return .pass(name, passing) }
        let shown = problems.prefix(3).joined(separator: "; ")
        let more = problems.count > 3 ? " (and \(problems.count - 3) more)" : ""
        return .fail(name, shown + more)
    }

    public var description: String {
        "\(verdict.rawValue) \(name): \(detail)"
    }
}
