/// A line from a model that broke the protocol, kept with an excerpt so the model's author can see it.
///
/// Incidents are recorded, never fatal: the run goes on. One that names a request also ends that request as a
/// protocol error; one that cannot be matched to a request (no readable `id`, an unknown or repeated `id`) is
/// recorded here and mentioned in the reason of any request that then goes unanswered.
public struct ProtocolIncident: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the line.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not UTF-8, not a JSON object, no string `id`, or a known key of the wrong type.
        case malformed
        /// An `id` that matches no request sent to this process.
        case unknownID = "unknown-id"
        /// A second answer to a request already answered.
        case duplicateID = "duplicate-id"
        /// Longer than the line limit (`maxLine`).
        case tooLong = "too-long"
        /// Output ended in the middle of a line.
        case unterminated
    }

    public var kind: Kind
    /// Which worker's process printed it (0-based).
    public var worker: Int
    /// What was wrong, e.g. `probabilities.positive: expected a number, found a string`.
    public var detail: String
    /// The line's beginning, as text (invalid UTF-8 replaced), at most ``excerptLength`` characters.
    public var excerpt: String

    /// How many bytes of a line an excerpt keeps.
    public static let excerptLength = 120

    public init(kind: Kind, worker: Int, detail: String, excerpt: String) {
        self.kind = kind
        self.worker = worker
        self.detail = detail
        self.excerpt = excerpt
    }

    /// The beginning of `line` as text, marked with `…` when cut.
    public static func excerpt(of line: some Collection<UInt8>) -> String {
        let text = String(decoding: line.prefix(excerptLength), as: UTF8.self)
        return line.count > excerptLength ? text + "…" : text
    }

    public var description: String {
        "\(detail) (line: \(excerpt))"
    }
}
