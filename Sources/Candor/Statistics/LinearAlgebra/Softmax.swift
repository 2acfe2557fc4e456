import Foundation

/// Numerically stable softmax and log-sum-exp.
///
/// Both subtract the largest entry before exponentiating, so logits in the thousands neither overflow to
/// infinity nor underflow to an all-zero distribution: `softmax([1000, 1000 + ln 3]) == [0.25, 0.75]`.
public enum Softmax {
    /// `log Σ exp(xᵢ)`, computed as `m + log Σ exp(xᵢ − m)` with `m = max xᵢ`; `-∞` for an empty input.
    public static func logSumExp(_ x: some Collection<Double>) -> Double {
        guard let top = x.max() else { return -.infinity }
        guard top.isFinite else { return top }
        var sum = 0.0
        for value in x { sum += exp(value - top) }
        return top + log(sum)
    }

    /// `exp(xᵢ) / Σ exp(xⱼ)`, the probabilities the logits `x` stand for.
    public static func softmax(_ x: [Double]) -> [Double] {
        guard let top = x.max() else { return [] }
        var result = x.map { exp($0 - top) }
        let sum = result.reduce(0, +)
        for i in result.indices { result[i] /= sum }
        return result
    }

    /// Replaces every row of `logits` by its softmax, in place.
    public static func softmaxRows(_ logits: inout Matrix) {
        let columns = logits.columns
        guard columns > 0 else { return }
        logits.values.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<logits.rows {
                let row = UnsafeMutableBufferPointer(rebasing: buffer[i * columns..<(i + 1) * columns])
                var top = -Double.infinity
                for value in row { top = max(top, value) }
                var sum = 0.0
                for j in row.indices {
                    row[j] = exp(row[j] - top)
                    sum += row[j]
                }
                for j in row.indices { row[j] /= sum }
            }
        }
    }
}
