import Foundation

/// Reads a CSV file (RFC 4180) record by record: fields separated by commas, optionally in double quotes, a quote
/// inside a quoted field doubled, line breaks allowed inside quoted fields, records ending in LF or CRLF.
///
/// The first record is the header; each later record is returned with the line it starts on, so a problem can
/// be reported where a person would look for it.
final class CSVReader {
    /// One record: its fields by column name, and the line it starts on.
    struct Record {
        var line: Int
        var values: [String: String]

        /// The value of `column`, or nil when the header has no such column.
        subscript(column: String) -> String? { values[column] }
    }

    /// The column names, in order.
    let header: [String]
    private let lines: TextLineStream

    /// Opens `url` and reads its header.
    /// - Throws: ``ImportError`` when the file cannot be read or is empty.
    init(url: URL, name: String) throws {
        lines = try TextLineStream(url: url, name: name)
        guard let first = try Self.record(from: lines) else {
            throw ImportError(file: name, line: nil, field: nil, found: "an empty file",
                              expected: "a CSV file with a header line")
        }
        var names = first.fields
        // A byte-order mark is not part of the first column's name.
        if let head = names.first, head.hasPrefix("\u{FEFF}") { names[0] = String(head.dropFirst()) }
        header = names
    }

    /// The file as messages name it.
    var name: String { lines.name }

    /// The next record, or nil at the end of the file.
    /// - Throws: ``ImportError`` when a record has more or fewer fields than the header, or a quote is not closed.
    func next() throws -> Record? {
        guard let raw = try Self.record(from: lines) else { return nil }
        guard raw.fields.count == header.count else {
            throw ImportError(file: lines.name, line: raw.line, field: nil,
                              found: "\(raw.fields.count) fields",
                              expected: "\(header.count) fields, one per column of the header")
        }
        var values: [String: String] = [:]
        for (column, value) in zip(header, raw.fields) { values[column] = value }
        return Record(line: raw.line, values: values)
    }

    /// Requires that the header has every column in `columns`.
    func require(_ columns: [String]) throws {
        for column in columns where !header.contains(column) {
            throw ImportError(file: lines.name, line: 1, field: column, found: "no such column",
                              expected: "a header with the columns " + columns.joined(separator: ", "))
        }
    }

    /// Reads one record, joining lines while a quoted field is open; nil at the end of the file (a blank last
    /// line is no record).
    private static func record(from lines: TextLineStream) throws -> (fields: [String], line: Int)? {
        var fields: [String] = []
        var field: [Character] = []
        var quoted = false
        var afterQuote = false
        var start = 0
        while let text = try lines.next() {
            if start == 0 {
                start = lines.lineNumber
                if text.isEmpty { start = 0; continue }
            }
            var iterator = text.makeIterator()
            while let character = iterator.next() {
                if quoted {
                    if character == "\"" {
                        quoted = false
                        afterQuote = true
                    } else {
                        field.append(character)
                    }
                } else if character == "\"" {
                    if afterQuote { field.append("\"") }
                    quoted = true
                    afterQuote = false
                } else if character == "," {
                    fields.append(String(field))
                    field.removeAll(keepingCapacity: true)
                    afterQuote = false
                } else {
                    field.append(character)
                    afterQuote = false
                }
            }
            if quoted {
                field.append("\n")
                continue
            }
            fields.append(String(field))
            return (fields, start)
        }
        if quoted {
            throw ImportError(file: lines.name, line: start, field: nil, found: "a quoted field that is never closed",
                              expected: "a closing double quote")
        }
        return nil
    }
}
