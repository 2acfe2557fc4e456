import Candor
import Foundation
import Testing

@Suite struct ScoreCommandTests {
    static let suitesDir = MergeCommandTests.suitesDir
    static let echo = CLI.projectRoot.appendingPathComponent("Fixtures/models/echo.py").path

    /// The `sent` column of each row of the scoring table `candor score` prints.
    static func sent(_ stdout: String) -> [Int] {
        stdout.split(separator: "\n").dropFirst().map { line in
            Int(line.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? -1
        }
    }

    @Test func scoringAfterARunAsksTheModelNothing() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let run = try CLI.run(MergeCommandTests.run + ["--variant", "all", "--store", store.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let before = try await ResultStore(url: store).responseCount()
        let runs = try await ResultStore(url: store).runs().count
        let first = try MergeCommandTests.export(store: store, to: folder.appendingPathComponent("before"))

        let score = try CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir, "--resamples", "50"])
        #expect(score.status == 0, "stderr: \(score.stderr)")
        #expect(Self.sent(score.stdout) == [0, 0, 0, 0])
        #expect(try await ResultStore(url: store).responseCount() == before)
        // No model was needed, so no run was recorded; the same settings give the same results.
        #expect(try await ResultStore(url: store).runs().count == runs)
        #expect(try MergeCommandTests.export(store: store, to: folder.appendingPathComponent("after")) == first)
    }

    @Test func anExternalModelIsNeededOnlyForMissingProbes() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        // token-f1 needs no probes, so this run leaves comprehensiveness and sufficiency's probes unasked.
        let run = try CLI.run(["run", "--model-command", "python3 \(Self.echo)", "--name", "echo-model",
                               "--suites-dir", Self.suitesDir, "--scorer", "token-f1", "--resamples", "50",
                               "--store", store.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let key = try #require(try await ResultStore(url: store).modelKeys().first)
        #expect(key.hasPrefix("process/echo-model:"))

        let refused = try CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                   "--resamples", "50"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("probes of suite tiny-sentiment for model \(key) have no answer in the "
            + "store; pass --model-command"), "stderr: \(refused.stderr)")

        let scored = try CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                  "--resamples", "50", "--name", "echo-model", "--", "python3", Self.echo])
        #expect(scored.status == 0, "stderr: \(scored.stderr)")
        let sent = Self.sent(scored.stdout)
        #expect(sent.count == 1 && sent[0] > 0, "stdout: \(scored.stdout)")
        #expect(scored.stdout.contains("comprehensiveness="))

        let again = try CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                 "--resamples", "50"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(Self.sent(again.stdout) == [0])
    }

    @Test func namesAModelTheStoreDoesNotHave() throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let result = try CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                  "--model", "reference/faithful"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the store has no model reference/faithful; it has: none"),
                "stderr: \(result.stderr)")
    }
}
