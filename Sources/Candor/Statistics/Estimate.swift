/// A statistic with its bootstrap interval: what every reported number carries.
///
/// `value` is the statistic on the whole sample; `low` and `high` are percentile bounds of the statistic over
/// the resamples where it applied. `excluded` counts resamples where the statistic was not applicable (for
/// example a micro F1 over a resample with no predicted spans), so a reader can see how many the interval
/// rests on.
public struct Estimate: Sendable, Hashable, Codable {
    /// The statistic on the full sample.
    public var value: Double
    /// Lower bound of the percentile interval.
    public var low: Double
    /// Upper bound of the percentile interval.
    public var high: Double
    /// The number of instances (observations) in the sample.
    public var n: Int
    /// Resamples that gave a value (the interval is computed from these).
    public var resamples: Int
    /// Resamples where the statistic was not applicable and that were left out.
    public var excluded: Int
    /// The interval's nominal coverage, e.g. 0.95.
    public var confidence: Double
    /// Standard deviation of the statistic over the resamples used: the bootstrap standard error.
    public var standardError: Double

    public init(value: Double, low: Double, high: Double, n: Int, resamples: Int, excluded: Int,
                confidence: Double, standardError: Double) {
        self.value = value
        self.low = low
        self.high = high
        self.n = n
        self.resamples = resamples
        self.excluded = excluded
        self.confidence = confidence
        self.standardError = standardError
    }
}
