import ArgumentParser
import Candor
import Foundation

/// `candor score`: phases 2–4 again from the store, without the model when every probe is answered.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Re-score from the store: probes, observations, aggregates, with no model calls when every probe "
            + "is answered.",
        discussion: """
            Scores every model in the store (or those given by --model) on every suite it has explained: after \
            `candor merge` of shard stores, after a scorer changed, or with other bootstrap settings. When a probe \
            has no answer in the store, the reference model is trained again to answer it; an external model is \
            asked only when --model-command starts it (with the --name of its run), and otherwise the command \
            stops and says how many probes are missing. The table's `sent` column counts requests that reached \
            a model.
            """
    )

    @Option(name: .customLong("model"),
            help: "A model key to score (e.g. reference/faithful). Repeatable; default every model in the store.")
    var models: [String] = []

    @OptionGroup var process: ProcessModelOptions

    @Option(name: .customLong("suite"), help: "A suite id. Repeatable; default every suite in --suites-dir.")
    var suites: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("batch-size"), help: "Requests per call to a model, for missing probes.")
    var batchSize: Int = 64

    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1, found \(batchSize)") }
        try scoring.check()
        try process.check()
        if scoring.noScore { throw ValidationError("--no-score makes no sense for `candor score`") }
    }

    func run() async throws {
        let chosen = try workspace.suites(named: suites)
        let resultStore = try workspace.openStore()
        var provider: ProcessModelProvider?
        if let configuration = try process.configuration(store: workspace.store) {
            provider = ProcessModelProvider(configuration: configuration)
        }
        let summaries: [ScoringRunner.Summary]
        do {
            summaries = try await scoring.withScorers(store: resultStore, workspace: workspace) { scorers in
                guard let scorer = try scoring.runner(store: resultStore, batchSize: batchSize, scorers: scorers)
                else { return [] }
                let rescoring = Rescoring(store: resultStore, scoring: scorer,
                                          commandLine: ShellWords.join(CommandLine.arguments))
                let live = try await provider?.launched()
                return try await rescoring.score(modelKeys: models, suites: chosen, live: live)
            }
        } catch {
            await provider?.shutdown()
            throw CommandFailure.report(error)
        }
        await provider?.shutdown()
        print(ScoringRunner.Summary.table(summaries), terminator: "")
    }
}
