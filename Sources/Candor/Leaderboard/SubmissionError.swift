/// Everything wrong with one or more submission files, found in one pass.
///
/// Each problem reads `file:line: field: found …, expected …`, the form suite validation uses, so an editor can
/// jump to it.
public struct SubmissionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [SuiteIssue]

    public init(issues: [SuiteIssue]) {
        self.issues = issues
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
