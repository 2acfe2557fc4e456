import ArgumentParser
import Candor
import Foundation

/// `candor run`: explain every test instance of the chosen suites with a model, into the result store.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a model on the suites: explain every test instance, probe, score, store everything.",
        discussion: """
            Responses already in the store are never requested again, so an interrupted run resumes where it \
            stopped. Refusals are final; timeouts, protocol errors and crashes are retried by the next run. \
            Progress goes to stderr; the summary table goes to stdout.
            """
    )

    @Option(help: "The model to run. Only `reference` (the built-in reference model) for now.")
    var model: String

    @Option(name: .customLong("variant"),
            help: ArgumentHelp("A reference model explainer variant, or `all`. Repeatable; default faithful.",
                               discussion: "Variants: faithful, shuffled, inverted, plausible."))
    var variants: [String] = []

    @Option(name: .customLong("suite"), help: "A suite id to run. Repeatable; default every suite in --suites-dir.")
    var suites: [String] = []

    @Option(help: "The result store (SQLite).")
    var store: String = ResultStore.defaultPath

    @Option(name: .customLong("suites-dir"), help: "The folder holding one folder per suite.")
    var suitesDir: String = "Suites"

    @Option(name: .customLong("batch-size"), help: "Requests per call to the model.")
    var batchSize: Int = 64

    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1, found \(batchSize)") }
        try scoring.check()
        guard model == "reference" else {
            throw ValidationError(RunError.unknownModel(model, known: ["reference"]).description)
        }
    }

    func run() async throws {
        let provider = ReferenceModelProvider(variants: try ReferenceModelProvider.variants(named: variants))
        let chosen = try Runner.suites(named: suites, in: URL(fileURLWithPath: suitesDir))
        let resultStore = try ResultStore(url: URL(fileURLWithPath: store))
        let options = RunOptions(batchSize: batchSize, commandLine: CommandLine.arguments.joined(separator: " "),
                                 batchDelay: RunOptions.batchDelay(from: ProcessInfo.processInfo.environment))
        let runner = Runner(store: resultStore, options: options, progress: ProgressReporter())
        let scorer = try scoring.runner(store: resultStore, batchSize: batchSize)
        let report = try await runner.run(suites: chosen, provider: provider, scoring: scorer)
        print(SuiteRunSummary.table(report.explained), terminator: "")
        if !report.scored.isEmpty {
            print("")
            print(ScoringRunner.Summary.table(report.scored), terminator: "")
        }
    }
}
