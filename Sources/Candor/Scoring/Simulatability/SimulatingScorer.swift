/// A scorer that judges explanations through a simulator, built-in or external.
///
/// `init()` uses the built-in ``LinearSimulator``; `init(simulator:)` lets a run choose another (e.g. a
/// ``ProcessSimulator`` for `--simulator-command`).
public protocol SimulatingScorer: Scorer {
    init(simulator: any Simulator)
    var simulator: any Simulator { get }
}

extension SimulatingScorer {
    /// Judged by the built-in simulator, the scorer's own id; by another simulator, `id@judge`: the store, the
    /// results file and the leaderboard keep each judge's numbers apart.
    public var id: String { simulator.judge.map { "\(Self.id)@\($0)" } ?? Self.id }
}

extension Scorers {
    /// Instances of `scorers`, the simulating ones built with `simulator` (the built-in one when nil).
    public static func instantiate(_ scorers: [any Scorer.Type], simulator: (any Simulator)?) -> [any Scorer] {
        scorers.map { type in
            if let simulator, let simulating = type as? any SimulatingScorer.Type {
                return simulating.init(simulator: simulator)
            }
            return type.init()
        }
    }
}
