extension Tokenizer {
    /// How each ASCII byte tokenizes: 0 a word character, 1 whitespace, 2 a token of its own.
    ///
    /// Derived from the same rule as ``isSpace(_:)`` and ``isPunctuation(_:)``: White_Space is 0x09–0x0D and 0x20;
    /// every printable ASCII character that is not a letter or digit is punctuation (P*) or a math, currency or
    /// modifier symbol (Sm, Sc, Sk); control characters are neither.
    static let asciiClasses: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x09...0x0D, 0x20: 1
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: 2
        default: 0
        }
    }

    /// The number of tokens of `text`: the same as `tokens(of: text).count`, without building them.
    ///
    /// Validation counts the tokens of every field a span points into, so the common all-ASCII text is counted
    /// from its bytes; any other text goes through the full Unicode rule.
    public static func count(of text: String) -> Int {
        var text = text
        let ascii: Int? = text.withUTF8 { bytes -> Int? in
            let classes = asciiClasses
            var count = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                switch classes[Int(byte)] {
                case 0:
                    if !inWord { count += 1 }
                    inWord = true
                case 1:
                    inWord = false
                default:
                    count += 1
                    inWord = false
                }
            }
            return count
        }
        if let count = ascii { return count }
        return tokens(of: text).count
    }

    /// The tokens of all-ASCII `text` read from its bytes (the same tokens as the Unicode rule), or nil when the
    /// text has a non-ASCII byte. Probes tokenize every edited input, so this path carries most of a run.
    static func asciiTokens(of text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let classes = asciiClasses
            var tokens: [String] = []
            var start = -1
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                switch classes[Int(byte)] {
                case 0:
                    if start < 0 { start = index }
                case 1:
                    if start >= 0 {
                        tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        start = -1
                    }
                default:
                    if start >= 0 {
                        tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        start = -1
                    }
                    tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + 1)]), as: UTF8.self))
                }
            }
            if start >= 0 {
                tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            }
            return tokens
        }
    }
}
