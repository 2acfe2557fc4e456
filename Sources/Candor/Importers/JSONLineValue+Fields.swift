import Foundation

extension JSONLineValue {
    /// The value of `key` in an object (the first, if the key is repeated); nil for a missing key or a non-object.
    subscript(key: String) -> JSONLineValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONLineValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var numberValue: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The number as an integer, when it was written as one.
    var integerValue: Int? {
        if case .number(_, let integer) = self { return integer }
        return nil
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Reads the fields of one JSON record, throwing an ``ImportError`` that names the file, line and field when a
/// field is missing or of the wrong type.
struct JSONFieldReader {
    var file: String
    var line: Int?

    func fail(_ field: String, _ value: JSONLineValue?, expected: String) -> ImportError {
        ImportError(file: file, line: line, field: field, found: value.map(\.summary) ?? "no such key",
                    expected: expected)
    }

    func string(_ value: JSONLineValue?, _ field: String) throws -> String {
        guard let text = value?.stringValue else { throw fail(field, value, expected: "a string") }
        return text
    }

    /// A string, or nil for a missing key or `null`.
    func optionalString(_ value: JSONLineValue?, _ field: String) throws -> String? {
        guard let value, !value.isNull else { return nil }
        return try string(value, field)
    }

    func integer(_ value: JSONLineValue?, _ field: String) throws -> Int {
        guard let number = value?.integerValue else { throw fail(field, value, expected: "an integer") }
        return number
    }

    func number(_ value: JSONLineValue?, _ field: String) throws -> Double {
        guard let number = value?.numberValue else { throw fail(field, value, expected: "a number") }
        return number
    }

    func array(_ value: JSONLineValue?, _ field: String) throws -> [JSONLineValue] {
        guard let items = value?.arrayValue else { throw fail(field, value, expected: "an array") }
        return items
    }

    func object(_ value: JSONLineValue?, _ field: String) throws -> [JSONLineValue.Member] {
        guard case .object(let members)? = value else { throw fail(field, value, expected: "an object") }
        return members
    }

    /// An array of strings.
    func strings(_ value: JSONLineValue?, _ field: String) throws -> [String] {
        try array(value, field).enumerated().map { try string($0.element, "\(field)[\($0.offset)]") }
    }
}

/// Parsing JSON text read by an importer.
enum ImportJSON {
    /// Parses `bytes` as one JSON value.
    /// - Throws: ``ImportError`` naming the file and line, with the parser's reason and byte offset.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int?) throws -> JSONLineValue {
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            throw ImportError(file: file, line: line, field: nil,
                              found: "a byte that is not UTF-8 at byte offset \(bad)", expected: "UTF-8 text")
        }
        do {
            return try JSONLineParser.parse(bytes)
        } catch {
            throw ImportError(file: file, line: line, field: nil,
                              found: "text that is not JSON (\(error.message), at byte offset \(error.offset))",
                              expected: "valid JSON")
        }
    }

    static func parse(_ bytes: [UInt8], file: String, line: Int?) throws -> JSONLineValue {
        try bytes.withUnsafeBufferPointer { try parse($0, file: file, line: line) }
    }

    /// Calls `body` with each non-blank line of a JSONL file, parsed, and its line number.
    static func forEachLine(of url: URL, name: String,
                            _ body: (_ value: JSONLineValue, _ line: Int) throws -> Void) throws {
        let lines = try TextLineStream(url: url, name: name)
        while let bytes = try lines.nextBytes() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            try body(try parse(bytes, file: name, line: lines.lineNumber), lines.lineNumber)
        }
    }
}
