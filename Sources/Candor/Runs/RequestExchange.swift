import CandorProtocol

/// Sends requests to a model through the store, by the one rule of DESIGN §2: a request whose content hash
/// already has a final answer (in the store or in the writer's unflushed buffer) is never asked again, identical
/// requests are asked once, and every outcome goes to the one writer as it arrives.
///
/// Phase 1 (explain) and phase 2 (probes) both send through it, so caching, crash-resume and re-scoring behave the
/// same for every request.
struct RequestExchange {
    let store: ResultStore
    let writer: ResponseWriter
    let model: any ExplainingModel
    let runID: Int64?

    /// A request to send, with its content hash and the instance it belongs to.
    struct Pending {
        var request: Request
        var hash: String
        var instanceID: String
    }

    /// What a call found and did.
    struct Exchanged {
        /// Hash → final status and label (absent when the request failed and may be retried later).
        var answers: [String: (status: OutcomeStatus, label: String?)]
        /// The hashes asked of the model in this call (first occurrence of each).
        var sent: Set<String>
    }

    /// Asks the model every request of `batch` whose hash has no final answer yet.
    func exchange(_ batch: [Pending]) async throws -> Exchanged {
        let wanted = Set(batch.map(\.hash))
        // The writer first: a record it no longer holds is already committed, so the store then has it.
        var known: [String: (status: OutcomeStatus, label: String?)] = [:]
        for (hash, record) in await writer.pending(modelKey: model.key, among: wanted) {
            known[hash] = (record.status, record.response?.label)
        }
        let stored = try await store.finalAnswers(modelKey: model.key, among: wanted.subtracting(known.keys))
        known.merge(stored) { pending, _ in pending }

        var toSend: [Pending] = []
        var seen: Set<String> = []
        for pending in batch where known[pending.hash] == nil && seen.insert(pending.hash).inserted {
            toSend.append(pending)
        }
        guard !toSend.isEmpty else { return Exchanged(answers: known, sent: []) }
        let outcomes = await model.respond(to: toSend.map(\.request))
        var byID: [String: Outcome] = [:]
        for outcome in outcomes where byID[outcome.requestID] == nil { byID[outcome.requestID] = outcome }
        var records: [ResponseRecord] = []
        records.reserveCapacity(toSend.count)
        for pending in toSend {
            let outcome = byID[pending.request.id] ?? Outcome(
                requestID: pending.request.id, status: .protocol,
                reason: "the model returned no outcome for request \(pending.request.id)")
            records.append(ResponseRecord(modelKey: model.key, request: pending.request, requestHash: pending.hash,
                                          instanceID: pending.instanceID, outcome: outcome, runID: runID))
        }
        try await writer.record(records)
        for record in records { known[record.requestHash] = (record.status, record.response?.label) }
        return Exchanged(answers: known, sent: Set(toSend.map(\.hash)))
    }
}
