/// Splits a command written as one string (`--model-command "python3 my model.py"`) into its words.
///
/// Words are separated by spaces and tabs; single quotes keep everything up to the next single quote, double
/// quotes keep everything up to the next unescaped double quote, and a backslash outside single quotes keeps
/// the next character. No other shell syntax is interpreted: no variables, globs, pipes or redirections, so
/// the command runs the same on every machine.
public enum CommandWords {
    /// The words of `text`.
    /// - Throws: ``CommandWordsError`` when a quote is not closed or the text ends in a lone backslash.
    public static func split(_ text: String) throws(CommandWordsError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                current.append(character)
            case (_, "\\"):
                escaped = true
                inWord = true
            case ("\"", _):
                current.append(character)
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw .unclosedQuote(quote, in: text) }
        if escaped { throw .trailingBackslash(in: text) }
        if inWord { words.append(current) }
        return words
    }
}
