/// Why a process model could not be started. Once started, a process model never throws: every request ends
/// as an ``Outcome``.
public enum ProcessModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration cannot work (an empty command, zero workers, …).
    case invalidConfiguration(String)
    /// The command could not be run at all (not found, not executable, bad working directory).
    case cannotStart(command: String, reason: String)
    /// The process ran but did not complete the `hello` handshake: it exited, stayed silent past the start-up
    /// timeout, answered with something other than a valid hello, or speaks a newer protocol version.
    case handshakeFailed(command: String, reason: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason):
            "invalid process model configuration: \(reason)"
        case .cannotStart(let command, let reason):
            "cannot start `\(command)`: \(reason)"
        case .handshakeFailed(let command, let reason):
            "`\(command)` did not complete the hello handshake: \(reason)"
        }
    }
}
