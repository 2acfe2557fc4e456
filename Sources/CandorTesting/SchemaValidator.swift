import CandorProtocol

/// Checks a JSON value against a JSON Schema written in the small subset ``ProtocolSchema`` uses.
///
/// Supported keywords: `type` (a name or a list of names; `integer` means a number without a fraction),
/// `enum`, `required`, `properties`, `additionalProperties` (a boolean or a schema), `items`, `minimum`,
/// `maximum` and `minLength`. Other keywords (`description`, `$schema`, …) are ignored. Every problem is
/// reported with its path, so a failing example says exactly which key is wrong.
public struct SchemaValidator: Sendable {
    /// When true, a key an object schema does not declare is a problem even where the schema allows unknown
    /// keys: documentation examples should use only the keys the protocol defines, though models may add more.
    public var rejectsUndeclaredKeys: Bool

    public init(rejectsUndeclaredKeys: Bool = false) {
        self.rejectsUndeclaredKeys = rejectsUndeclaredKeys
    }

    /// Every way `value` breaks `schema`, as `path: problem`; empty when it conforms.
    public func problems(in value: JSONValue, against schema: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: schema, at: "", into: &problems)
        return problems
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into problems: inout [String]) {
        guard case .object(let rules) = schema else { return }
        let here = path.isEmpty ? "(message)" : path
        if let type = rules["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names): allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: allowed = []
            }
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                problems.append("\(here): expected \(allowed.joined(separator: " or ")), found \(Self.kind(of: value))")
                return
            }
        }
        if case .array(let options)? = rules["enum"], !options.contains(value) {
            let allowed = options.map(Self.show).joined(separator: ", ")
            problems.append("\(here): \(Self.show(value)) is not one of \(allowed)")
        }
        switch value {
        case .number(let number):
            if case .number(let minimum)? = rules["minimum"], number < minimum {
                problems.append("\(here): \(Self.show(value)) is below the minimum \(Self.show(.number(minimum)))")
            }
            if case .number(let maximum)? = rules["maximum"], number > maximum {
                problems.append("\(here): \(Self.show(value)) is above the maximum \(Self.show(.number(maximum)))")
            }
        case .string(let text):
            if case .number(let length)? = rules["minLength"], Double(text.count) < length {
                problems.append("\(here): shorter than \(Self.show(.number(length))) character(s)")
            }
        case .array(let items):
            if let itemSchema = rules["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, at: "\(path)[\(index)]", into: &problems)
                }
            }
        case .object(let members):
            checkObject(members, rules: rules, at: path, into: &problems)
        case .null, .bool:
            break
        }
    }

    private func checkObject(_ members: [String: JSONValue], rules: [String: JSONValue], at path: String,
                             into problems: inout [String]) {
        let prefix = path.isEmpty ? "" : path + "."
        if case .array(let required)? = rules["required"] {
            for case .string(let key) in required where members[key] == nil {
                problems.append("\(prefix)\(key): missing (required)")
            }
        }
        var declared: [String: JSONValue] = [:]
        if case .object(let properties)? = rules["properties"] { declared = properties }
        for key in members.keys.sorted() {
            let member = members[key]!
            if let schema = declared[key] {
                check(member, against: schema, at: prefix + key, into: &problems)
                continue
            }
            switch rules["additionalProperties"] {
            case .bool(false)?:
                problems.append("\(prefix)\(key): not a key of this message")
            case .object(let schema)?:
                check(member, against: .object(schema), at: prefix + key, into: &problems)
            default:
                if rejectsUndeclaredKeys && !declared.isEmpty {
                    problems.append("\(prefix)\(key): not a key the protocol defines")
                }
            }
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .number):
            true
        case ("integer", .number(let number)):
            number.isFinite && number.rounded() == number
        default:
            false
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.rounded() == number ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): "\"\(text)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
