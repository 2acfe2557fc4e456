import ArgumentParser
import Candor
import Foundation

/// The options that choose scorers and the bootstrap, shared by `run`, `score` and `sanity`.
struct ScoringOptions: ParsableArguments {
    @Option(name: .customLong("scorer"),
            help: "A scorer id to compute. Repeatable; default every scorer each suite enables.")
    var scorers: [String] = []

    @Option(help: "Bootstrap resamples for the intervals.")
    var resamples: Int = Bootstrap.defaultResamples

    @Option(help: "Bootstrap seed (the same seed gives the same intervals).")
    var seed: UInt64 = 0

    @Flag(name: .customLong("no-score"), help: "Only explain the test instances (phase 1); do not probe or score.")
    var noScore = false

    @Option(name: .customLong("simulator-command"), help: ArgumentHelp(
        "An external simulator to judge the simulatability scorers (las, counterfactual-simulation) instead of the "
            + "built-in one: the command that starts it, as one string.",
        discussion: "Any protocol process that declares the `simulate` capability, e.g. a wrapper around an LLM. "
            + "Its results are kept apart, as las@NAME and counterfactual-simulation@NAME; its answers are stored "
            + "like every other request, so a rerun asks nothing twice.",
        valueName: "command"))
    var simulatorCommand: String?

    @Option(name: .customLong("simulator-name"),
            help: "The external simulator's NAME in las@NAME (default: the name it declares).")
    var simulatorName: String?

    func check() throws {
        for id in scorers {
            do { _ = try Scorers.named(id) } catch { throw ValidationError(error.description) }
        }
        guard resamples >= 10 else { throw ValidationError("--resamples must be at least 10, found \(resamples)") }
        if let simulatorCommand { _ = try ProcessModelOptions.words(of: simulatorCommand, option: "--simulator-command") }
        if simulatorName != nil, simulatorCommand == nil {
            throw ValidationError("--simulator-name names the simulator of --simulator-command; give that too")
        }
    }

    /// The chosen scorers, in registry order; the simulatability ones judged by `simulator` when given.
    func chosen(simulator: (any Simulator)? = nil) throws -> [any Scorer] {
        let ids = Set(scorers)
        return Scorers.instantiate(Scorers.all.filter { ids.isEmpty || ids.contains($0.id) }, simulator: simulator)
    }

    /// Runs `body` with the chosen scorers. With --simulator-command the simulator's process is started first
    /// (and must declare `simulate`), judges the simulatability scorers, and is ended afterwards.
    func withScorers<T>(store: ResultStore, workspace: WorkspaceOptions,
                        _ body: ([any Scorer]) async throws -> T) async throws -> T {
        guard let simulatorCommand else { return try await body(try chosen()) }
        let command = try ProcessModelOptions.words(of: simulatorCommand, option: "--simulator-command")
        let configuration = ProcessModel.Configuration(
            command: command, name: simulatorName, workers: 1, maxInFlight: 32, timeout: .seconds(120), restarts: 3,
            logDirectory: workspace.logFolder.appendingPathComponent(
                "simulator-" + ResultsFiles.safeCharacters(simulatorName ?? command.joined(separator: " "))))
        let launched: (simulator: ProcessSimulator, provider: ProcessModelProvider)
        do {
            launched = try await ProcessSimulator.launch(configuration, store: store)
        } catch {
            throw CommandFailure.report(error)
        }
        do {
            let result = try await body(try chosen(simulator: launched.simulator))
            await launched.provider.shutdown()
            return result
        } catch {
            await launched.provider.shutdown()
            throw error
        }
    }

    func bootstrap() throws -> Bootstrap {
        try Bootstrap(resamples: resamples, seed: seed)
    }

    /// The scoring runner, or nil with `--no-score`.
    func runner(store: ResultStore, batchSize: Int, scorers: [any Scorer]) throws -> ScoringRunner? {
        if noScore { return nil }
        return ScoringRunner(store: store, scorers: scorers, bootstrap: try bootstrap(), batchSize: batchSize,
                             progress: ProgressReporter())
    }
}
