import ArgumentParser
import Candor
import Foundation

/// `candor run`: explain every test instance of the chosen suites with a model, into the result store.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a model on the suites: explain every test instance, probe, score, store everything.",
        discussion: """
            The model is the built-in reference model (--model reference), an external program speaking the \
            JSON-lines protocol (--model-command "python3 my_model.py" --name NAME, or the words after --), or a \
            submission (--submission NAME, read from Submissions/NAME.yaml, whose options replace --workers, \
            --max-in-flight, --timeout and --restarts). Responses already in the store are \
            never requested again, so an interrupted run resumes where it stopped. Refusals are final; timeouts, \
            protocol errors and crashes are retried by the next run. Progress goes to stderr; the summary table \
            goes to stdout.

            With --shard i/n only the test instances whose stable hash (FNV-1a of the instance id) modulo n is \
            i − 1 are explained and probed; merge the shards' stores with `candor merge` and score the whole \
            with `candor score`.
            """
    )

    @Option(help: "The built-in model to run: `reference`.")
    var model: String?

    @Option(name: .customLong("variant"),
            help: ArgumentHelp("A reference model explainer variant, or `all`. Repeatable; default faithful.",
                               discussion: "Variants: faithful, shuffled, inverted, plausible."))
    var variants: [String] = []

    @Option(help: "Run a submitted model: the name of a file NAME.yaml in --submissions.")
    var submission: String?

    @Option(help: "The folder of submission files.")
    var submissions: String = "Submissions"

    @OptionGroup var process: ProcessModelOptions

    @Option(name: .customLong("suite"), help: "A suite id to run. Repeatable; default every suite in --suites-dir.")
    var suites: [String] = []

    @Option(help: "Run one shard of the test instances, i/n (1 ≤ i ≤ n); see the discussion.")
    var shard: String?

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("batch-size"), help: "Requests per call to the model.")
    var batchSize: Int = 64

    @OptionGroup var scoring: ScoringOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1, found \(batchSize)") }
        try scoring.check()
        try process.check()
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.description) }
        }
        let given = [model != nil, submission != nil, try process.command() != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError("give exactly one model: --model reference, --model-command CMD (or -- CMD ...), "
                + "or --submission NAME")
        }
        if let model, model != "reference" {
            throw ValidationError(RunError.unknownModel(model, known: ["reference"]).description)
        }
        if model == nil, !variants.isEmpty {
            throw ValidationError("--variant applies to --model reference only")
        }
    }

    func run() async throws {
        let chosen = try workspace.suites(named: suites)
        let resultStore = try workspace.openStore()
        let options = RunOptions(batchSize: batchSize, commandLine: ShellWords.join(CommandLine.arguments),
                                 batchDelay: RunOptions.batchDelay(from: ProcessInfo.processInfo.environment),
                                 shard: try shard.map { try Shard(parsing: $0) })
        let runner = Runner(store: resultStore, options: options, progress: ProgressReporter())
        let report = try await scoring.withScorers(store: resultStore, workspace: workspace) { scorers in
            try await run(runner, suites: chosen, scoring: try scoring.runner(store: resultStore, batchSize: batchSize,
                                                                              scorers: scorers))
        }
        print(SuiteRunSummary.table(report.explained), terminator: "")
        if !report.scored.isEmpty {
            print("")
            print(ScoringRunner.Summary.table(report.scored), terminator: "")
        }
        if let shard = options.shard {
            print("")
            print("shard \(shard): explained and probed; after every shard, `candor merge` the stores and run "
                + "`candor score` on the merged one")
        }
    }

    /// Phase 1 with the chosen model, then `scoring` (nil with --no-score).
    func run(_ runner: Runner, suites chosen: [Suite], scoring scorer: ScoringRunner?) async throws
        -> (explained: [SuiteRunSummary], scored: [ScoringRunner.Summary])
    {
        let report: (explained: [SuiteRunSummary], scored: [ScoringRunner.Summary])
        if model != nil {
            let provider = ReferenceModelProvider(variants: try ReferenceModelProvider.variants(named: variants))
            report = try await runner.run(suites: chosen, provider: provider, scoring: scorer)
        } else {
            let configuration: ProcessModel.Configuration
            if let submission {
                configuration = try Self.configuration(ofSubmission: submission, in: submissions,
                                                       logFolder: workspace.logFolder)
            } else {
                guard let given = try process.configuration(store: workspace.store) else { throw ExitCode.validationFailure }
                configuration = given
            }
            let provider = ProcessModelProvider(configuration: configuration)
            do {
                report = try await runner.run(suites: chosen, provider: provider, scoring: scorer)
            } catch {
                await provider.shutdown()
                throw CommandFailure.report(error)
            }
            await provider.shutdown()
        }
        return report
    }

    /// The process model configuration of submission `name` in `folder`.
    static func configuration(ofSubmission name: String, in folder: String, logFolder: URL) throws
        -> ProcessModel.Configuration
    {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name + ".yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = (try? Submission.loadAll(in: URL(fileURLWithPath: folder)).map(\.name)) ?? []
            throw CommandFailure.report("no submission \(name) in \(folder); found: "
                + (known.isEmpty ? "none" : known.joined(separator: ", ")))
        }
        do {
            let submission = try Submission.load(from: url, file: "\(folder)/\(name).yaml")
            let logs = logFolder.appendingPathComponent(name)
            return submission.configuration(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                            logDirectory: logs)
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
