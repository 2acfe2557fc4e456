import Foundation

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
