/// Why a command string could not be split into words.
public enum CommandWordsError: Error, Sendable, Hashable, CustomStringConvertible {
    case unclosedQuote(Character, in: String)
    case trailingBackslash(in: String)

    public var description: String {
        switch self {
        case .unclosedQuote(let quote, let text): "the command `\(text)` has an unclosed \(quote)"
        case .trailingBackslash(let text): "the command `\(text)` ends in a lone backslash"
        }
    }
}
