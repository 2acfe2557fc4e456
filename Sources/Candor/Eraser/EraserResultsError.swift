/// Everything wrong with an ERASER results file, found in one pass as ERASER's `verify_instances` does, so that a
/// file is fixed once rather than once per problem.
public struct EraserResultsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems kept, in file order (at most ``listingLimit``).
    public var problems: [ImportError]
    /// Problems found beyond those kept.
    public var omittedCount: Int

    public static let listingLimit = 200

    public init(problems: [ImportError], omittedCount: Int = 0) {
        self.problems = problems
        self.omittedCount = omittedCount
    }

    public var description: String {
        var lines = problems.map(\.description)
        if omittedCount > 0 { lines.append("… and \(omittedCount) more problem\(omittedCount == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }
}
