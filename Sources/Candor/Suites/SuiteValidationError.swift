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
