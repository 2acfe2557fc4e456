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
