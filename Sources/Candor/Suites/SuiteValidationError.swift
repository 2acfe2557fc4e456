/// Everything wrong with one or more suites, found in one pass; thrown instead of a half-loaded suite.
public struct SuiteValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems kept, in file and line order (at most ``SuiteValidationError/listingLimit`` of them).
    public var issues: [SuiteIssue]
    /// Problems found beyond the ones kept: counted, not listed, so a wholly broken large file cannot flood a
    /// terminal or memory.
    public var omittedCount: Int

    /// How many problems a listing keeps.
    public static let listingLimit = 200

    public init(issues: [SuiteIssue], omittedCount: Int = 0) {
        self.issues = issues
        self.omittedCount = omittedCount
    }

    /// All problems, kept or not.
    public var totalCount: Int { issues.count + omittedCount }

    public var description: String {
        description(under: nil)
    }

    /// One problem a line, files named under `parent` (see ``SuiteIssue/description(under:)``).
    public func description(under parent: String?) -> String {
        var lines = issues.map { $0.description(under: parent) }
        if omittedCount > 0 {
            lines.append("… and \(omittedCount) more problem\(omittedCount == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n")
    }
}

/// Collects issues during a validation pass, keeping the first ``SuiteValidationError/listingLimit``.
struct IssueLog {
    private(set) var kept: [SuiteIssue] = []
    private(set) var omitted = 0

    var isEmpty: Bool { kept.isEmpty }
    var count: Int { kept.count + omitted }

    mutating func add(_ issue: SuiteIssue) {
        if kept.count < SuiteValidationError.listingLimit {
            kept.append(issue)
        } else {
            omitted += 1
        }
    }

    mutating func add(file: String, line: Int?, field: String?, found: String, expected: String) {
        add(SuiteIssue(file: file, line: line, field: field, found: found, expected: expected))
    }

    /// Puts the kept issues in line order (stable, whole-file issues first), for a document read out of order.
    mutating func sortByLine() {
        kept = kept.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    /// Adds another error's issues, kept and omitted.
    mutating func add(contentsOf error: SuiteValidationError) {
        for issue in error.issues { add(issue) }
        omitted += error.omittedCount
    }

    var error: SuiteValidationError {
        SuiteValidationError(issues: kept, omittedCount: omitted)
    }
}
