/// Span-level agreement with partial matches, as ERASER's `partial_match_score` computes it.
///
/// Follows `partial_match_score` in ERASER's `rationale_benchmark/metrics.py` (DeYoung et al., ACL 2020) at one
/// threshold (ERASER's default 0.5). An instance is one document of one annotation (in Candor: one field of one
/// instance); spans are token ranges `[start, end)`, and identical spans count once (ERASER keeps them in a set):
/// - `IOU(p, t) = |p ∩ t| / |p ∪ t|` over token positions (0 when both are empty);
/// - a predicted span is a true positive when its best IOU with any reference span of the same instance is
///   `≥ threshold`; several predicted spans may match the same reference span (there is no one-to-one pairing);
/// - micro: `P = ΣTP / Σ|predicted|`, `R = ΣTP / Σ|reference|` (each 0 when its denominator is 0), F1 their
///   harmonic mean;
/// - macro: `P` is the mean of `TP / |predicted|` over instances with a prediction, `R` the mean of
///   `TP / |reference|` over instances with a reference span (each 0 when there are none), and F1 is the
///   harmonic mean of those two means (unlike token F1's macro, which averages per-instance F1).
public enum IOUF1 {
    /// ERASER's default matching threshold.
    public static let defaultThreshold = 0.5

    /// What one instance contributes; also the observation a scorer stores.
    public struct Counts: Sendable, Hashable, Codable {
        /// Predicted spans whose best IOU reaches the threshold.
        public var matched: Int
        /// Distinct predicted spans.
        public var predicted: Int
        /// Distinct reference spans.
        public var reference: Int

        public init(matched: Int, predicted: Int, reference: Int) {
            self.matched = matched
            self.predicted = predicted
            self.reference = reference
        }
    }

    /// Intersection over union of two token ranges; 0 when both are empty.
    public static func iou(_ a: Range<Int>, _ b: Range<Int>) -> Double {
        let intersection = max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound))
        let union = a.count + b.count - intersection
        return union == 0 ? 0 : Double(intersection) / Double(union)
    }

    /// Matches one instance's predicted spans against its reference spans.
    public static func counts(predicted: [Range<Int>], reference: [Range<Int>],
                              threshold: Double = defaultThreshold) -> Counts {
        let predictedSpans = Set(predicted)
        let referenceSpans = Set(reference)
        var matched = 0
        for span in predictedSpans {
            let best = referenceSpans.reduce(0.0) { max($0, iou(span, $1)) }
            if best >= threshold { matched += 1 }
        }
        return Counts(matched: matched, predicted: predictedSpans.count, reference: referenceSpans.count)
    }

    /// Micro precision, recall and F1 over pooled counts.
    public static func micro(_ instances: [Counts]) -> PrecisionRecallF1 {
        let matched = instances.reduce(0) { $0 + $1.matched }
        let predicted = instances.reduce(0) { $0 + $1.predicted }
        let reference = instances.reduce(0) { $0 + $1.reference }
        return PrecisionRecallF1(precision: predicted > 0 ? Double(matched) / Double(predicted) : 0,
                                 recall: reference > 0 ? Double(matched) / Double(reference) : 0)
    }

    /// Macro precision and recall (means over the instances that have predictions, respectively references)
    /// and the F1 of those means.
    public static func macro(_ instances: [Counts]) -> PrecisionRecallF1 {
        let precisions = instances.filter { $0.predicted > 0 }.map { Double($0.matched) / Double($0.predicted) }
        let recalls = instances.filter { $0.reference > 0 }.map { Double($0.matched) / Double($0.reference) }
        return PrecisionRecallF1(
            precision: precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count),
            recall: recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count))
    }
}
