import CBLAS

/// Seeded percentile bootstrap over instances: intervals for means, for any aggregate, and paired comparisons.
///
/// A resample draws `n` instance indices with replacement from a ``SeededGenerator``; resample `r` always takes
/// the `r`-th run of `n` draws, so the same seed gives the same resamples, hence the same intervals, on every
/// machine, whichever method asks for them. The interval is the percentile interval (Efron and Tibshirani,
/// *An Introduction to the Bootstrap*, 1993, ch. 13): the `α/2` and `1 − α/2` quantiles of the resampled
/// statistic, `α = 1 − confidence`, with quantiles interpolated linearly between order statistics (NumPy's
/// default, Hyndman and Fan's type 7).
///
/// Means, the common case, are computed for all resamples at once as one BLAS product: the resample-count matrix
/// `C` (`C[r][i]` = how often instance `i` occurs in resample `r`) times the value vector, divided by `n`. Other
/// aggregates (LAS, micro F1, corpus chrF) are not means; ``estimate(count:statistic:)`` calls the aggregate on
/// each resample's indices instead, and a resample where it returns nil (not applicable) is excluded and counted.
public struct Bootstrap: Sendable, Hashable {
    /// Why a bootstrap configuration was refused.
    public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
        case resamples(found: Int)
        case confidence(found: Double)

