/// One problem found in a suite (or in a dataset being imported), precise enough to fix without reading the code.
///
/// Rendered as `file:line: field: found …, expected …`, the form compilers use, so editors and terminals can jump
/// to it. `file` is relative to the folder that holds the suite (`sentiment/test.jsonl`), so messages read the
/// same on every machine.
public struct SuiteIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file, as `<suite folder>/<file name>`.
    public var file: String
    /// 1-based line: the JSONL line, or the `suite.yaml` line of the offending node; nil for a whole file.
    public var line: Int?
    /// Where in the line or document: `task.labels`, `input.review`, `rationale[0].end`; nil for the whole line.
    public var field: String?
    /// What is there.
    public var found: String
    /// What should be there.
    public var expected: String

    public init(file: String, line: Int?, field: String?, found: String, expected: String) {
        self.file = file
        self.line = line
        self.field = field
        self.found = found
        self.expected = expected
    }

    public var description: String {
        description(under: nil)
    }

    /// The message with `parent` (for example the path the user typed for the suites folder) before the file.
    public func description(under parent: String?) -> String {
        var text = parent.map { $0.hasSuffix("/") ? $0 + file : $0 + "/" + file } ?? file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += field + ": " }
        return text + "found \(found), expected \(expected)"
    }
}
