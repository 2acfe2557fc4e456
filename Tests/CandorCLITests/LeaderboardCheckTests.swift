import Foundation
import Testing

/// The committed LEADERBOARD.md is exactly what the committed Results/ produce (what CI's refresh checks).
@Suite struct LeaderboardCheckTests {
    @Test func committedLeaderboardIsUpToDate() async throws {
        let result = try await CLI.run(["leaderboard", "--check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func checkFailsWithADiffWhenTheFileIsStale() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("candor-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = folder.appendingPathComponent("LEADERBOARD.md")
        try Data("# Board\n\n<!-- candor:leaderboard:begin -->\nold\n<!-- candor:leaderboard:end -->\n".utf8)
            .write(to: stale)
        let results = CLI.projectRoot.appendingPathComponent("Results").path
        let result = try await CLI.run(["leaderboard", "--check", "--results", results, "--file", stale.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("-old"))
        #expect(try String(contentsOf: stale, encoding: .utf8).contains("\nold\n"))
    }
}
