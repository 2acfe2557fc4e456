/// Why one line from a model is not an acceptable protocol message.
///
/// Every rejection names the key it is about (`path`, e.g. `probabilities.positive` or
/// `explanation.highlights[0].tokens[2]`; empty for the line as a whole) and what was wrong with it, so a model's
/// author can fix the output without reading Candor's source.
public struct WireDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The response's `id` when it could be read, so the rejection can end that request.
    public var id: String?
    /// The key the rejection is about, dotted with `[i]` for array elements; empty for the whole line.
    public var path: String
    /// What was found and what was expected, e.g. `expected a number, found a string`.
    public var reason: String

    public init(id: String? = nil, path: String, reason: String) {
        self.id = id
        self.path = path
        self.reason = reason
    }

    public var description: String {
        path.isEmpty ? reason : "\(path): \(reason)"
    }
}
