/// Collects issues during a validation pass, keeping the first ``SuiteValidationError/listingLimit``.
struct IssueLog: Sendable {
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
