/// Why a linear-algebra operation could not give an answer.
public enum LinearAlgebraError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Operands whose shapes do not fit together; the message names both shapes.
    case dimensionMismatch(String)
    /// The system matrix is singular: LAPACK found a zero pivot at this (1-based) position.
    case singular(pivot: Int)
    /// The system matrix is not positive definite: its leading minor of this order is not positive.
    case notPositiveDefinite(order: Int)
    /// An argument LAPACK refused (its 1-based position), which means a bug in the caller.
    case illegalArgument(position: Int)
    /// A model's input that cannot be fitted (labels out of range, no rows, …); the message says what and where.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let message): "dimension mismatch: \(message)"
        case .singular(let pivot): "singular matrix: zero pivot at position \(pivot)"
        case .notPositiveDefinite(let order):
            "matrix not positive definite: leading minor of order \(order) is not positive"
        case .illegalArgument(let position): "LAPACK refused argument \(position)"
        case .invalidInput(let message): "invalid input: \(message)"
        }
    }
}
