import Foundation

/// The format fixtures (`Fixtures/formats/`) and the samples of real datasets kept beside the package
/// (`../shared/real-samples/`, absent on most machines: tests that read them are skipped there, visibly).
enum FormatFixtures {
    /// `Fixtures/formats/<path>`.
    static func url(_ path: String) -> URL {
        FixtureFolder.projectRoot.appendingPathComponent("Fixtures/formats").appendingPathComponent(path)
    }

    /// `../shared/real-samples/<path>`, next to the project's folder.
    static func sample(_ path: String) -> URL {
        FixtureFolder.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/real-samples")
            .appendingPathComponent(path)
    }

    /// Whether the real sample `path` is present.
    static func hasSample(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: sample(path).path)
    }

    /// A suite folder `name` in a fresh scratch folder; the scratch folder is for the caller to remove.
    static func output(_ name: String) throws -> (suite: URL, scratch: URL) {
        let scratch = try FixtureFolder.scratch()
        return (scratch.appendingPathComponent("Suites").appendingPathComponent(name), scratch)
    }

    /// The lines of a JSONL file as objects.
    static func objects(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
