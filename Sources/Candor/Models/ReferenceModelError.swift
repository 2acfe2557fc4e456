/// Why the reference model refused a request; the text goes back to the caller as the response's `error`.
public struct ReferenceModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
