#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `candor serve` stopped before the end of its input.
public enum ReferenceServerError: Error, Sendable, Hashable, CustomStringConvertible {
    case readFailed(errno: Int32)
    case writeFailed(errno: Int32)

    public var description: String {
        switch self {
        case .readFailed(let code): "cannot read requests from stdin: \(String(cString: strerror(code)))"
        case .writeFailed(let code): "cannot write answers to stdout: \(String(cString: strerror(code)))"
        }
    }
}
