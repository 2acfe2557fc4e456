extension ResponseDecoder {
    /// The string `id` of the top-level object that `bytes` begins, read without decoding the whole line.
    ///
    /// A line can be unusable yet still say which request it answers: cut off at the line-length limit,
    /// invalid UTF-8 in a later string, or broken JSON after the `id`. Reading the `id` lets Candor end that one
    /// request as a protocol error at once instead of waiting for its timeout. Only a key `id` of the outermost
    /// object counts, never one nested deeper or inside a string, so a wrong request is never blamed.
    /// - Returns: the id, or nil when the bytes do not reach a complete top-level `"id": "..."` pair.
    public static func leadingID(in bytes: some Collection<UInt8>) -> String? {
        var scanner = IDScanner(bytes: Array(bytes))
        return scanner.scan()
    }
}

/// A forgiving reader of the start of a JSON object, enough to find its top-level `id`.
private struct IDScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan() -> String? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            if key == "id" {
                return peek == UInt8(ascii: "\"") ? string() : nil
            }
            guard skipValue() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ",")) else { return nil }
        }
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// A complete string literal, unescaped; nil when it is cut off or not valid UTF-8.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var scalars: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return nil }
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                          let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { return nil }
                    index += 4
                    scalars += Array(String(Character(scalar)).utf8)
                default: scalars.append(escaped)
                }
            default:
                scalars.append(byte)
            }
        }
        return nil
    }

    /// Skips a string literal; false when it is cut off.
    mutating func skipString() -> Bool {
        index += 1
        while let byte = peek {
            index += 1
            if byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                return true
            }
        }
        return false
    }

    /// Skips one value of any kind; false when the bytes end first.
    mutating func skipValue() -> Bool {
        var depth = 0
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
                if depth == 0 { return true }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 {
                    index += 1
                    return true
                }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }
}
