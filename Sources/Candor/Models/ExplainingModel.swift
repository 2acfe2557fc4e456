import CandorProtocol

/// The one interface every model adapter implements: the reference model, an external process, later HTTP.
///
/// A model answers a batch of protocol requests. It never throws for a single bad request: every request ends as
/// exactly one ``Outcome``, so a misbehaving model cannot lose or duplicate work.
public protocol ExplainingModel: Sendable {
    /// Name, version and capabilities, as the model declares them.
    var descriptor: ModelDescriptor { get }
    /// Identifies the model *and* its adapter configuration in the store (e.g. `reference:faithful`), so that two
    /// configurations never share cached responses.
    var key: String { get }
    /// Answers `requests`, one outcome per request, in any order.
    func respond(to requests: [Request]) async -> [Outcome]
}

/// What a model declares about itself.
public struct ModelDescriptor: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var capabilities: [Capability]

    public init(name: String, version: String, capabilities: [Capability]) {
        self.name = name
        self.version = version
        self.capabilities = capabilities.sorted()
    }

    public func has(_ capability: Capability) -> Bool { capabilities.contains(capability) }
}

/// How one request ended.
public enum OutcomeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// A response was received and decoded.
    case ok
    /// The model answered with `{"error": …}`: a refusal, recorded and not retried.
    case error
    /// No answer within the timeout (after the allowed restarts).
    case timeout
    /// The model's output broke the protocol (not JSON, wrong types, unknown or duplicate id, line too long).
    case `protocol`
    /// The model process died and could not be restarted within the allowed restarts.
    case crashed
}

/// The end of one request: a response, or the reason there is none.
public struct Outcome: Sendable, Hashable {
    public var requestID: String
    public var status: OutcomeStatus
    public var response: Response?
    /// Why the request failed (nil when `status` is `ok`).
    public var reason: String?
    /// Seconds from sending the request to its end.
    public var latency: Double

    public init(requestID: String, status: OutcomeStatus, response: Response? = nil, reason: String? = nil,
                latency: Double = 0) {
        self.requestID = requestID
        self.status = status
        self.response = response
        self.reason = reason
        self.latency = latency
    }

    public static func ok(_ response: Response, latency: Double = 0) -> Outcome {
        if let error = response.error {
            return Outcome(requestID: response.id, status: .error, response: response, reason: error,
                           latency: latency)
        }
        return Outcome(requestID: response.id, status: .ok, response: response, latency: latency)
    }
}
