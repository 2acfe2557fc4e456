import Foundation

/// The suites of a folder as the `candor suites` commands present them: listed, validated, looked up by id.
///
/// Paths are taken and shown as the user typed them, so problems print as `Suites/x/test.jsonl:12: …`, ready to
/// open from a terminal.
public enum SuiteCatalog {
    /// Text for the terminal and whether anything failed (the command then exits with status 1).
    public struct Report: Sendable, Hashable {
        public var text: String
        public var failed: Bool

        public init(text: String, failed: Bool) {
            self.text = text
            self.failed = failed
        }
    }

    /// Validates each suite folder in `paths`, or every subfolder of `suitesDirectory` when `paths` is empty.
    ///
    /// Prints `ok <id> (<n> instances)` for a good suite and `broken <path> (<k> problems)` followed by every
    /// problem for a broken one.
    /// - Throws: ``SuiteError`` when `paths` is empty and `suitesDirectory` cannot be listed.
    public static func validate(_ paths: [String], suitesDirectory: String) throws -> Report {
        let folders = paths.isEmpty ? try subfolders(of: suitesDirectory, requiringDefinition: false) : paths
        var lines: [String] = []
        var failed = false
        for path in folders {
            do {
                let suite = try SuiteLoader.load(URL(fileURLWithPath: path))
                let total = suite.splits.reduce(0) { $0 + ($1.instanceCount ?? 0) }
                lines.append("ok \(suite.id) (\(total) instance\(total == 1 ? "" : "s"))")
            } catch let error as SuiteValidationError {
                failed = true
                let count = error.totalCount
                lines.append("broken \(path) (\(count) problem\(count == 1 ? "" : "s"))")
                lines.append(error.description(under: parent(of: path)))
            }
        }
        if folders.isEmpty { lines.append("no suite folders in \(suitesDirectory)") }
        return Report(text: lines.joined(separator: "\n"), failed: failed)
    }

    /// One row per suite of `suitesDirectory` (id, version, task kind, labels, train and test sizes, title);
    /// broken suites are named after the table, with the command that shows their problems.
    public static func listing(suitesDirectory: String) throws -> Report {
        var table = TextTable(header: ["id", "version", "task", "labels", "train", "test", "title"])
        var broken: [String] = []
        for path in try subfolders(of: suitesDirectory, requiringDefinition: true) {
            do {
                let suite = try SuiteLoader.load(URL(fileURLWithPath: path))
                func size(_ name: String) -> String {
                    suite.splits.first { $0.name == name }?.instanceCount.map(String.init) ?? "-"
                }
                table.add([suite.id, suite.version, suite.task.kind.rawValue,
                           suite.task.labels.joined(separator: ", "), size("train"), size("test"), suite.title])
            } catch let error as SuiteValidationError {
                let count = error.totalCount
                broken.append("broken \(path) (\(count) problem\(count == 1 ? "" : "s")): "
                    + "run `candor suites validate \(path)`")
            }
        }
        var text = table.text
        if !broken.isEmpty { text += "\n\n" + broken.joined(separator: "\n") }
        return Report(text: text, failed: !broken.isEmpty)
    }

    /// Loads the suite `id` from `suitesDirectory`.
    ///
    /// - Throws: ``SuiteError`` naming the suites there when there is no folder `id`; ``SuiteValidationError``
    ///   when the suite is broken.
    public static func suite(id: String, suitesDirectory: String) throws -> Suite {
        let path = join(suitesDirectory, id)
        var isDirectory: ObjCBool = false
        guard !id.contains("/"), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            let known = (try? subfolders(of: suitesDirectory, requiringDefinition: true)) ?? []
            let names = known.map { URL(fileURLWithPath: $0).lastPathComponent }
            throw SuiteError(message: "no suite '\(id)' in \(suitesDirectory)"
                + (names.isEmpty ? "" : " (suites there: \(names.joined(separator: ", ")))"))
        }
        return try SuiteLoader.load(URL(fileURLWithPath: path))
    }

    /// The subfolders of `directory` as paths under it, as typed.
    private static func subfolders(of directory: String, requiringDefinition: Bool) throws -> [String] {
        do {
            return try SuiteLoader.suiteFolders(in: URL(fileURLWithPath: directory),
                                                requiringDefinition: requiringDefinition)
                .map { join(directory, $0.lastPathComponent) }
        } catch {
            throw SuiteError(message: "cannot list the suites folder \(directory): no such folder "
                + "(pass --suites-dir PATH)")
        }
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder that holds the suite folder `path`, as typed, so issue paths (`<folder>/<file>`) read on from it.
    static func parent(of path: String) -> String? {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let last = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        if last == "." || last == ".." {
            return URL(fileURLWithPath: trimmed).standardizedFileURL.deletingLastPathComponent().path
        }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
