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
        let run = try await CLI.run(MergeCommandTests.run + ["--variant", "all", "--store", store.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let before = try await ResultStore(url: store).responseCount()
        let runs = try await ResultStore(url: store).runs().count
        let first = try await MergeCommandTests.export(store: store, to: folder.appendingPathComponent("before"))

        let score = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir, "--resamples", "50"])
        #expect(score.status == 0, "stderr: \(score.stderr)")
        #expect(Self.sent(score.stdout) == [0, 0, 0, 0])
        #expect(try await ResultStore(url: store).responseCount() == before)
        // No model was needed, so no run was recorded; the same settings give the same results.
        #expect(try await ResultStore(url: store).runs().count == runs)
        await #expect(try MergeCommandTests.export(store: store, to: folder.appendingPathComponent("after")) == first)
    }

    @Test func anExternalModelIsNeededOnlyForMissingProbes() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        // token-f1 needs no probes, so this run leaves comprehensiveness and sufficiency's probes unasked.
        let run = try await CLI.run(["run", "--model-command", "python3 \(Self.echo)", "--name", "echo-model",
                               "--suites-dir", Self.suitesDir, "--scorer", "token-f1", "--resamples", "50",
                               "--store", store.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let key = try #require(try await ResultStore(url: store).modelKeys().first)
        #expect(key.hasPrefix("process/echo-model:"))

        let refused = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                   "--resamples", "50"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("probes of suite tiny-sentiment for model \(key) have no answer in the "
            + "store; pass --model-command"), "stderr: \(refused.stderr)")

        let scored = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                  "--resamples", "50", "--name", "echo-model", "--", "python3", Self.echo])
        #expect(scored.status == 0, "stderr: \(scored.stderr)")
        let sent = Self.sent(scored.stdout)
        #expect(sent.count == 1 && sent[0] > 0, "stdout: \(scored.stdout)")
        #expect(scored.stdout.contains("comprehensiveness="))

        let again = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                 "--resamples", "50"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(Self.sent(again.stdout) == [0])
    }

    /// `--simulator-command` judges the simulatability scorers by an external process: its numbers are kept as
    /// `las@NAME` beside the built-in simulator's `las`, its answers are stored (a rerun asks it nothing), and the
    /// exported results name the judge.
    @Test func anExternalSimulatorJudgesApart() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let run = try await CLI.run(MergeCommandTests.run + ["--store", store.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("las="), "stdout: \(run.stdout)")
        let simulator = ["--simulator-command",
                         "python3 " + CLI.projectRoot.appendingPathComponent("Examples/python/overlap_simulator.py").path]

        let before = try await ResultStore(url: store).responseCount()
        let judged = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir, "--scorer", "las",
                                  "--resamples", "50"] + simulator)
        #expect(judged.status == 0, "stderr: \(judged.stderr)")
        #expect(judged.stdout.contains("las@overlap-simulator="), "stdout: \(judged.stdout)")
        // Three questions per test instance and source (self, reference, random): from input and explanation,
        // from the input alone, from the explanation alone — the input-alone ones are the same for every source.
        let asked = try await ResultStore(url: store).responseCount()
        #expect(asked - before == 300 * (2 * 3 + 1), "asked \(asked - before)")

        let again = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir, "--scorer", "las",
                                 "--resamples", "50"] + simulator)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(try await ResultStore(url: store).responseCount() == asked)

        let out = folder.appendingPathComponent("results")
        let export = try await CLI.run(["export", "--store", store.path, "--suites-dir", Self.suitesDir, "--out", out.path])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        let results = try JSONDecoder().decode(ModelResults.self,
                                               from: Data(contentsOf: out.appendingPathComponent("reference.json")))
        #expect(results.scorers.map(\.id).contains("las"))
        #expect(results.scorers.first { $0.id == "las@overlap-simulator" }?.judge == "overlap-simulator")
        #expect(results.suites[0].scores.contains { $0.scorer == "las@overlap-simulator" && $0.source == .self })
        // The judge is no model of its own on the leaderboard.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["reference.json"])
    }

    /// `candor sanity` judged by an external simulator: its cells are the judge's (`las@NAME`); `candor refresh`,
    /// which writes the leaderboard, refuses one.
    @Test func theSanityMatrixCanBeJudgedByAnExternalSimulator() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let simulator = ["--simulator-command",
                         "python3 " + CLI.projectRoot.appendingPathComponent("Examples/python/overlap_simulator.py").path]
        let sanity = try await CLI.run(["sanity", "--store", store.path, "--suites-dir", Self.suitesDir,
                                        "--scorer", "las", "--resamples", "50"] + simulator)
        #expect(sanity.stdout.contains("tiny-sentiment  las@overlap-simulator"), "stdout: \(sanity.stdout)")
        #expect(!sanity.stdout.contains("las   "), "only the judge's cells: \(sanity.stdout)")
        #expect(sanity.status == (sanity.stdout.contains(" fail\n") ? 1 : 0), "stderr: \(sanity.stderr)")

        let refresh = try await CLI.run(["refresh", "--store", store.path, "--suites-dir", Self.suitesDir]
                                        + simulator)
        #expect(refresh.status != 0)
        #expect(refresh.stderr.contains("the leaderboard is judged by the built-in simulator"))
    }

    /// A judge that keeps crashing never stops the scoring: what it answered is kept, the rest counts as "cannot
    /// tell" and is recorded as failed, and a rerun asks only for what failed.
    @Test func aCrashingSimulatorFailsItsRequestsNotTheRun() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let run = try await CLI.run(MergeCommandTests.run + ["--store", store.path, "--scorer", "token-f1"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let judge = CLI.projectRoot.appendingPathComponent("Fixtures/models/crash_after.py").path
        let score = ["score", "--store", store.path, "--suites-dir", Self.suitesDir, "--scorer", "las",
                     "--resamples", "50", "--simulator-command", "python3 \(judge) 100 --judge"]
        let before = try await ResultStore(url: store).responseCount()
        let first = try await CLI.run(score)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("las@crashing-judge="), "stdout: \(first.stdout)")
        // 2,100 questions (see anExternalSimulatorJudgesApart), each recorded once: the process and its 3 restarts
        // answer 100 each, the rest end as crashed.
        #expect(try await ResultStore(url: store).responseCount() - before == 2100)
        let keys = try await ResultStore(url: store).respondingModelKeys()
        let judgeKey = try #require(keys.first { $0.hasPrefix("process/crashing-judge:") }, "keys: \(keys)")
        let counts = try await ResultStore(url: store).statusCounts(modelKey: judgeKey, suite: "tiny-sentiment")
        #expect(counts[.ok] == 400 && counts[.crashed] == 1700, "\(counts)")

        // The rerun asks again only what failed: 400 more answers, none lost.
        let second = try await CLI.run(score)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(try await ResultStore(url: store).responseCount() - before == 2100)
        let again = try await ResultStore(url: store).statusCounts(modelKey: judgeKey, suite: "tiny-sentiment")
        #expect(again[.ok] == 800 && again[.crashed] == 1300, "\(again)")
    }

    @Test func aSimulatorMustDeclareSimulate() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let run = try await CLI.run(MergeCommandTests.run + ["--store", store.path, "--no-score"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let refused = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                   "--simulator-command", "python3 \(Self.echo)"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("does not declare the simulate capability"), "stderr: \(refused.stderr)")
        #expect(refused.stderr.components(separatedBy: "error:").count == 2, "one message: \(refused.stderr)")
        let named = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                 "--simulator-name", "judge"])
        #expect(named.status != 0)
        #expect(named.stderr.contains("--simulator-name names the simulator of --simulator-command"))
    }

    @Test func namesAModelTheStoreDoesNotHave() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        let store = folder.appendingPathComponent("candor.sqlite")
        let result = try await CLI.run(["score", "--store", store.path, "--suites-dir", Self.suitesDir,
                                  "--model", "reference/faithful"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the store has no model reference/faithful; it has: none"),
                "stderr: \(result.stderr)")
    }
}
