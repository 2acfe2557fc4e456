/// Rank correlations between two paired lists (a scorer's per-instance values and human ratings, say):
/// Spearman's ρ and Kendall's τ-b, both with ties handled, and their bootstrap intervals.
///
/// They match SciPy's `scipy.stats.spearmanr` and `scipy.stats.kendalltau` (variant `b`, the default).
public enum RankCorrelation {
    /// The rank of each value, 1 for the smallest; tied values share the average of the ranks they span
    /// (so `[10, 20, 20, 30]` → `[1, 2.5, 2.5, 4]`).
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Positions start..<end hold ranks start+1 ... end; their average is (start + 1 + end) / 2.
            let average = Double(start + 1 + end) / 2
            for position in start..<end { result[order[position]] = average }
            start = end
        }
        return result
    }

    /// Spearman's ρ: the Pearson correlation of the average ranks of `x` and of `y`.
    /// - Returns: nil when the lists differ in length, have fewer than 2 items, hold a value that is not finite,
    ///   or one of them is constant (ρ is undefined then).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            return nil
        }
        return pearson(ranks(x), ranks(y))
    }

    /// Kendall's τ-b: `(C − D) / √((n₀ − n₁)(n₀ − n₂))` where `C`, `D` count concordant and discordant pairs,
    /// `n₀ = n(n − 1)/2`, and `n₁`, `n₂` count the pairs tied in `x` and in `y` (Kendall, *Rank Correlation
    /// Methods*, 1945). Computed in O(n log n) by Knight's method (JASA 61, 1966): sort by `(x, y)`, then count
    /// the swaps a stable merge sort by `y` makes, which are the discordant pairs.
    /// - Returns: nil when the lists differ in length, have fewer than 2 items, hold a value that is not finite,
    ///   or one of them is constant.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            return nil
        }
        let n = x.count
        let order = x.indices.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : y[$0] < y[$1] }
        let pairs = Double(n) * Double(n - 1) / 2
        let tiedX = tiedPairs(order.map { x[$0] }, equal: ==)
        let tiedBoth = tiedPairs(order.map { (x[$0], y[$0]) }, equal: ==)
        var sortedY = order.map { y[$0] }
        let swaps = Double(mergeSortCountingSwaps(&sortedY))
        let tiedY = tiedPairs(sortedY, equal: ==)
        let denominator = ((pairs - tiedX) * (pairs - tiedY)).squareRoot()
        guard denominator > 0 else { return nil }
        // C − D = (pairs tied in neither) − 2D, and pairs tied in neither = n₀ − n₁ − n₂ + n₃.
        return (pairs - tiedX - tiedY + tiedBoth - 2 * swaps) / denominator
    }

    /// Spearman's ρ with its bootstrap interval over resampled pairs.
    /// Resamples where ρ is undefined (a constant resample) are excluded and counted.
    public static func spearman(_ x: [Double], _ y: [Double], bootstrap: Bootstrap) -> Estimate? {
        guard x.count == y.count else { return nil }
        return bootstrap.estimate(count: x.count) { indices in
            spearman(indices.map { x[$0] }, indices.map { y[$0] })
        }
    }

    /// Kendall's τ-b with its bootstrap interval over resampled pairs.
    /// Resamples where τ-b is undefined (a constant resample) are excluded and counted.
    public static func kendallTauB(_ x: [Double], _ y: [Double], bootstrap: Bootstrap) -> Estimate? {
        guard x.count == y.count else { return nil }
        return bootstrap.estimate(count: x.count) { indices in
            kendallTauB(indices.map { x[$0] }, indices.map { y[$0] })
        }
    }

    private static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        let n = Double(a.count)
        let meanA = a.reduce(0, +) / n
        let meanB = b.reduce(0, +) / n
        var covariance = 0.0, varianceA = 0.0, varianceB = 0.0
        for (u, v) in zip(a, b) {
            covariance += (u - meanA) * (v - meanB)
            varianceA += (u - meanA) * (u - meanA)
            varianceB += (v - meanB) * (v - meanB)
        }
        guard varianceA > 0, varianceB > 0 else { return nil }
        return covariance / (varianceA * varianceB).squareRoot()
    }

    /// Pairs within runs of equal neighbours: `Σ t(t − 1)/2` over runs of length `t` in `sorted`.
    private static func tiedPairs<T>(_ sorted: [T], equal: (T, T) -> Bool) -> Double {
        var total = 0.0
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && equal(sorted[end], sorted[start]) { end += 1 }
            let run = Double(end - start)
            total += run * (run - 1) / 2
            start = end
        }
        return total
    }

    /// Sorts `values` ascending by a stable merge sort and returns how many inversions it removed.
    private static func mergeSortCountingSwaps(_ values: inout [Double]) -> Int {
        var buffer = values
        var swaps = 0
        var width = 1
        let n = values.count
        while width < n {
            var start = 0
            while start < n {
                let middle = min(start + width, n)
                let end = min(start + 2 * width, n)
                var left = start, right = middle, out = start
                while left < middle && right < end {
                    if values[right] < values[left] {
                        buffer[out] = values[right]
                        swaps += middle - left
                        right += 1
                    } else {
                        buffer[out] = values[left]
                        left += 1
                    }
                    out += 1
                }
                while left < middle { buffer[out] = values[left]; left += 1; out += 1 }
                while right < end { buffer[out] = values[right]; right += 1; out += 1 }
                start = end
            }
            swap(&values, &buffer)
            width *= 2
        }
        return swaps
    }
}
