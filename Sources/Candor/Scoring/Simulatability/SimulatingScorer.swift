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
    public var id: String { Scorers.storedID(Self.id, judge: simulator.judge) }
}

extension Scorers {
    /// The id results are kept under: `id`, or `id@judge` when an external simulator judged them.
    public static func storedID(_ id: String, judge: String?) -> String {
        judge.map { "\(id)@\($0)" } ?? id
    }

    /// A stored id split back into the scorer's id and the judge, if any (see ``storedID(_:judge:)``).
    public static func parse(storedID: String) -> (id: String, judge: String?) {
        let parts = storedID.split(separator: "@", maxSplits: 1).map(String.init)
        return (parts.first ?? storedID, parts.count == 2 ? parts[1] : nil)
    }

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
