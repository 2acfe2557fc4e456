import CandorProtocol

/// One row of the `aggregates` table: a scorer's aggregate for one model, suite and explanation source.
public struct AggregateRecord: Sendable, Hashable {
    public var modelKey: String
    public var suite: String
    public var scorer: String
    /// `self`, `reference` or `random`.
    public var source: String
    /// The aggregate, or nil when the scorer did not apply.
    public var value: Double?
    /// The bootstrap interval's ends.
    public var low: Double?
    public var high: Double?
    /// Instances the aggregate is computed over.
    public var n: Int
    /// The share of the suite's instances on which the scorer applied.
    public var coverage: Double
    /// Anything else the scorer reports (sub-scores, counts), kept as canonical JSON.
    public var details: JSONValue?

    public init(modelKey: String, suite: String, scorer: String, source: String, value: Double?,
                low: Double? = nil, high: Double? = nil, n: Int, coverage: Double, details: JSONValue? = nil) {
        self.modelKey = modelKey
        self.suite = suite
        self.scorer = scorer
        self.source = source
        self.value = value
        self.low = low
        self.high = high
        self.n = n
        self.coverage = coverage
        self.details = details
    }
}
