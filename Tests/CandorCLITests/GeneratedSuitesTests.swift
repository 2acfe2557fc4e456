import Foundation
import Testing

/// The shipped suites are exactly what `swift run SuiteGenerator` writes: regenerating gives byte-identical files.
/// When this fails, a recipe or the writer changed: run `swift run SuiteGenerator`, bump the suite's `version`,
/// and commit the regenerated folder.
@Suite struct GeneratedSuitesTests {
    @Test func regeneratingGivesByteIdenticalFiles() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = CLI.productsFolder.appendingPathComponent("SuiteGenerator")
        process.arguments = [output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let shipped = CLI.projectRoot.appendingPathComponent("Suites")
        let generated = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(!generated.isEmpty)
        for suite in generated {
            let files = try FileManager.default.contentsOfDirectory(
                atPath: output.appendingPathComponent(suite).path).sorted()
            #expect(files == ["README.md", "suite.yaml", "test.jsonl", "train.jsonl"])
            for file in files {
                let fresh = try Data(contentsOf: output.appendingPathComponent(suite).appendingPathComponent(file))
                let committed = try? Data(contentsOf: shipped.appendingPathComponent(suite)
                    .appendingPathComponent(file))
                #expect(committed == fresh, "Suites/\(suite)/\(file) differs from what SuiteGenerator writes")
            }
        }
    }
}