        public var description: String {
            switch self {
            case .resamples(let found):
                "bootstrap resamples: found \(found), expected a whole number of at least 1 (the default is 1000)"
            case .confidence(let found):
                "bootstrap confidence: found \(found), expected a number strictly between 0 and 1 (the default is 0.95)"
            }
        }
    }

    /// The number of resamples Candor reports intervals with unless told otherwise.
    public static let defaultResamples = 1000
    /// The nominal coverage of reported intervals unless told otherwise.
    public static let defaultConfidence = 0.95

    public let resamples: Int
    public let confidence: Double
    public let seed: UInt64

    /// The default configuration (1,000 resamples, 95 %) with the given seed.
    public init(seed: UInt64 = 0) {
        resamples = Self.defaultResamples
        confidence = Self.defaultConfidence
        self.seed = seed
    }

    /// - Throws: ``ConfigurationError`` when `resamples < 1` or `confidence` is not in `(0, 1)`.
    public init(resamples: Int, confidence: Double = Bootstrap.defaultConfidence, seed: UInt64 = 0) throws {
        guard resamples >= 1 else { throw ConfigurationError.resamples(found: resamples) }
        guard confidence > 0, confidence < 1 else { throw ConfigurationError.confidence(found: confidence) }
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    // MARK: Resamples

    /// Calls `body` with each resample's number and its `n` instance indices, in resample order.
    ///
    /// Every method draws its resamples exactly this way (the BLAS path repeats these draws inline), so for a
    /// given seed they all see the same resamples.
    public func forEachResample(count n: Int, _ body: (_ resample: Int, _ indices: [Int]) -> Void) {
        guard n > 0 else { return }
        var generator = SeededGenerator(seed: seed)
        var indices = [Int](repeating: 0, count: n)
        for resample in 0..<resamples {
            for position in 0..<n {
                indices[position] = generator.index(below: n)
            }
            body(resample, indices)
        }
    }

    // MARK: Means through BLAS

    /// The mean of `values` with its interval.
    /// - Returns: nil when `values` is empty or holds a value that is not finite.
    public func mean(of values: [Double]) -> Estimate? {
        means(ofColumns: [values])?.first
    }

    /// The means of several value columns over the same instances, each with its interval, from one product
    /// `C × V` of the resample-count matrix and the `n × k` matrix of columns.
    ///
    /// - Parameter columns: `k` columns, each with one value per instance (all of the same length `n`).
    /// - Returns: one estimate per column; nil when there are no columns or instances, the columns differ in
    ///   length, or a value is not finite.
    /// - Complexity: O(resamples × n × k) arithmetic in BLAS; memory for at most about 4 million counts at a
    ///   time, however large `n` is, because the count matrix is built and multiplied in blocks of resamples.
    public func means(ofColumns columns: [[Double]]) -> [Estimate]? {
        guard let n = columns.first?.count, n > 0, columns.allSatisfy({ $0.count == n }),
              columns.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        let k = columns.count
        var values = [Double](repeating: 0, count: n * k)
        for (column, entries) in columns.enumerated() {
            for (row, value) in entries.enumerated() { values[row * k + column] = value }
        }
        let blockRows = max(1, min(resamples, 4_000_000 / n))
        var counts = [Double](repeating: 0, count: blockRows * n)
        var product = [Double](repeating: 0, count: blockRows * k)
        var statistics = [[Double]](repeating: [], count: k)
        for column in 0..<k { statistics[column].reserveCapacity(resamples) }
        // The same draws, in the same order, as forEachResample makes; written out here so the hot loop runs
        // on raw buffers without a closure call per resample.
        var generator = SeededGenerator(seed: seed)
        var done = 0
        while done < resamples {
            let rows = min(blockRows, resamples - done)
            counts.withUnsafeMutableBufferPointer { c in
                for index in 0..<(rows * n) { c[index] = 0 }
                for row in 0..<rows {
                    let offset = row * n
                    for _ in 0..<n { c[offset + generator.index(below: n)] += 1 }
                }
            }
            counts.withUnsafeBufferPointer { c in
                values.withUnsafeBufferPointer { v in
                    product.withUnsafeMutableBufferPointer { out in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                    Int32(rows), Int32(k), Int32(n), 1.0 / Double(n),
                                    c.baseAddress, Int32(n), v.baseAddress, Int32(k),
                                    0.0, out.baseAddress, Int32(k))
                    }
                }
            }
            for row in 0..<rows {
                for column in 0..<k { statistics[column].append(product[row * k + column]) }
            }
            done += rows
        }

        return (0..<k).map { column in
            let whole = columns[column].reduce(0, +) / Double(n)
            return summarize(value: whole, statistics: statistics[column], n: n, excluded: 0)
        }
    }

    // MARK: Any aggregate

    /// Any aggregate with its interval: `statistic` is called on all indices, then on each resample's indices.
    ///
    /// - Parameters:
    ///   - n: the number of instances; indices passed to `statistic` lie in `0..<n` and may repeat.
    ///   - statistic: the aggregate over the instances at the given indices, or nil where it does not apply
    ///     (such a resample is left out of the interval and counted in ``Estimate/excluded``; a NaN or infinite
    ///     result is treated the same way, since it cannot be ordered into a percentile).
    /// - Returns: nil when `n` is 0, when the statistic does not apply to the whole sample, or when it applies
    ///   to no resample at all.
    public func estimate(count n: Int, statistic: ([Int]) -> Double?) -> Estimate? {
        guard n > 0, let whole = statistic(Array(0..<n)), whole.isFinite else { return nil }
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var excluded = 0
        forEachResample(count: n) { _, indices in
            if let value = statistic(indices), value.isFinite { values.append(value) } else { excluded += 1 }
        }
        guard !values.isEmpty else { return nil }
        return summarize(value: whole, statistics: values, n: n, excluded: excluded)
    }

    /// An aggregate of per-instance observations with its interval: `aggregate` receives each resample's
    /// observations (with repeats), so a scorer can pass its own aggregate, e.g. `{ TokenF1.micro($0).f1 }`.
    /// - Returns: nil when there are no observations, the aggregate does not apply to all of them, or it applies
    ///   to no resample.
    public func estimate<Observation>(of observations: [Observation],
                                      aggregate: ([Observation]) -> Double?) -> Estimate? {
        estimate(count: observations.count) { indices in aggregate(indices.map { observations[$0] }) }
    }

    // MARK: Paired comparisons

    /// Compares the means of two sources' per-instance values on the same instances.
    ///
    /// `subject[i]` and `reference[i]` must belong to the same instance. The three means (subject, reference,
    /// their difference) come from one BLAS product over the same resamples.
    /// - Returns: nil when the arrays are empty, differ in length, or hold a value that is not finite.
    public func compareMeans(subject: [Double], reference: [Double],
                             direction: ScoreDirection) -> PairedComparison? {
        guard subject.count == reference.count else { return nil }
        let difference = zip(subject, reference).map { $0 - $1 }
        guard let estimates = means(ofColumns: [subject, reference, difference]) else { return nil }
        return PairedComparison(subject: estimates[0], reference: estimates[1], difference: estimates[2],
                                direction: direction)
    }

    /// Compares any aggregate of two sources on the same `n` instances, each resample feeding the same indices
    /// to both.
    ///
    /// The difference's interval uses the resamples where both aggregates applied (gave a finite number); each
    /// source's own interval uses those where it applied.
    /// - Returns: nil when `n` is 0 or either aggregate does not apply to the whole sample or to any resample.
    public func compare(count n: Int, subject: ([Int]) -> Double?, reference: ([Int]) -> Double?,
                        direction: ScoreDirection) -> PairedComparison? {
        guard n > 0, let wholeSubject = subject(Array(0..<n)), wholeSubject.isFinite,
              let wholeReference = reference(Array(0..<n)), wholeReference.isFinite else { return nil }
        var subjects: [Double] = [], references: [Double] = [], differences: [Double] = []
        forEachResample(count: n) { _, indices in
            let s = subject(indices).flatMap { $0.isFinite ? $0 : nil }
            let r = reference(indices).flatMap { $0.isFinite ? $0 : nil }
            if let s { subjects.append(s) }
            if let r { references.append(r) }
            if let s, let r { differences.append(s - r) }
        }
        guard !subjects.isEmpty, !references.isEmpty, !differences.isEmpty else { return nil }
        return PairedComparison(
            subject: summarize(value: wholeSubject, statistics: subjects, n: n,
                               excluded: resamples - subjects.count),
            reference: summarize(value: wholeReference, statistics: references, n: n,
                                 excluded: resamples - references.count),
            difference: summarize(value: wholeSubject - wholeReference, statistics: differences, n: n,
                                  excluded: resamples - differences.count),
            direction: direction)
    }

    /// Compares one aggregate of two sources' per-instance observations; `subject[i]` and `reference[i]` must
    /// belong to the same instance, and each resample takes the same instances from both.
    /// - Returns: nil when the arrays are empty or differ in length, or for the reasons
    ///   ``compare(count:subject:reference:direction:)`` gives.
    public func compare<Observation>(subject: [Observation], reference: [Observation],
                                     direction: ScoreDirection,
                                     aggregate: ([Observation]) -> Double?) -> PairedComparison? {
        guard subject.count == reference.count else { return nil }
        return compare(count: subject.count,
                       subject: { indices in aggregate(indices.map { subject[$0] }) },
                       reference: { indices in aggregate(indices.map { reference[$0] }) },
                       direction: direction)
    }

    // MARK: Summaries

    /// The `q` quantile of ascending `sorted` values, interpolated linearly between order statistics
    /// (position `q × (m − 1)`, NumPy's default).
    /// - Precondition: `sorted` is not empty and ascending; `q` is in `[0, 1]`.
    public static func quantile(ofSorted sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of an empty list")
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    private func summarize(value: Double, statistics: [Double], n: Int, excluded: Int) -> Estimate {
        let sorted = statistics.sorted()
        let alpha = 1 - confidence
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let standardError = sorted.count > 1 ? (squares / Double(sorted.count - 1)).squareRoot() : 0
        return Estimate(value: value,
                        low: Self.quantile(ofSorted: sorted, alpha / 2),
                        high: Self.quantile(ofSorted: sorted, 1 - alpha / 2),
                        n: n, resamples: sorted.count, excluded: excluded, confidence: confidence,
                        standardError: standardError)
    }
}
