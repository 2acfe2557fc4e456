/// One row of the `observations` table: a scorer's per-instance values for one explanation source.
///
/// Values are kept as exact IEEE-754 doubles (NaN and infinities included, which a scorer may use for "not
/// applicable"), so re-aggregating from the store gives bit-identical results.
public struct ObservationRecord: Sendable, Hashable {
    public var modelKey: String
    public var suite: String
    public var scorer: String
    /// `self`, `reference` or `random`.
    public var source: String
    public var instanceID: String
    public var values: [Double]

    public init(modelKey: String, suite: String, scorer: String, source: String, instanceID: String,
                values: [Double]) {
        self.modelKey = modelKey
        self.suite = suite
        self.scorer = scorer
        self.source = source
        self.instanceID = instanceID
        self.values = values
    }

    public static func == (lhs: ObservationRecord, rhs: ObservationRecord) -> Bool {
        lhs.modelKey == rhs.modelKey && lhs.suite == rhs.suite && lhs.scorer == rhs.scorer
            && lhs.source == rhs.source && lhs.instanceID == rhs.instanceID
            && lhs.values.map(\.bitPattern) == rhs.values.map(\.bitPattern)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(modelKey)
        hasher.combine(suite)
        hasher.combine(scorer)
        hasher.combine(source)
        hasher.combine(instanceID)
        hasher.combine(values.map(\.bitPattern))
    }
}
