import ArgumentParser
import Candor
import Foundation

/// `candor refresh`: the job CI runs — run what is stale, score, check the scorers, export, regenerate the
/// leaderboard.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Run the reference model and every submission whose results are missing or stale, export, and "
            + "regenerate LEADERBOARD.md.",
        discussion: """
            Results are stale when a suite's version or content hash, a scorer's version, or the submission file \
            differs from what the results file records. The reference model runs with its four explainer \
            variants and writes Results/sanity.json (the scorers' meta-evaluation); each stale submission \
            (Submissions/<name>.yaml) is started, run, scored and exported as Results/<name>.json. Everything \
            goes through the store, so nothing already answered is asked again. The generated block of \
            LEADERBOARD.md is then rebuilt from every results file. A scorer that fails its sanity check is \
            listed and flagged in the leaderboard (with --strict the command then exits 1, as `candor sanity` \
            does); a submission that cannot be run makes it exit 1 (after writing everything else).
            """
    )

    @Option(name: .customLong("suite"), help: "A suite id. Repeatable; default every suite in --suites-dir.")
    var suites: [String] = []

    @Flag(help: "Exit 1 when a scorer fails its sanity check (the leaderboard flags it either way).")
    var strict = false

    @Option(help: "The folder of submission files (<name>.yaml); absent means no submissions.")
    var submissions: String = "Submissions"

    @Flag(help: "Run every model, stale or not.")
    var force = false

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "The folder of results files.")
    var results: String = "Results"

    @Option(help: "The leaderboard file.")
    var file: String = "LEADERBOARD.md"

    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        try scoring.check()
        if scoring.noScore { throw ValidationError("--no-score makes no sense for `candor refresh`") }
        if scoring.simulatorCommand != nil {
            throw ValidationError("the leaderboard is judged by the built-in simulator; give --simulator-command to "
                + "`candor run`, `candor score` or `candor sanity`")
        }
    }

    func run() async throws {
        let chosen = try workspace.suites(named: suites)
        let resultStore = try workspace.openStore()
        let report: LeaderboardRefresh.Report
        do {
            let submitted = try Submission.loadAll(in: URL(fileURLWithPath: submissions), displayedAs: submissions)
            let refresh = LeaderboardRefresh(
                store: resultStore, suites: chosen, scorers: try scoring.chosen(), bootstrap: try scoring.bootstrap(),
                submissions: submitted, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                resultsFolder: URL(fileURLWithPath: results), leaderboardFile: URL(fileURLWithPath: file),
                force: force, commandLine: ShellWords.join(CommandLine.arguments),
                logFolder: workspace.logFolder,
                progress: ProgressReporter())
            report = try await refresh.run()
        } catch {
            throw CommandFailure.report(error)
        }
        for entry in [report.reference] + report.submissions {
            if !entry.ran {
                print("\(entry.name): up to date")
            } else if let error = entry.error {
                print("\(entry.name): stale (\(entry.reasons.joined(separator: "; "))); could not run: \(error)")
            } else {
                let sent = entry.explained.map(\.sent).reduce(0, +) + entry.scored.map(\.sent).reduce(0, +)
                let why = entry.reasons.isEmpty ? "forced" : entry.reasons.joined(separator: "; ")
                print("\(entry.name): ran (\(why)); \(sent) requests sent")
            }
        }
        let sanityFile = report.sanity == nil ? "" : ", \(results)/\(ResultsFiles.sanityFileName)"
        print("wrote \(report.written.count) results files\(sanityFile) and \(file) (\(report.models) models)")
        var failed = false
        if let sanity = report.sanity, !sanity.failures.isEmpty {
            print("sanity: \(sanity.failures.count) cells fail (flagged in \(file)):")
            for cell in sanity.failures {
                print("  \(cell.suite) \(cell.scorer): \(cell.winner) does not beat \(cell.other)")
            }
            if strict { failed = true }
        }
        if !report.failed.isEmpty {
            print("could not run: \(report.failed.map(\.name).joined(separator: ", "))")
            failed = true
        }
        if failed { throw ExitCode.failure }
    }
}
