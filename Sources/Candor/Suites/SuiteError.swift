/// A suite that could not be found or used, for reasons other than its content (see ``SuiteValidationError``).
public struct SuiteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
