import Foundation

/// The per-document and per-distribution functions ERASER's `metrics.py` takes from scikit-learn and SciPy,
/// written out so that `candor eraser` needs neither.
public enum EraserScoreFunctions {
    /// scikit-learn's `average_precision_score`: `Σₙ (Rₙ − Rₙ₋₁) Pₙ` over the precision-recall curve's points (a
    /// step function, no interpolation).
    public static func averagePrecision(scores: [Double], truth: [Bool]) -> Double? {
        PrecisionRecall(scores: scores, truth: truth).map(averagePrecision(of:))
    }

    /// Average precision of a curve already computed (so one curve serves both AUPRC and AP).
    public static func averagePrecision(of curve: PrecisionRecall) -> Double {
        var total = 0.0
        for i in 0..<(curve.recall.count - 1) {
            total += (curve.recall[i] - curve.recall[i + 1]) * curve.precision[i]
        }
        return total
    }

    /// scikit-learn's `roc_auc_score` for binary truth: the area under the ROC curve, which equals the
    /// Mann–Whitney statistic, the share of (positive, negative) pairs where the positive scores higher, a tie
    /// counting one half.
    /// - Returns: nil when the truth has only one class (scikit-learn raises then).
    public static func rocAUC(scores: [Double], truth: [Bool]) -> Double? {
        guard scores.count == truth.count, scores.allSatisfy(\.isFinite) else { return nil }
        let positives = truth.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = truth.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        // Ascending by score; within a run of equal scores each positive beats every negative below the run and
        // ties with each negative in it, which is what average ranks amount to.
        let pairs = zip(scores, truth).sorted { $0.0 < $1.0 }
        var wins = 0.0
        var negativesBelow = 0
        var start = 0
        while start < pairs.count {
            var end = start
            var runPositives = 0, runNegatives = 0
            while end < pairs.count && pairs[end].0 == pairs[start].0 {
                if pairs[end].1 { runPositives += 1 } else { runNegatives += 1 }
                end += 1
            }
            wins += Double(runPositives) * (Double(negativesBelow) + Double(runNegatives) / 2)
            negativesBelow += runNegatives
            start = end
        }
        return wins / (Double(positives) * Double(negatives))
    }

    /// SciPy's `entropy(pk)`: `−Σ pᵢ ln pᵢ` of `values` normalized to sum 1 (`0 ln 0 = 0`); nil when they do not
    /// sum to a positive number.
    public static func entropy(_ values: [Double]) -> Double? {
        let total = values.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        var result = 0.0
        for value in values where value > 0 {
            let p = value / total
            result -= p * Foundation.log(p)
        }
        return result
    }

    /// SciPy's `entropy(pk, qk)`, the Kullback–Leibler divergence `Σ pᵢ ln(pᵢ / qᵢ)` of both normalized to sum 1:
    /// a term with `pᵢ = 0` is 0, one with `pᵢ > 0 = qᵢ` is infinite.
    public static func klDivergence(_ p: [Double], _ q: [Double]) -> Double? {
        let totalP = p.reduce(0, +), totalQ = q.reduce(0, +)
        guard p.count == q.count, totalP > 0, totalQ > 0 else { return nil }
        var result = 0.0
        for (a, b) in zip(p, q) {
            let pi = a / totalP, qi = b / totalQ
            if pi > 0 {
                if qi <= 0 { return .infinity }
                result += pi * Foundation.log(pi / qi)
            }
        }
        return result
    }
}
