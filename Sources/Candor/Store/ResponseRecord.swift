import CandorProtocol

/// One row of the `responses` table: how one request ended for one model.
///
/// `ok` and `error` (a refusal) are final: the runner never asks them again. `timeout`, `protocol` and `crashed`
/// are kept with their reason so a run's failures can be inspected, and a later run asks those requests again;
/// the retry's outcome replaces the failed row.
public struct ResponseRecord: Sendable, Hashable {
    /// The model and its adapter configuration (``ExplainingModel/key``).
    public var modelKey: String
    /// ``RequestHash/of(_:)`` of the request.
    public var requestHash: String
    public var op: Operation
    public var suite: String
    /// The instance the request was built from.
    public var instanceID: String
    public var status: OutcomeStatus
    /// The model's answer (absent for timeouts, protocol errors and crashes).
    public var response: Response?
    /// Seconds from sending the request to its end.
    public var latency: Double
    /// The refusal text, or why there is no response.
    public var error: String?
    /// The run that produced the row, when known.
    public var runID: Int64?

    public init(modelKey: String, requestHash: String, op: Operation, suite: String, instanceID: String,
                status: OutcomeStatus, response: Response?, latency: Double, error: String?, runID: Int64? = nil) {
        self.modelKey = modelKey
        self.requestHash = requestHash
        self.op = op
        self.suite = suite
        self.instanceID = instanceID
        self.status = status
        self.response = response
        self.latency = latency
        self.error = error
        self.runID = runID
    }

    /// The row for `outcome`, the answer to `request` (whose hash is `requestHash`).
    public init(modelKey: String, request: Request, requestHash: String, instanceID: String, outcome: Outcome,
                runID: Int64? = nil) {
        self.init(modelKey: modelKey, requestHash: requestHash, op: request.op, suite: request.suite,
                  instanceID: instanceID, status: outcome.status,
                  response: outcome.status == .ok || outcome.status == .error ? outcome.response : nil,
                  latency: outcome.latency, error: outcome.status == .ok ? nil : outcome.reason, runID: runID)
    }

    /// Whether the status is final (`ok` or a refusal), so the request is never sent again.
    public var isFinal: Bool { status.isFinal }
}

extension OutcomeStatus {
    /// `ok` and `error` end a request for good; the other statuses are retried by a later run.
    public var isFinal: Bool { self == .ok || self == .error }
}
