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
