import Foundation

/// Reads the usual shape of a response line straight from its bytes, several times faster than `JSONDecoder`.
///
/// Decoding answers is the largest cost of a round trip through a fast model: `JSONDecoder` spends about 13 µs
/// on a small answer with an explanation, which alone caps a pipelined session below 80,000 answers a second.
/// This reader handles the shape every well-behaved model writes (the known keys, each once, with values of
/// the right types) and gives up, returning nil, on anything else: an unknown or repeated key, a wrong type, a
/// number with a fraction where an integer belongs, a number out of range, a lone surrogate, text after the
/// object. ``ResponseDecoder`` then decodes the line with `JSONDecoder`, whose strict checks and messages stay
/// the only rules, so this reader can only make a line faster, never change what it means. Its input must
/// already be known to be UTF-8.
struct ResponseParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The response on `line`, or nil when the line is not in the usual shape.
    static func response(from line: Data) -> Response? {
        line.withUnsafeBytes { raw in
            var parser = ResponseParser(bytes: raw.bindMemory(to: UInt8.self))
            guard let response = parser.response() else { return nil }
            parser.skipSpace()
            return parser.index == parser.bytes.count ? response : nil
        }
    }

    private mutating func response() -> Response? {
        var id: String?
        var response = Response(id: "")
        let complete = object { parser, key in
            switch key {
            case "id": id = parser.string(); return id != nil
            case "label": return parser.optional(&response.label) { $0.string() }
            case "probabilities": return parser.optional(&response.probabilities) { $0.numbers() }
            case "explanation": return parser.optional(&response.explanation) { $0.explanation() }
            case "error": return parser.optional(&response.error) { $0.string() }
            default: return false
            }
        }
        guard complete, let id else { return nil }
        response.id = id
        return response
    }

    private mutating func explanation() -> WireExplanation? {
        var explanation = WireExplanation()
        let complete = object { parser, key in
            switch key {
            case "text": return parser.optional(&explanation.text) { $0.string() }
            case "highlights": return parser.optional(&explanation.highlights) { $0.array { $0.highlight() } }
            case "weights": return parser.optional(&explanation.weights) { $0.array { $0.weights() } }
            default: return false
            }
        }
        return complete ? explanation : nil
    }

    private mutating func highlight() -> Highlight? {
        var field: String?
        var highlight = Highlight(field: "")
        let complete = object { parser, key in
            switch key {
            case "field": field = parser.string(); return field != nil
            case "tokens": return parser.optional(&highlight.tokens) { $0.array { $0.integer() } }
            case "quote": return parser.optional(&highlight.quote) { $0.string() }
            case "features": return parser.optional(&highlight.features) { $0.array { $0.string() } }
            default: return false
            }
        }
        guard complete, let field else { return nil }
        highlight.field = field
        return highlight
    }

    private mutating func weights() -> FieldWeights? {
        var field: String?
        var weights = FieldWeights(field: "")
        let complete = object { parser, key in
            switch key {
            case "field": field = parser.string(); return field != nil
            case "values": return parser.optional(&weights.values) { $0.array { $0.number() } }
            case "features": return parser.optional(&weights.features) { $0.numbers() }
            default: return false
            }
        }
        guard complete, let field else { return nil }
        weights.field = field
        return weights
    }

    // MARK: JSON pieces

    /// Reads `null` (leaving `target` nil, as `decodeIfPresent` does) or a value read by `read`.
    private mutating func optional<T>(_ target: inout T?, _ read: (inout ResponseParser) -> T?) -> Bool {
        skipSpace()
        if take("null") { return true }
        guard let value = read(&self) else { return false }
        target = value
        return true
    }

    /// Reads an object, handing each key to `member` to read its value; false on a repeated key, or when
    /// `member` gives up.
    private mutating func object(_ member: (inout ResponseParser, String) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        var seen: [String] = []
        while true {
            skipSpace()
            guard let key = string(), !seen.contains(key) else { return false }
            seen.append(key)
            skipSpace()
            guard take(UInt8(ascii: ":")), member(&self, key) else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// An object of numbers: label → probability, feature → weight.
    private mutating func numbers() -> [String: Double]? {
        var values: [String: Double] = [:]
        let complete = object { parser, key in
            guard let value = parser.number() else { return false }
            values[key] = value
            return true
        }
        return complete ? values : nil
    }

    private mutating func array<T>(_ element: (inout ResponseParser) -> T?) -> [T]? {
        skipSpace()
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [T] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return items }
        while true {
            skipSpace()
            guard let item = element(&self) else { return nil }
            items.append(item)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? items : nil
        }
    }

    /// A string literal, unescaped; nil for a control character or a lone surrogate.
    private mutating func string() -> String? {
        skipSpace()
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            if byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// The rest of a string literal that holds escapes, from its first byte at `start`.
    private mutating func escapedString(from start: Int) -> String? {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code) {
                        guard take("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    utf8 += Array(String(Character(scalar)).utf8)
                default:
                    return nil
                }
            default:
                if byte < 0x20 { return nil }
                utf8.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A JSON number, checked against JSON's grammar before it is converted; nil when it is not finite.
    private mutating func number() -> Double? {
        skipSpace()
        let start = index
        guard scanNumber(allowFraction: true) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// An integer written without a fraction or exponent, of at most 18 digits.
    private mutating func integer() -> Int? {
        skipSpace()
        let start = index
        guard scanNumber(allowFraction: false), index - start <= 18 else { return nil }
        var value = 0
        var negative = false
        for byte in UnsafeBufferPointer(rebasing: bytes[start..<index]) {
            if byte == UInt8(ascii: "-") { negative = true } else { value = value * 10 + Int(byte - 0x30) }
        }
        return negative ? -value : value
    }

    /// Moves past `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; false when the bytes do not match,
    /// or hold a fraction or exponent where `allowFraction` is false.
    private mutating func scanNumber(allowFraction: Bool) -> Bool {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // A leading zero stands alone.
        } else {
            guard digits() > 0 else { return false }
        }
        if let byte = peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            guard allowFraction else { return false }
        }
        if take(UInt8(ascii: ".")) {
            guard digits() > 0 else { return false }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { return false }
        }
        return true
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }
}
