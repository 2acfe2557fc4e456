/// Makes text from a model or a file safe inside a Markdown table cell (and the HTML it renders to): no character
/// can end the cell, start markup or inject a tag, and very long text is cut.
public enum MarkdownText {
    /// The longest text shown in a cell.
    public static let maximumLength = 80

    public static func escape(_ text: String, maximumLength: Int = MarkdownText.maximumLength) -> String {
        var flattened = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.map(String.init).joined()
        if flattened.count > maximumLength {
            flattened = String(flattened.prefix(maximumLength - 1)) + "…"
        }
        var result = ""
        for character in flattened {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "|": result += "&#124;"
            case "`": result += "&#96;"
            case "\\", "*", "_", "[", "]", "(", ")", "#", "!", "~", "$":
                result += "\\" + String(character)
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }
}
