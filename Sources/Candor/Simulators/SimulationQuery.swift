/// One question to a simulator: what does the subject model answer on this input of this case?
///
/// The three forms of LAS (from input and explanation, from input alone, from explanation alone) and the two of
/// counterfactual simulation (a counterfactual input with and without the original explanation) are all queries
/// of this one shape, as the protocol's single `simulate` message is (DESIGN §5).
public struct SimulationQuery: Sendable, Hashable {
    /// What the simulator is asked about.
    public enum Target: Sendable, Hashable {
        /// The case's own input.
        case original
        /// An edited input of the case (an insertion or an erasure); the case itself is the worked example.
        case counterfactual([String: FieldValue])
        /// No input at all: the case's explanation alone.
        case explanationOnly
    }

    /// The index of the case the query belongs to. A simulator that learned from this case must not answer it.
    public var caseIndex: Int
    public var target: Target
    /// Whether the simulator sees the case's explanation (always true for ``Target/explanationOnly``).
    public var showsExplanation: Bool

    public init(caseIndex: Int, target: Target, showsExplanation: Bool) {
        self.caseIndex = caseIndex
        self.target = target
        self.showsExplanation = showsExplanation || target == .explanationOnly
    }
}
