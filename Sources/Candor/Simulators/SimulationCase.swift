/// One instance a simulator may learn from: its input, the explanation of the source being scored, and the label
/// the subject model gave it (ŷ, not the gold label).
public struct SimulationCase: Sendable, Hashable {
    public var instance: Instance
    public var explanation: ResolvedExplanation
    /// The subject model's label on the instance.
    public var label: String

    public init(instance: Instance, explanation: ResolvedExplanation, label: String) {
        self.instance = instance
        self.explanation = explanation
        self.label = label
    }

    /// The case of a scoring item: its instance, its explanation and the model's prediction ŷ.
    public init(_ item: ScoringItem) {
        self.init(instance: item.instance, explanation: item.explanation, label: item.prediction.label)
    }
}
