/// A precision-recall curve of scores against binary truth, and its area by the trapezoid rule.
///
/// Follows scikit-learn exactly, `precision_recall_curve(truth, scores)` then `auc(recall, precision)`, which is
/// how ERASER's `metrics.py` computes AUPRC per document:
/// - every distinct score is a threshold; at threshold `t` the positives are the items scoring `≥ t`, so
///   `precision = TP / (TP + FP)` and `recall = TP / (all positives)`;
/// - when the truth has no positive, recall is 1 at every threshold (scikit-learn ≥ 1.1; older releases gave NaN);
/// - points run from the lowest threshold (recall 1) to the highest, then the point (recall 0, precision 1) ends
///   the curve;
/// - the area is `Σ (recallᵢ − recallᵢ₊₁) × (precisionᵢ + precisionᵢ₊₁) / 2` over consecutive points.
///
/// Older scikit-learn releases dropped the points after full recall is first reached; they all have recall 1,
/// so they add no area and the AUC is the same either way.
public struct PrecisionRecall: Sendable, Hashable {
    /// Precision at each point, ending with 1.
    public let precision: [Double]
    /// Recall at each point, non-increasing, ending with 0.
    public let recall: [Double]
    /// The distinct scores, ascending; point `i` (except the last) is the cut at `thresholds[i]`.
    public let thresholds: [Double]

    /// The curve of `scores` against `truth` (item `i` is positive when `truth[i]`).
    /// - Returns: nil when the lists are empty, differ in length, or a score is not finite (scikit-learn refuses
    ///   these inputs too).
    public init?(scores: [Double], truth: [Bool]) {
        guard !scores.isEmpty, scores.count == truth.count, scores.allSatisfy(\.isFinite) else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let positives = truth.reduce(0) { $0 + ($1 ? 1 : 0) }
        var precision: [Double] = [], recall: [Double] = [], thresholds: [Double] = []
        var truePositives = 0
        for (position, index) in order.enumerated() {
            if truth[index] { truePositives += 1 }
            let lastOfItsScore = position == order.count - 1 || scores[order[position + 1]] != scores[index]
            guard lastOfItsScore else { continue }
            let predictedPositive = position + 1
            precision.append(Double(truePositives) / Double(predictedPositive))
            recall.append(positives == 0 ? 1 : Double(truePositives) / Double(positives))
            thresholds.append(scores[index])
        }
        self.precision = precision.reversed() + [1]
        self.recall = recall.reversed() + [0]
        self.thresholds = thresholds.reversed()
    }

    /// The area under the curve by the trapezoid rule over (recall, precision) points.
    public var area: Double {
        var total = 0.0
        for i in 0..<(recall.count - 1) {
            total += (recall[i] - recall[i + 1]) * (precision[i] + precision[i + 1]) / 2
        }
        return total
    }
}
