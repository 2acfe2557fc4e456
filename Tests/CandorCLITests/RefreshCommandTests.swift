import Candor
import Foundation
import Testing

@Suite struct RefreshCommandTests {
    static let suitesDir = MergeCommandTests.suitesDir
    static let refresh = ["refresh", "--suites-dir", suitesDir, "--resamples", "50"]

    /// A project folder with `Submissions/echo-model.yaml` running the well-behaved fixture model.
    static func project() throws -> URL {
        let folder = try RunCommandTests.temporaryFolder()
        let submissions = folder.appendingPathComponent("Submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try Data("""
            command: [python3, \(ScoreCommandTests.echo)]
            description: Answers the first label and highlights the first token.
            contact: the fixture's authors
            options: {workers: 2, timeout: 120}

            """.utf8).write(to: submissions.appendingPathComponent("echo-model.yaml"))
        return folder
    }

    @Test func refreshesALeaderboardHoldingASubmissionAndThenOnlyWhatChanged() async throws {
        let folder = try Self.project()
        let first = try await CLI.run(Self.refresh, in: folder)
        #expect(first.status == 0, "stdout: \(first.stdout)\nstderr: \(first.stderr)")
        #expect(first.stdout.contains("reference: ran (reference: no results file;"))
        #expect(first.stdout.contains("echo-model: ran (no results file)"))

        let file = folder.appendingPathComponent("Submissions/echo-model.yaml")
        let results = try JSONDecoder().decode(ModelResults.self, from: Data(contentsOf: folder
            .appendingPathComponent("Results/echo-model.json")))
        #expect(results.model.name == "echo-model")
        #expect(results.model.submission == RequestHash.sha256(try Data(contentsOf: file)))
        #expect(results.model.command == "candor run --submission echo-model")
        #expect(results.suites.map(\.id) == ["tiny-sentiment"])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Results").path)
        #expect(Set(names) == ["echo-model.json", "reference.json", "reference-shuffled.json",
                               "reference-inverted.json", "reference-plausible.json", "sanity.json"])
        let leaderboard = try String(contentsOf: folder.appendingPathComponent("LEADERBOARD.md"), encoding: .utf8)
        #expect(leaderboard.contains("\n| echo-model | 1.0 |"))
        #expect(try await CLI.run(["leaderboard", "--check"], in: folder).status == 0)

        let second = try await CLI.run(Self.refresh, in: folder)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("reference: up to date\necho-model: up to date\nwrote 0 results files"))

        // An edited submission runs again, answered from the store.
        try Data((try String(contentsOf: file, encoding: .utf8) + "# edited\n").utf8).write(to: file)
        let third = try await CLI.run(Self.refresh, in: folder)
        #expect(third.status == 0, "stderr: \(third.stderr)")
        #expect(third.stdout.contains("reference: up to date\necho-model: ran (the submission file changed); "
            + "0 requests sent"))

        // `candor run --submission` is the same model in the store: nothing is asked again.
        let rerun = try await CLI.run(["run", "--submission", "echo-model", "--suites-dir", Self.suitesDir, "--no-score"],
                                in: folder)
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        #expect(RunCommandTests.rows(of: rerun.stdout).first?.number("sent") == 0)
    }

    @Test func reportsABrokenSubmissionFileWithItsLine() async throws {
        let folder = try Self.project()
        try Data("description: d\ncontact: c\nworkers: 2\n".utf8)
            .write(to: folder.appendingPathComponent("Submissions/broken.yaml"))
        let result = try await CLI.run(Self.refresh, in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Submissions/broken.yaml:1: command: found nothing, expected the command "
            + "that starts the model"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Submissions/broken.yaml:3: workers: found an unknown key"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Results").path))
    }

    @Test func aSubmissionThatCannotStartFailsTheRefreshAfterTheOthersAreWritten() async throws {
        let folder = try Self.project()
        try Data("command: python3 Examples/python/absent_model.py\ndescription: d\ncontact: c\n".utf8)
            .write(to: folder.appendingPathComponent("Submissions/absent.yaml"))
        let result = try await CLI.run(Self.refresh + ["--scorer", "token-f1"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("absent: stale (no results file); could not run:"), "\(result.stdout)")
        #expect(result.stdout.contains("could not run: absent\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Results/echo-model.json").path))
        #expect(try String(contentsOf: folder.appendingPathComponent("LEADERBOARD.md"), encoding: .utf8)
            .contains("| echo-model |"))
    }
}
