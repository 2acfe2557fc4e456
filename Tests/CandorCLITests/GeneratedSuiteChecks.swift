import Candor
import Foundation
import Testing

/// Checks shared by the tests of the generated suites: regenerating one with the built `SuiteGenerator`, and
/// reading a shipped suite's instances with their tokens.
enum GeneratedSuiteChecks {
    /// The shipped suite `id` under `Suites/`.
    static func shippedFolder(_ id: String) -> URL {
        CLI.projectRoot.appendingPathComponent("Suites").appendingPathComponent(id)
    }

    /// The files of suite `id` that the generator writes, with their bytes.
    static let files = ["suite.yaml", "train.jsonl", "test.jsonl", "README.md"]

    /// Runs `SuiteGenerator <folder> <id>` into a fresh temporary folder and returns the suite's folder there.
    static func regenerate(_ id: String) throws -> URL {
        let generator = CLI.productsFolder.appendingPathComponent("SuiteGenerator")
        try #require(FileManager.default.isExecutableFile(atPath: generator.path),
                     "build the SuiteGenerator product first: \(generator.path) is missing")
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-regenerate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = generator
        process.arguments = [folder.path, id]
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "SuiteGenerator \(id) exited with \(process.terminationStatus)")
        return folder.appendingPathComponent(id)
    }

    /// The instances of one split of a shipped suite.
    static func instances(_ id: String, split: String) throws -> [Instance] {
        try SuiteLoader.load(shippedFolder(id)).instances(split: split)
    }

    /// The lower-cased tokens of each rationale span on `field`.
    static func rationaleTokens(_ instance: Instance, field: String) -> [[String]] {
        let tokens = instance.input[field]?.tokens.map { $0.lowercased() } ?? []
        return instance.rationale.compactMap { piece in
            guard case .span(let spanField, let start, let end) = piece, spanField == field,
                  start >= 0, start < end, end <= tokens.count else { return nil }
            return Array(tokens[start..<end])
        }
    }

    /// Whether `needle` occurs as a contiguous run in `haystack`.
    static func contains(_ haystack: [String], run needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    /// Pearson (phi) correlation of two yes/no series.
    static func phi(_ x: [Bool], _ y: [Bool]) -> Double {
        let pairs = zip(x, y)
        return SuiteSummary.phi(n11: pairs.filter { $0 && $1 }.count, n10: pairs.filter { $0 && !$1 }.count,
                                n01: pairs.filter { !$0 && $1 }.count, n00: pairs.filter { !$0 && !$1 }.count) ?? 0
    }
}
