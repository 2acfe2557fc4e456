import ArgumentParser
import Candor
import Foundation

/// `candor refresh`: the main job — run, score, check the scorers, export and regenerate the leaderboard.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Run the reference model and its explainer variants on every suite, score, export, and "
            + "regenerate LEADERBOARD.md.",
        discussion: """
            Everything goes through the store, so a second refresh asks no model anything it already answered. \
            Writes Results/<model>.json per model, Results/sanity.json (the scorers' meta-evaluation), and the \
            generated block of LEADERBOARD.md. Exits 1 when a scorer fails its sanity check (after writing).
            """
    )

    @Option(name: .customLong("suite"), help: "A suite id. Repeatable; default every suite in --suites-dir.")
    var suites: [String] = []

    @Option(help: "The result store (SQLite).")
    var store: String = ResultStore.defaultPath

    @Option(name: .customLong("suites-dir"), help: "The folder holding one folder per suite.")
    var suitesDir: String = "Suites"

    @Option(help: "The folder of results files.")
    var results: String = "Results"

    @Option(help: "The leaderboard file.")
    var file: String = "LEADERBOARD.md"

    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        try scoring.check()
    }

    func run() async throws {
        let chosen = try Runner.suites(named: suites, in: URL(fileURLWithPath: suitesDir))
        let resultStore = try ResultStore(url: URL(fileURLWithPath: store))
        let runner = Runner(store: resultStore, options: RunOptions(commandLine: CommandLine.arguments.joined(
            separator: " ")), progress: ProgressReporter())
        let report = try await runner.run(
            suites: chosen, provider: ReferenceModelProvider(variants: ReferenceModel.Variant.allCases),
            scoring: scoring.runner(store: resultStore, batchSize: 64))
        print(SuiteRunSummary.table(report.explained))
        let matrix = try await SanityCheck.matrix(store: resultStore, suites: chosen, scorers: try scoring.chosen(),
                                                  bootstrap: try scoring.bootstrap())
        let folder = URL(fileURLWithPath: results)
        try ResultsFiles.write(matrix, to: folder.appendingPathComponent(ResultsFiles.sanityFileName))
        let keys = ReferenceModel.Variant.allCases.map(ReferenceModel.key(of:))
        let written = try await ResultsExporter(store: resultStore).exportAll(suites: chosen, to: folder, only: keys)
        let (models, sanity) = try ResultsFiles.readAll(in: folder)
        let url = URL(fileURLWithPath: file)
        let updated = LeaderboardDocument.updated(try? String(contentsOf: url, encoding: .utf8), results: models,
                                                  sanity: sanity)
        try Data(updated.utf8).write(to: url, options: .atomic)
        print("wrote \(written.count) results files, \(results)/\(ResultsFiles.sanityFileName) and \(file)")
        let failing = matrix.failures
        if !failing.isEmpty {
            print("sanity: \(failing.count) cells fail:")
            for cell in failing { print("  \(cell.suite) \(cell.scorer): \(cell.winner) does not beat \(cell.other)") }
            throw ExitCode.failure
        }
    }
}
