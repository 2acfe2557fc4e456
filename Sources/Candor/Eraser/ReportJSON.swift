/// A JSON value for reports, rendered with sorted keys and a fixed indent so that output is stable and diffable.
///
/// Reports carry numbers that may be undefined (a mean over nothing, an infinite KL divergence); those are
/// written as `null`, since JSON has no NaN or infinity.
public indirect enum ReportJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([ReportJSON])
    case object([String: ReportJSON])

    /// A number, or `null` when it is absent or not finite.
    public static func number(_ value: Double?) -> ReportJSON {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// The value as JSON text, objects' keys sorted, nested values indented by `indent` spaces (as Python's
    /// `json.dump(..., indent=4, sort_keys=True)` writes, which ERASER's `--score_file` uses).
    public func rendered(indent: Int = 4) -> String {
        var out = ""
        render(into: &out, level: 0, indent: indent)
        return out
    }

    private func render(into out: inout String, level: Int, indent: Int) {
        let pad = String(repeating: " ", count: (level + 1) * indent)
        let closePad = String(repeating: " ", count: level * indent)
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += Self.format(value)
        case .integer(let value): out += String(value)
        case .string(let text): out += Self.quote(text)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.render(into: &out, level: level + 1, indent: indent)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                out += pad + Self.quote(key) + ": "
                members[key]!.render(into: &out, level: level + 1, indent: indent)
                out += index + 1 < keys.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        }
    }

    /// The shortest text that reads back as `value` (Swift's description), `null` when not finite.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return "\(value)"
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, everything else
    /// (including non-ASCII) written as is.
    public static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
