import Foundation

/// A JSON value read from one line of a split file, keeping what validation needs and `JSONSerialization`
/// loses: the order of an object's keys (so problems are reported in the order written), whether a number was
/// written as an integer, and the difference between `true` and `1`.
enum JSONLineValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, with its integer value when it was written without a fraction or exponent and fits an `Int`.
    case number(Double, integer: Int?)
    case string(String)
    case array([JSONLineValue])
    /// Members in the order written; a repeated key appears twice (validation reports it).
    case object([Member])

    /// One `"key": value` pair of an object.
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONLineValue
    }

    /// What the value is, for messages: `a string ("abc")`, `a number (2.5)`, `an object`.
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "a boolean (\(value))"
        case .number(let value, let integer):
            return "a number (\(integer.map(String.init) ?? String(value)))"
        case .string(let text): return "a string (\(Self.quoted(text)))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `text` in double quotes, cut to 80 characters so that one long value does not swamp a message.
    static func quoted(_ text: String) -> String {
        let limit = 80
        var shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        shown = shown.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + shown + "\""
    }
}
