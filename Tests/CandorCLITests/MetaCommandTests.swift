import Foundation
import Testing

/// `candor import wiegreffe` then `candor meta --ratings FILE --scorer …`, as a user would run them.
@Suite struct MetaCommandTests {
    @Test func correlatesScorersWithTheFixtureRatings() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("candor-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let ratings = scratch.appendingPathComponent("ratings.jsonl").path
        let imported = try await CLI.run(["import", "wiegreffe", "Fixtures/formats/wiegreffe", "--out", ratings])
        #expect(imported.status == 0)
        #expect(imported.stdout.hasPrefix("wrote 12 rated explanations\n"))
        let result = try await CLI.run(["meta", "--ratings", ratings, "--scorer", "rouge-l", "--scorer", "chrf",
                                  "--resamples", "100", "--json"])
        #expect(result.status == 0)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["scorer"] as? String } == ["rouge-l", "chrf"])
        let overall = reports[0]["overall"] as? [String: Any]
        #expect(overall?["n"] as? Int == 12)
        let spearman = overall?["spearman"] as? [String: Double]
        #expect((spearman?["low"] ?? 2) <= (spearman?["value"] ?? 0) && (spearman?["value"] ?? 2) <= (spearman?["high"] ?? 0))
    }

    @Test func refusesAScorerThatNeedsAModel() async throws {
        let result = try await CLI.run(["meta", "--ratings", "Fixtures/formats/README.md", "--scorer", "comprehensiveness"])
        #expect(result.status == 1)
    }

    /// On the Wiegreffe et al. sample: correlations with intervals for rouge-l and chrf over all 550 rated
    /// explanations.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CLI.projectRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/real-samples/wiegreffe2022_few_shot_explanations").path),
                   "needs ../shared/real-samples"))
    func printsCorrelationsWithIntervalsOnTheRealSample() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("candor-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let ratings = scratch.appendingPathComponent("ratings.jsonl").path
        let sample = CLI.projectRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/real-samples/wiegreffe2022_few_shot_explanations").path
        #expect(try await CLI.run(["import", "wiegreffe", sample, "--out", ratings]).status == 0)
        let result = try await CLI.run(["meta", "--ratings", ratings, "--scorer", "rouge-l", "--scorer", "chrf",
                                  "--resamples", "200"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        let rouge = try #require(lines.first { $0.hasPrefix("rouge-l: n = 550 of 550") })
        let chrf = try #require(lines.first { $0.hasPrefix("chrf: n = 550 of 550") })
        for line in [rouge, chrf] {
            #expect(line.contains("Spearman ρ") && line.contains("Kendall τ-b") && line.contains("["))
        }
    }
}
