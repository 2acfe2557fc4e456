import Candor
import Foundation
import Testing

@Suite struct MergeCommandTests {
    static let suitesDir = CLI.projectRoot.appendingPathComponent("Fixtures/runs").path
    /// Shared by every run below, in this order, so that the exported reproduce command is the same too.
    static let run = ["run", "--model", "reference", "--suite", "tiny-sentiment", "--suites-dir", suitesDir,
                      "--resamples", "50"]

    static func export(store: URL, to folder: URL) async throws -> Data {
        let result = try await CLI.run(["export", "--store", store.path, "--suites-dir", suitesDir, "--out", folder.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try Data(contentsOf: folder.appendingPathComponent("reference.json"))
    }

    @Test func shardsMergedAndScoredExportTheSameResultsAsOneRun() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let whole = folder.appendingPathComponent("whole.sqlite")
        let unsharded = try await CLI.run(Self.run + ["--store", whole.path])
        #expect(unsharded.status == 0, "stderr: \(unsharded.stderr)")

        var shardStores: [String] = []
        var explained = 0
        for index in 1...2 {
            let store = folder.appendingPathComponent("shard-\(index).sqlite")
            let result = try await CLI.run(Self.run + ["--shard", "\(index)/2", "--store", store.path])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let row = try #require(RunCommandTests.rows(of: result.stdout).first)
            // Both shards hold part of the 300 test instances, and a shard scores nothing on its own.
            #expect(row.number("instances") > 0 && row.number("instances") < 300)
            explained += row.number("instances")
            #expect(result.stdout.contains("shard \(index)/2: explained and probed"))
            #expect(try await ResultStore(url: store).aggregates(modelKey: "reference/faithful").isEmpty)
            shardStores.append(store.path)
        }
        #expect(explained == 300)

        let merged = folder.appendingPathComponent("merged.sqlite")
        let merge = try await CLI.run(["merge"] + shardStores + ["--out", merged.path])
        #expect(merge.status == 0, "stderr: \(merge.stderr)")
        #expect(merge.stdout.contains("no aggregates yet for: reference/faithful on tiny-sentiment"))
        let score = try await CLI.run(["score", "--store", merged.path, "--suites-dir", Self.suitesDir, "--resamples", "50"])
        #expect(score.status == 0, "stderr: \(score.stderr)")
        // Every probe was asked by a shard: re-scoring sends nothing.
        let line = try #require(score.stdout.split(separator: "\n").first { $0.hasPrefix("tiny-sentiment ") })
        #expect(line.split(separator: " ", omittingEmptySubsequences: true)[3] == "0", "\(line)")

        let expected = try await Self.export(store: whole, to: folder.appendingPathComponent("whole-results"))
        let actual = try await Self.export(store: merged, to: folder.appendingPathComponent("merged-results"))
        #expect(expected == actual)
        #expect(try await ResultStore(url: merged).responseCount() == ResultStore(url: whole).responseCount())
    }

    @Test func refusesWhatItCannotMerge() async throws {
        let result = try await CLI.run(["merge", "/nonexistent/a.sqlite", "--out", "/nonexistent/b.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no store at /nonexistent/a.sqlite"), "stderr: \(result.stderr)")
    }
}
