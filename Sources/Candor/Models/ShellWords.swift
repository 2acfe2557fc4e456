import Foundation

/// Splits a command written as one string (`--model-command "python3 my_model.py --fast"`, a submission's
/// `command:`) into the program and its arguments, and joins words back so that splitting gives them again.
///
/// The rules are a small, documented subset of a POSIX shell's, with no expansion of any kind, so a command means
/// the same on every machine and nothing in it is run by a shell:
/// - words are separated by spaces, tabs and newlines;
/// - `'…'` keeps everything inside literally;
/// - `"…"` keeps everything inside, except that `\"` and `\\` stand for `"` and `\`;
/// - outside quotes, `\` keeps the next character literally (`my\ model.py` is one word);
/// - quoted and unquoted parts next to each other form one word (`--name="a b"` is `--name=a b`);
/// - `$`, `*`, `~`, `|`, `;`, `>` and the like are ordinary characters.
public enum ShellWords {
    /// Why a command string cannot be split.
    public enum SplitError: Error, Sendable, Hashable, CustomStringConvertible {
        /// A quote opened at `offset` (in characters) is never closed.
        case unterminatedQuote(Character, offset: Int)
        /// The string ends with a lone `\`.
        case trailingBackslash

        public var description: String {
            switch self {
            case .unterminatedQuote(let quote, let offset):
                "the \(quote) opened at character \(offset + 1) is never closed"
            case .trailingBackslash:
                "the command ends with a lone \\ (write \\\\ for a backslash)"
            }
        }
    }

    /// The words of `command`; see the type's summary for the rules.
    /// - Throws: ``SplitError`` for an unclosed quote or a trailing backslash.
    public static func split(_ command: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: (character: Character, offset: Int)?
        var escaped = false
        let characters = Array(command)
        for (offset, character) in characters.enumerated() {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open.character {
                    quote = nil
                } else if character == "\\" && open.character == "\"" {
                    // Inside double quotes only `\"` and `\\` are escapes; any other `\` stays as written.
                    let next = offset + 1 < characters.count ? characters[offset + 1] : nil
                    if next == "\"" || next == "\\" { escaped = true } else { current.append(character) }
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'", "\"":
                quote = (character, offset)
                inWord = true
            case "\\":
                escaped = true
                inWord = true
            default:
                current.append(character)
                inWord = true
            }
        }
        if let open = quote { throw .unterminatedQuote(open.character, offset: open.offset) }
        if escaped { throw .trailingBackslash }
        if inWord { words.append(current) }
        return words
    }

    /// `word` as ``split(_:)`` reads it back: unchanged when it holds nothing special, else in single quotes.
    public static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-_./=:,+@%".unicodeScalars.contains(scalar)
        }
        if plain { return word }
        // A single quote cannot appear inside single quotes: close, write it escaped, reopen.
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `words` quoted where needed and joined by spaces, so that `split(join(words)) == words`.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
