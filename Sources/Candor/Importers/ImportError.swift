/// A source file an importer cannot read, precise enough to fix: file, line, field, what was found and what was
/// expected, in the form compilers use (`file:line: field: found …, expected …`).
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (or a name relative to the folder they named).
    public var file: String
    /// 1-based line (for a JSON object spread over lines, the line where the offending record starts); nil for a
    /// problem with the whole file.
    public var line: Int?
    /// Where in the record: `evidences[0][1].end_token`, `Sentence1_marked_1`; nil for the whole record.
    public var field: String?
    public var found: String
    public var expected: String

    public init(file: String, line: Int?, field: String?, found: String, expected: String) {
        self.file = file
        self.line = line
        self.field = field
        self.found = found
        self.expected = expected
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += field + ": " }
        return text + "found \(found), expected \(expected)"
    }
}
