import Foundation

/// Reads a file holding one large JSON object member by member, so that a `{"key": {...}, ...}` file of any size
/// (HateXplain's `dataset.json` is one object of some 20,000 posts) is imported in flat memory.
///
/// A byte scanner tracks strings, escapes and nesting; each top-level member's bytes are handed to the strict
/// parser on their own, together with the line the member starts on, so a broken member is reported at its line.
enum JSONObjectStream {
    /// Calls `body` with each top-level member's key, value and starting line, in file order.
    /// - Throws: ``ImportError`` when the file is not one JSON object, or a member is not valid JSON.
    static func forEachMember(of url: URL, name: String,
                              _ body: (_ key: String, _ value: JSONLineValue, _ line: Int) throws -> Void) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ImportError(file: name, line: nil, field: nil, found: "a file that cannot be opened",
                              expected: "a readable JSON file")
        }
        defer { try? handle.close() }
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var started = false
        var finished = false
        var member: [UInt8] = []
        var memberLine = 1

        func emit() throws {
            let meaningful = member.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
            defer { member.removeAll(keepingCapacity: true) }
            guard meaningful else { return }
            let value = try ImportJSON.parse([UInt8(ascii: "{")] + member + [UInt8(ascii: "}")], file: name,
                                             line: memberLine)
            guard case .object(let members) = value, members.count == 1 else {
                throw ImportError(file: name, line: memberLine, field: nil, found: "a member that is not key: value",
                                  expected: "one \"key\": value pair between commas")
            }
            try body(members[0].key, members[0].value, memberLine)
        }

        while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A { line += 1 }
                if !started {
                    if byte == UInt8(ascii: "{") {
                        started = true
                        memberLine = line
                    } else if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) {
                        throw ImportError(file: name, line: line, field: nil, found: "text before the first '{'",
                                          expected: "one JSON object")
                    }
                    continue
                }
                if finished {
                    if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) {
                        throw ImportError(file: name, line: line, field: nil, found: "text after the object's '}'",
                                          expected: "nothing after the object")
                    }
                    continue
                }
                if inString {
                    member.append(byte)
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    if member.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                        memberLine = line
                    }
                    inString = true
                    member.append(byte)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    member.append(byte)
                case UInt8(ascii: "}") where depth == 0:
                    try emit()
                    finished = true
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    member.append(byte)
                case UInt8(ascii: ",") where depth == 0:
                    try emit()
                default:
                    member.append(byte)
                }
            }
        }
        guard started, finished else {
            throw ImportError(file: name, line: line, field: nil,
                              found: started ? "the end of the file inside the object" : "no JSON object",
                              expected: "one JSON object, closed by '}'")
        }
    }
}
