/// Area under the precision-recall curve of soft token weights against the reference rationale, per instance
/// and averaged, as ERASER's soft-token metric computes it.
///
/// Follows `_auprc` in ERASER's `rationale_benchmark/metrics.py` (DeYoung et al., ACL 2020): for each document
/// of each annotation (in Candor: each field of each instance), the truth is whether each token lies in a
/// reference span, the scores are the explanation's per-token weights as given (no absolute value), the curve is
/// scikit-learn's `precision_recall_curve` and its area `auc(recall, precision)` (see ``PrecisionRecall``); the
/// result is the plain mean over instances.
///
/// One deliberate difference: an instance with no reference token has no meaningful curve (ERASER's
/// scikit-learn gave NaN and poisoned the mean; current scikit-learn gives 0.5 by fiat), so
/// ``instance(weights:rationale:)`` reports it as not applicable (nil) and the mean leaves it out.
public enum AUPRC {
    /// The area for one instance.
    /// - Parameters:
    ///   - weights: one weight per token.
    ///   - rationale: for each token, whether it is in the reference rationale (same length as `weights`).
    /// - Returns: nil when there are no tokens, the lengths differ, a weight is not finite, or no token is in the
    ///   reference rationale.
    public static func instance(weights: [Double], rationale: [Bool]) -> Double? {
        guard rationale.contains(true) else { return nil }
        return PrecisionRecall(scores: weights, truth: rationale)?.area
    }

    /// The area for one instance whose reference rationale is given as token ranges `[start, end)`.
    /// Ranges reaching past the weights are clipped to them.
    public static func instance(weights: [Double], rationale spans: [Range<Int>]) -> Double? {
        var truth = [Bool](repeating: false, count: weights.count)
        for span in spans {
            for index in span where index >= 0 && index < truth.count { truth[index] = true }
        }
        return instance(weights: weights, rationale: truth)
    }

    /// The mean of per-instance areas (ERASER's `np.average`); nil when there are none.
    public static func mean(_ areas: [Double]) -> Double? {
        areas.isEmpty ? nil : areas.reduce(0, +) / Double(areas.count)
    }
}
