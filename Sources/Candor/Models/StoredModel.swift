import CandorProtocol

/// A model known only by what the store holds: its key and the descriptor its last run recorded.
///
/// `candor score` uses it to re-score from stored answers alone, so that re-scoring needs neither the model's
/// program nor, for the reference model, its training. It answers nothing: callers first check that no request
/// is missing (``ScoringRunner/unansweredProbes(suite:modelKey:descriptor:)``); a request that reaches it anyway
/// ends as `crashed`, a failure a later run with the real model retries.
public struct StoredModel: ExplainingModel {
    public let key: String
    public let descriptor: ModelDescriptor

    public init(key: String, descriptor: ModelDescriptor) {
        self.key = key
        self.descriptor = descriptor
    }

    public func respond(to requests: [Request]) async -> [Outcome] {
        requests.map { request in
            Outcome(requestID: request.id, status: .crashed,
                    reason: "not in the store, and re-scoring from the store has no model to ask")
        }
    }
}
