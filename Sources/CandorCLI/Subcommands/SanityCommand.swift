import ArgumentParser
import Candor
import Foundation

/// `candor sanity`: the scorers' meta-evaluation on the reference model's explainer variants.
struct SanityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanity",
        abstract: "Check that every scorer ranks the reference model's explainer variants as it must.",
        discussion: """
            Runs the reference model's four variants (faithful, shuffled, inverted, plausible) on the suites — \
            reusing every answer already in the store — and prints the matrix suite × scorer × comparison. \
            Faithfulness and simulatability scorers must rank faithful above shuffled and inverted; agreement \
            scorers must rank plausible first, each with the 95 % interval of the paired difference excluding 0. \
            A cell with fewer than 30 decisive observations is undecided; one where the scorer does not apply, \
            or its aggregate is undefined for a variant (LAS when no explanation, or every one, gives the label \
            away), is not applicable, with the reason. Exits 1 when any cell fails.
            """
    )

    @Option(name: .customLong("suite"), help: "A suite id. Repeatable; default every suite in --suites-dir.")
    var suites: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Also write the matrix as JSON to this file (the leaderboard reads Results/sanity.json).")
    var out: String?

    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        try scoring.check()
    }

    func run() async throws {
        let chosen = try workspace.suites(named: suites)
        let resultStore = try workspace.openStore()
        let runner = Runner(store: resultStore, options: RunOptions(commandLine: ShellWords.join(CommandLine.arguments)),
                            progress: ProgressReporter())
        let matrix = try await scoring.withScorers(store: resultStore, workspace: workspace) { scorers in
            _ = try await runner.run(suites: chosen,
                                     provider: ReferenceModelProvider(variants: ReferenceModel.Variant.allCases),
                                     scoring: scoring.runner(store: resultStore, batchSize: 64, scorers: scorers))
            return try await SanityCheck.matrix(store: resultStore, suites: chosen, scorers: scorers,
                                                bootstrap: try scoring.bootstrap())
        }
        print(matrix.text, terminator: "")
        if let out {
            try ResultsFiles.write(matrix, to: URL(fileURLWithPath: out))
        }
        if !matrix.passes { throw ExitCode(1) }
    }
}
