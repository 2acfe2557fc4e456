/// Token-level agreement of predicted rationale tokens with reference rationale tokens, as ERASER scores it.
///
/// Follows `score_hard_rationale_predictions` in ERASER's `rationale_benchmark/metrics.py` (DeYoung et al.,
/// "ERASER: A Benchmark to Evaluate Rationalized NLP Models", ACL 2020) applied to token-level rationales
/// (its `token_prf`). An instance is one document of one annotation (in Candor: one field of one instance);
/// `P` is its set of predicted token indices, `T` its set of reference token indices:
/// - instance precision `|P ∩ T| / |P|` (0 when `P` is empty), recall `|P ∩ T| / |T|` (0 when `T` is empty),
///   F1 their harmonic mean (0 when either is 0);
/// - an instance with both sets empty is absent from ERASER's key set and so counts nowhere:
///   ``instance(predicted:reference:)`` returns nil for it;
/// - macro (`instance_macro`): the mean over instances of precision, of recall and of F1 (F1 is averaged, not
///   recomputed from the averages);
/// - micro (`instance_micro`): `Σ|P ∩ T| / Σ|P|` and `Σ|P ∩ T| / Σ|T|` with their harmonic mean. ERASER divides
///   by zero when no token at all is predicted (or referenced); Candor returns 0 for that ratio instead.
public enum TokenF1 {
    /// What one instance contributes to the micro average; also the observation a scorer stores.
    public struct Counts: Sendable, Hashable, Codable {
        public var predicted: Int
        public var reference: Int
        public var overlap: Int

        public init(predicted: Int, reference: Int, overlap: Int) {
            self.predicted = predicted
            self.reference = reference
            self.overlap = overlap
        }

        public init(predicted: Set<Int>, reference: Set<Int>) {
            self.init(predicted: predicted.count, reference: reference.count,
                      overlap: predicted.intersection(reference).count)
        }

        /// The instance's precision, recall and F1; nil when both sets are empty (ERASER has no such instance).
        public var score: PrecisionRecallF1? {
            guard predicted > 0 || reference > 0 else { return nil }
            return PrecisionRecallF1(
                precision: predicted > 0 ? Double(overlap) / Double(predicted) : 0,
                recall: reference > 0 ? Double(overlap) / Double(reference) : 0)
        }
    }

    /// One instance's precision, recall and F1; nil when both sets are empty.
    public static func instance(predicted: Set<Int>, reference: Set<Int>) -> PrecisionRecallF1? {
        Counts(predicted: predicted, reference: reference).score
    }

    /// ERASER's `instance_macro`: means of per-instance precision, recall and F1 over the instances that count.
    /// - Returns: nil when no instance counts (every instance has both sets empty, or there are none).
    public static func macro(_ instances: [Counts]) -> PrecisionRecallF1? {
        let scores = instances.compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        let n = Double(scores.count)
        return PrecisionRecallF1(precision: scores.reduce(0) { $0 + $1.precision } / n,
                                 recall: scores.reduce(0) { $0 + $1.recall } / n,
                                 f1: scores.reduce(0) { $0 + $1.f1 } / n)
    }

    /// ERASER's `instance_micro`: precision and recall of the pooled counts, and their harmonic mean.
    public static func micro(_ instances: [Counts]) -> PrecisionRecallF1 {
        let overlap = instances.reduce(0) { $0 + $1.overlap }
        let predicted = instances.reduce(0) { $0 + $1.predicted }
        let reference = instances.reduce(0) { $0 + $1.reference }
        return PrecisionRecallF1(precision: predicted > 0 ? Double(overlap) / Double(predicted) : 0,
                                 recall: reference > 0 ? Double(overlap) / Double(reference) : 0)
    }
}
