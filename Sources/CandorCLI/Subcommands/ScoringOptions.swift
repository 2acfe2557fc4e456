import ArgumentParser
import Candor

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

    func check() throws {
        for id in scorers {
            do { _ = try Scorers.named(id) } catch { throw ValidationError(error.description) }
        }
        guard resamples >= 10 else { throw ValidationError("--resamples must be at least 10, found \(resamples)") }
    }

    /// The chosen scorers, in registry order.
    func chosen() throws -> [any Scorer] {
        let ids = Set(scorers)
        return Scorers.all.filter { ids.isEmpty || ids.contains($0.id) }.map { $0.init() }
    }

    func bootstrap() throws -> Bootstrap {
        try Bootstrap(resamples: resamples, seed: seed)
    }

    /// The scoring runner, or nil with `--no-score`.
    func runner(store: ResultStore, batchSize: Int) throws -> ScoringRunner? {
        if noScore { return nil }
        return ScoringRunner(store: store, scorers: try chosen(), bootstrap: try bootstrap(), batchSize: batchSize,
                             progress: ProgressReporter())
    }
}
