/// Something that predicts what the subject model answers (DESIGN §6, simulatability): from an input, an
/// explanation, or both, and from what it may learn of the subject's earlier answers.
///
/// A simulator sees the subject model's labels, never the gold labels. It answers every query of a batch at once
/// because the built-in ``LinearSimulator`` learns across cases (cross-fitted), and an external one
/// (``ProcessSimulator``) is best sent one pipelined stream.
public protocol Simulator: Sendable {
    /// A short name for reports, e.g. `linear` or the process model's key.
    var name: String { get }
    /// The name results judged by this simulator are kept under (`las@<judge>`), or nil for the built-in
    /// simulator, whose results carry the scorer's plain id.
    var judge: String? { get }

    /// One answer per query, in query order: the label the simulator expects the subject to give, or nil when it
    /// cannot tell.
    ///
    /// No query may be answered by a simulator that learned from the query's own case: that is what keeps a
    /// simulatability score from rewarding memorisation.
    /// - Parameters:
    ///   - queries: what to predict; each names the case it belongs to.
    ///   - cases: every instance of one (suite, explanation source), with its explanation and the subject's label.
    ///   - suite: the suite the cases come from.
    func simulate(_ queries: [SimulationQuery], cases: [SimulationCase], suite: Suite) async -> [String?]
}

extension Simulator {
    public var judge: String? { nil }
}
