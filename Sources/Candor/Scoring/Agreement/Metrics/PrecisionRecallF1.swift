/// Precision, recall and F1 of one comparison of a predicted explanation with a reference.
public struct PrecisionRecallF1: Sendable, Hashable, Codable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(precision: Double, recall: Double, f1: Double) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }

    /// Precision and recall with their harmonic mean, which is 0 when either is 0 (ERASER's `_f1`).
    public init(precision: Double, recall: Double) {
        self.init(precision: precision, recall: recall, f1: Self.harmonicMean(precision, recall))
    }

    /// `2pr / (p + r)`, or 0 when `p` or `r` is 0.
    public static func harmonicMean(_ p: Double, _ r: Double) -> Double {
        p == 0 || r == 0 ? 0 : 2 * p * r / (p + r)
    }
}
