/// Phases 2–4 again, from the store (`candor score`): after `candor merge` of shards, after a scorer changed, or
/// with other bootstrap settings.
///
/// Each (model, suite) with explained instances in the store is scored by ``ScoringRunner``. When every probe it
/// needs already has a final answer, the model is not needed at all: a ``StoredModel`` stands in and nothing is
/// sent. When some are missing (a shard's probes built before a scorer was added, say), the reference model is
/// trained again for the suite, and an external model is used only when the caller launched it (`--model-command`)
/// — otherwise re-scoring stops with ``Failure/missingProbes(modelKey:suite:count:)`` rather than score without
/// them.
public struct Rescoring: Sendable {
    public let store: ResultStore
    public let scoring: ScoringRunner
    /// Recorded with a run when a model is asked something.
    public let commandLine: String

    public init(store: ResultStore, scoring: ScoringRunner, commandLine: String = "") {
        self.store = store
        self.scoring = scoring
        self.commandLine = commandLine
    }

    /// Why re-scoring could not be done.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case unknownModel(String, known: [String])
        case missingProbes(modelKey: String, suite: String, count: Int)
        case nothingToScore(modelKey: String)

        public var description: String {
            switch self {
            case .unknownModel(let key, let known):
                "the store has no model \(key); it has: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
            case .missingProbes(let key, let suite, let count):
                "\(count) probe\(count == 1 ? "" : "s") of suite \(suite) for model \(key) have no answer in the "
                    + "store; pass --model-command (with the run's --name) so that Candor can ask the model"
            case .nothingToScore(let key):
                "the store has no explained instances of model \(key) on the chosen suites; run `candor run` first"
            }
        }
    }

    /// Re-scores the models `modelKeys` (every model in the store when empty) on those of `suites` they have
    /// explained.
    /// - Parameter live: A launched model that may be asked missing probes; its key is scored when `modelKeys`
    ///   is empty.
    /// - Returns: One summary per model and suite; `sent` counts the requests that reached a model.
    public func score(modelKeys: [String], suites: [Suite], live: (any ExplainingModel)? = nil) async throws
        -> [ScoringRunner.Summary]
    {
        let runs = try await store.runs()
        let known = try await store.modelKeys()
        let keys = modelKeys.isEmpty ? (live.map { [$0.key] } ?? known) : modelKeys
        let explained = Set(try await store.explainedPairs())
        var summaries: [ScoringRunner.Summary] = []
        for key in keys {
            guard let descriptor = runs.last(where: { $0.modelKey == key })?.descriptor else {
                throw Failure.unknownModel(key, known: known)
            }
            let chosen = suites.filter { explained.contains(ResultStore.Pair(modelKey: key, suite: $0.id)) }
            if chosen.isEmpty { throw Failure.nothingToScore(modelKey: key) }
            for suite in chosen {
                let missing = try await scoring.unansweredProbes(suite: suite, modelKey: key, descriptor: descriptor)
                guard missing > 0 else {
                    summaries.append(try await scoring.score(suite: suite,
                                                             model: StoredModel(key: key, descriptor: descriptor)))
                    continue
                }
                let model: any ExplainingModel
                if let live, live.key == key {
                    model = live
                } else if let variant = ReferenceModel.Variant.allCases.first(where: {
                    ReferenceModel.key(of: $0) == key
                }) {
                    model = try ReferenceModel.train(suite: suite, variant: variant)
                } else {
                    throw Failure.missingProbes(modelKey: key, suite: suite.id, count: missing)
                }
                let runID = try await store.beginRun(modelKey: key, descriptor: model.descriptor,
                                                     commandLine: commandLine)
                do {
                    summaries.append(try await scoring.score(suite: suite, model: model, runID: runID))
                } catch {
                    try? await store.finishRun(id: runID, status: .failed)
                    throw error
                }
                try await store.finishRun(id: runID, status: .finished)
            }
        }
        return summaries
    }
}
