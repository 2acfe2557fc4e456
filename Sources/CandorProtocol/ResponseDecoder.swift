import Foundation

/// Decodes one line of a model's output into a protocol message, strictly.
///
/// Strict about the types of known keys (a probability must be a number, a token index an integer), tolerant of
/// unknown keys (a newer model may add fields), and every rejection names the key and says what was found and
/// what was expected. The line must be UTF-8 and a JSON object with a string `id`; a line terminator (`\n`, and a
/// `\r` before it) must already be removed, but a `\r` elsewhere is ordinary JSON whitespace and U+2028/U+2029
/// are ordinary characters inside strings.
public struct ResponseDecoder: Sendable {
    private let decoder = JSONDecoder()

    public init() {}

    /// The response on `line`.
    /// - Throws: ``WireDecodingError`` naming the offending key; its `id` is set when the line's `id` could
    ///   still be read, so the caller can end that request instead of waiting for it.
    public func response(from line: Data) throws(WireDecodingError) -> Response {
        try checkUTF8(line)
        if let response = ResponseParser.response(from: line) { return response }
        do {
            return try decoder.decode(Response.self, from: line)
        } catch {
            throw explain(error, in: line)
        }
    }

    /// The request on `line`, decoded as strictly as a response: how a model written with this module (such as
    /// `candor serve`) reads what Candor sends.
    /// - Throws: ``WireDecodingError`` naming the offending key, with the line's `id` when it could be read.
    public func request(from line: Data) throws(WireDecodingError) -> Request {
        try checkUTF8(line)
        do {
            return try decoder.decode(Request.self, from: line)
        } catch {
            throw explain(error, in: line)
        }
    }

    /// A model's answer to Candor's `hello`, with its version accepted or refused.
    /// - Throws: ``WireDecodingError`` for a malformed hello or one from a protocol version this build cannot
    ///   speak (the refusal names both versions).
    public func hello(from line: Data) throws(WireDecodingError) -> Hello {
        try checkUTF8(line)
        let hello: Hello
        do {
            hello = try decoder.decode(Hello.self, from: line)
        } catch {
            throw explain(error, in: line)
        }
        guard hello.op == .hello else {
            throw WireDecodingError(path: "op", reason: "expected \"hello\", found \"\(hello.op.rawValue)\"")
        }
        do {
            _ = try CandorWire.negotiate(hello)
        } catch {
            throw WireDecodingError(path: "candor", reason: error.description)
        }
        guard let name = hello.name, !name.isEmpty else {
            throw WireDecodingError(path: "name", reason: "missing; a model's hello must name the model")
        }
        return hello
    }

    private func checkUTF8(_ line: Data) throws(WireDecodingError) {
        // Most lines are ASCII; a byte loop settles those without building a String. Foundation's decoder
        // alone would let invalid UTF-8 through inside the value of a key it skips.
        let ascii = line.withUnsafeBytes { bytes in bytes.allSatisfy { $0 < 0x80 } }
        guard !ascii, String(validating: line, as: UTF8.self) == nil else { return }
        var offset = 0
        var iterator = line.makeIterator()
        var utf8 = UTF8()
        // Decode scalar by scalar only on failure, to say where the first bad byte is.
        decoding: while true {
            switch utf8.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break decoding
            }
        }
        let byte = offset < line.count ? line[line.startIndex + offset] : 0
        throw WireDecodingError(
            id: ResponseDecoder.leadingID(in: line), path: "",
            reason: "not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)")
    }

    /// Turns a `DecodingError` into a rejection that names the key, what was expected and what was found.
    private func explain(_ error: any Error, in line: Data) -> WireDecodingError {
        let value = try? decoder.decode(JSONValue.self, from: line)
        var id: String?
        if case .object(let object)? = value, case .string(let text)? = object["id"] {
            id = text
        } else if value == nil {
            id = ResponseDecoder.leadingID(in: line)
        }
        guard let decodingError = error as? DecodingError else {
            return WireDecodingError(id: id, path: "", reason: "\(error)")
        }
        switch decodingError {
        case .typeMismatch(let type, let context):
            let path = Self.path(context.codingPath)
            if context.codingPath.isEmpty, let value, !Self.isObject(value) {
                return WireDecodingError(id: id, path: "", reason: "expected a JSON object, found \(Self.kind(of: value))")
            }
            let found = value.flatMap { Self.value(at: context.codingPath, in: $0) }
            return WireDecodingError(
                id: id, path: path,
                reason: "expected \(Self.name(of: type)), found \(found.map(Self.kind(of:)) ?? "something else")")
        case .valueNotFound(let type, let context):
            return WireDecodingError(id: id, path: Self.path(context.codingPath),
                                     reason: "expected \(Self.name(of: type)), found null")
        case .keyNotFound(let key, let context):
            let path = Self.path(context.codingPath + [key])
            let why = path == "id" ? "missing; every response needs a string id" : "missing"
            return WireDecodingError(id: id, path: path, reason: why)
        case .dataCorrupted(let context):
            guard let value else {
                let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey]
                let detail = underlying.map { ": \($0)" } ?? ""
                return WireDecodingError(id: id, path: "", reason: "not valid JSON\(detail)")
            }
            // Foundation reports a fractional number where an integer belongs without saying where; the only
            // integers in a model's messages are highlight token indices and the hello's version.
            if context.codingPath.isEmpty, let (path, number) = Self.firstFraction(in: value) {
                return WireDecodingError(id: id, path: path, reason: "expected an integer, found \(number)")
            }
            let path = Self.path(context.codingPath)
            switch Self.value(at: context.codingPath, in: value) {
            case .number(let number)?:
                return WireDecodingError(id: id, path: path, reason: "expected an integer, found \(number)")
            case .string(let text)?:
                return WireDecodingError(id: id, path: path, reason: "unknown value \"\(text)\"")
            default:
                return WireDecodingError(id: id, path: path, reason: context.debugDescription)
            }
        @unknown default:
            return WireDecodingError(id: id, path: "", reason: "\(decodingError)")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func value(at codingPath: [any CodingKey], in root: JSONValue) -> JSONValue? {
        var current = root
        for key in codingPath {
            switch current {
            case .object(let object):
                guard let next = object[key.stringValue] else { return nil }
                current = next
            case .array(let array):
                guard let index = key.intValue, array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The first non-integral number among the keys that must hold integers, with its path.
    static func firstFraction(in root: JSONValue) -> (String, Double)? {
        func fraction(_ value: JSONValue?) -> Double? {
            if case .number(let number)? = value, number.rounded() != number || !number.isFinite { return number }
            return nil
        }
        guard case .object(let object) = root else { return nil }
        if let number = fraction(object["candor"]) { return ("candor", number) }
        guard case .object(let explanation)? = object["explanation"],
              case .array(let highlights)? = explanation["highlights"] else { return nil }
        for (index, highlight) in highlights.enumerated() {
            guard case .object(let fields) = highlight, case .array(let tokens)? = fields["tokens"] else { continue }
            for (position, token) in tokens.enumerated() {
                if let number = fraction(token) {
                    return ("explanation.highlights[\(index)].tokens[\(position)]", number)
                }
            }
        }
        return nil
    }

    static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    static func name(of type: Any.Type) -> String {
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(String.self): "a string"
        case ObjectIdentifier(Double.self), ObjectIdentifier(Float.self): "a number"
        case ObjectIdentifier(Int.self): "an integer"
        case ObjectIdentifier(Bool.self): "a boolean"
        default:
            if type is [Any].Type { "an array" } else if type is [String: Any].Type { "an object" } else { "\(type)" }
        }
    }
}
