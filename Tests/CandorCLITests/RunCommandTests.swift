import Candor
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct RunCommandTests {
    /// One row of the summary table `candor run` prints, by column title.
    struct Row {
        var cells: [String: String]
        subscript(_ column: String) -> String { cells[column] ?? "" }
        func number(_ column: String) -> Int { Int(self[column]) ?? -1 }
    }

    /// Splits the table on whitespace (no cell holds a space); the first line names the columns.
    static func rows(of stdout: String) -> [Row] {
        // The explain table ends at the first blank line (a scoring table may follow).
        let table = stdout.components(separatedBy: "\n\n")[0]
        let lines = table.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        guard let header = lines.first, header == SuiteRunSummary.tableColumns else { return [] }
        return lines.dropFirst().map { Row(cells: Dictionary(uniqueKeysWithValues: zip(header, $0))) }
    }

    static let suitesDir = CLI.projectRoot.appendingPathComponent("Fixtures/runs").path

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("candor-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The stored rows without what differs between two runs of one command (latency, run id).
    static func comparableRows(_ store: ResultStore, modelKey: String) async throws -> [ResponseRecord] {
        try await store.responses(modelKey: modelKey).map { record in
            var record = record
            record.latency = 0
            record.runID = nil
            return record
        }
    }

    @Test func printsOneSummaryRowPerSuite() async throws {
        let store = try Self.temporaryFolder().appendingPathComponent("candor.sqlite")
        let result = try await CLI.run(["run", "--no-score", "--model", "reference", "--suites-dir", Self.suitesDir,
                                  "--store", store.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = Self.rows(of: result.stdout)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["suite"] == "tiny-sentiment")
        #expect(row["model"] == "reference/faithful")
        #expect(row.number("instances") == 300)
        // Train has 108 negative and 92 positive reviews, so the majority label is negative; 161 of the 300 test
        // reviews are negative: 161/300 = 0.5367.
        #expect(row["majority"] == "0.537")
        #expect(row.number("sent") + row.number("reused") == 300)
        #expect(row["failures"] == "-")
        // stderr is not a terminal here: plain progress lines, the last one complete.
        #expect(result.stderr.contains("tiny-sentiment reference/faithful  300/300  100%"))
        #expect(!result.stderr.contains("\r"))
    }

    @Test func runsEveryVariantWhenAskedForAll() async throws {
        let store = try Self.temporaryFolder().appendingPathComponent("candor.sqlite")
        let result = try await CLI.run(["run", "--no-score", "--model", "reference", "--variant", "all", "--suite", "tiny-sentiment",
                                  "--suites-dir", Self.suitesDir, "--store", store.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.rows(of: result.stdout).map { $0["model"] }
            == ["reference/faithful", "reference/shuffled", "reference/inverted", "reference/plausible"])
    }

    @Test(arguments: [
        (["--suite", "nope"], "no suite nope in"),
        (["--variant", "sideways"], "unknown variant sideways; expected one of: faithful, shuffled, inverted, "
            + "plausible, all"),
    ])
    func namesWhatItDoesNotKnow(arguments: [String], message: String) async throws {
        let store = try Self.temporaryFolder().appendingPathComponent("candor.sqlite")
        let result = try await CLI.run(["run", "--no-score", "--model", "reference", "--suites-dir", Self.suitesDir,
                                  "--store", store.path] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test func refusesAnUnknownModel() async throws {
        let result = try await CLI.run(["run", "--model", "gpt", "--suites-dir", Self.suitesDir])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown model gpt; expected one of: reference"))
    }

    @Test func aKilledRunResumesWithoutLosingOrRepeatingAResponse() async throws {
        let folder = try Self.temporaryFolder()
        let arguments = ["run", "--no-score", "--model", "reference", "--suite", "tiny-sentiment", "--suites-dir", Self.suitesDir,
                         "--batch-size", "4"]

        // The reference: one uninterrupted run.
        let wholeURL = folder.appendingPathComponent("whole.sqlite")
        let whole = try await CLI.run(arguments + ["--store", wholeURL.path])
        #expect(whole.status == 0, "stderr: \(whole.stderr)")
        let wholeRows = try await Self.comparableRows(try ResultStore(url: wholeURL), modelKey: "reference/faithful")
        let unique = wholeRows.count
        #expect(unique > 20)

        // The same run slowed to 400 ms per batch of 4 (at least 24 s in all, so a loaded machine still has time
        // to see it), killed once 20 responses are committed.
        let killedURL = folder.appendingPathComponent("killed.sqlite")
        let process = Process()
        process.executableURL = CLI.productsFolder.appendingPathComponent("candor")
        process.arguments = arguments + ["--store", killedURL.path]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment[RunOptions.batchDelayVariable] = "400"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var watcher: ResultStore?
        var seen = 0
        var polls = 0
        // Polling bounds a hang at about 60 s; nothing here asserts a duration.
        while seen < 20, polls < 2400, process.isRunning {
            try await Task.sleep(for: .milliseconds(25))
            polls += 1
            if watcher == nil, FileManager.default.fileExists(atPath: killedURL.path) {
                watcher = try? ResultStore(url: killedURL)
            }
            seen = (try? await watcher?.responseCount()) ?? 0
        }
        #expect(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        watcher = nil

        let afterKill = try await ResultStore(url: killedURL).responseCount()
        #expect(afterKill >= 20)
        #expect(afterKill < unique)

        // The rerun asks exactly what is missing and reuses the rest.
        let rerun = try await CLI.run(arguments + ["--store", killedURL.path])
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        let row = try #require(Self.rows(of: rerun.stdout).first)
        #expect(row.number("sent") == unique - afterKill)
        #expect(row.number("reused") == 300 - (unique - afterKill))
        #expect(row["failures"] == "-")

        let resumed = try ResultStore(url: killedURL)
        #expect(try await Self.comparableRows(resumed, modelKey: "reference/faithful") == wholeRows)
        #expect(try await resumed.runs().map(\.status) == [.running, .finished])
    }
}
