/// The one tokenizer of suite format 1.
///
/// A text is split on Unicode whitespace; every punctuation or symbol character (Unicode general categories
/// P* and S*) is a token of its own; everything else between them is one token. It works on grapheme clusters,
/// so an emoji or a letter with combining marks is never split. Examples:
/// - `"Don't panic!"` → `["Don", "'", "t", "panic", "!"]`
/// - `"3.5 stars"` → `["3", ".", "5", "stars"]`
/// - `""` and `"  \n "` → `[]`
///
/// Rationale spans, highlights and weights all index these tokens, so the rule must never change within a format.
public enum Tokenizer {
    /// One token and where it stands in the text.
    public struct Token: Sendable, Hashable {
        public var text: Substring
        public var range: Range<String.Index>
    }

    /// The tokens of `text`.
    public static func tokenize(_ text: String) -> [String] {
        asciiTokens(of: text) ?? tokens(of: text).map { String($0.text) }
    }

    /// The tokens of `text` with their ranges in it.
    public static func tokens(of text: String) -> [Token] {
        var result: [Token] = []
        var start: String.Index? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if isSpace(character) {
                if let open = start {
                    result.append(Token(text: text[open..<index], range: open..<index))
                    start = nil
                }
            } else if isPunctuation(character) {
                if let open = start {
                    result.append(Token(text: text[open..<index], range: open..<index))
                    start = nil
                }
                result.append(Token(text: text[index..<next], range: index..<next))
            } else if start == nil {
                start = index
            }
            index = next
        }
        if let open = start {
            result.append(Token(text: text[open...], range: open..<text.endIndex))
        }
        return result
    }

    static func isSpace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    static func isPunctuation(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return false
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol:
            return true
        default:
            return false
        }
    }
}
