/// A source file an importer cannot read: the same file, line, field, found and expected as a suite problem, and
/// rendered the same way (`file:line: field: found …, expected …`), so one type serves both.
public typealias ImportError = SuiteIssue

extension SuiteIssue: Error {}
