import CandorProtocol

/// One request on its way through a worker: where its outcome goes and the `id` it carries on the wire.
struct Job: Sendable {
    let batch: ResponseBatch
    let index: Int
    let request: Request
    /// The id sent to the model, unique within the process model, so that requests from concurrent callers
    /// that reuse an id never collide. The caller's own id is restored in the outcome.
    let wireID: String

    func finish(_ status: OutcomeStatus, reason: String, latency: Double = 0) {
        batch.complete(index, with: Outcome(requestID: request.id, status: status, reason: reason,
                                            latency: latency))
    }

    func finish(with response: Response, latency: Double) {
        var response = response
        response.id = request.id
        batch.complete(index, with: .ok(response, latency: latency))
    }
}
