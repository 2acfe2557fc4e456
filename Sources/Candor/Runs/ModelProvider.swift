/// Hands the runner the models to run on a suite.
///
/// A factory rather than a model, because some models depend on the suite: the reference model is trained on
/// each suite's `train` split, and its explainer variants share that one training.
public protocol ModelProvider: Sendable {
    /// The models to run on `suite`, each with its own ``ExplainingModel/key``.
    func models(for suite: Suite) async throws -> [any ExplainingModel]
    /// How many suites the runner may run at once with these models: 1 (the default) for an external process,
    /// whose own workers set how much it does at once; more for a model computed in this process.
    var concurrentSuites: Int { get }
}

extension ModelProvider {
    public var concurrentSuites: Int { 1 }
}
