import Foundation

/// Paths of the project's test inputs and scratch folders for tests.
enum FixtureFolder {
    /// The project's root (the folder holding Package.swift).
    static var projectRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `Fixtures/suites`: one folder per valid or broken suite.
    static var suites: URL {
        projectRoot.appendingPathComponent("Fixtures/suites")
    }

    /// A fresh empty folder, removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("candor-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the fixture suite `name` in a scratch folder (the copy keeps the folder name, so its id matches).
    static func copy(suite name: String) throws -> (suite: URL, scratch: URL) {
        let scratch = try scratch()
        let target = scratch.appendingPathComponent(name)
        try FileManager.default.copyItem(at: suites.appendingPathComponent(name), to: target)
        return (target, scratch)
    }
}
