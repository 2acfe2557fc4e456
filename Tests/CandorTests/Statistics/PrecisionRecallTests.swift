import Candor
import Testing

@Suite struct PrecisionRecallTests {
    /// scikit-learn's documented example: scores [0.1, 0.4, 0.35, 0.8], truth [0, 0, 1, 1].
    /// Cuts from the highest score: ≥0.8 → TP 1, FP 0 (P 1, R 0.5); ≥0.4 → TP 1, FP 1 (P 0.5, R 0.5);
    /// ≥0.35 → TP 2, FP 1 (P 2/3, R 1); ≥0.1 → TP 2, FP 2 (P 0.5, R 1). Reversed, then (R 0, P 1) appended:
    /// P [0.5, 2/3, 0.5, 1, 1], R [1, 1, 0.5, 0.5, 0].
    /// Area: 0 × … + 0.5 × (2/3 + 0.5)/2 + 0 × … + 0.5 × (1 + 1)/2 = 7/24 + 12/24 = 19/24 ≈ 0.791667
    /// (sklearn.metrics.auc gives 0.7916666666666666).
    @Test func fourPointExample() throws {
        let curve = try #require(PrecisionRecall(scores: [0.1, 0.4, 0.35, 0.8], truth: [false, false, true, true]))
        #expect(curve.recall == [1, 1, 0.5, 0.5, 0])
        #expect(zip(curve.precision, [0.5, 2.0 / 3, 0.5, 1, 1]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(curve.thresholds == [0.1, 0.35, 0.4, 0.8])
        #expect(abs(curve.area - 19.0 / 24) < 1e-12)
    }

    /// Tied scores form one cut: scores [0.5, 0.5, 0.2], truth [1, 0, 1]. ≥0.5 → TP 1, FP 1 (P 0.5, R 0.5);
    /// ≥0.2 → TP 2, FP 1 (P 2/3, R 1). Curve P [2/3, 0.5, 1], R [1, 0.5, 0];
    /// area 0.5 × (2/3 + 0.5)/2 + 0.5 × (0.5 + 1)/2 = 7/24 + 9/24 = 2/3 (scikit-learn: 0.6666666666666666).
    @Test func tiedScoresShareACut() throws {
        let curve = try #require(PrecisionRecall(scores: [0.5, 0.5, 0.2], truth: [true, false, true]))
        #expect(curve.recall == [1, 0.5, 0])
        #expect(curve.thresholds == [0.2, 0.5])
        #expect(abs(curve.area - 2.0 / 3) < 1e-12)
    }

    /// No positive: recall is 1 at every cut (scikit-learn ≥ 1.1), precision 0; the curve is
    /// P [0, 0, 1], R [1, 1, 0], area 1 × (0 + 1)/2 = 0.5 (scikit-learn 1.9: 0.5, with a warning).
    @Test func noPositiveFollowsCurrentScikitLearn() throws {
        let curve = try #require(PrecisionRecall(scores: [0.3, 0.7], truth: [false, false]))
        #expect(curve.precision == [0, 0, 1])
        #expect(curve.recall == [1, 1, 0])
        #expect(curve.area == 0.5)
    }

    /// A perfect ranking, scores [0.9, 0.8, 0.1], truth [1, 1, 0]: cuts ≥0.9 (P 1, R 0.5), ≥0.8 (P 1, R 1),
    /// ≥0.1 (P 2/3, R 1), so the curve is P [2/3, 1, 1, 1], R [1, 1, 0.5, 0] and the area is
    /// 0 × (2/3 + 1)/2 + 0.5 × (1 + 1)/2 + 0.5 × (1 + 1)/2 = 1.
    @Test func perfectRankingHasAreaOne() throws {
        let curve = try #require(PrecisionRecall(scores: [0.9, 0.8, 0.1], truth: [true, true, false]))
        #expect(curve.area == 1)
    }

    @Test func refusesBadInput() {
        #expect(PrecisionRecall(scores: [], truth: []) == nil)
        #expect(PrecisionRecall(scores: [0.1], truth: [true, false]) == nil)
        #expect(PrecisionRecall(scores: [.infinity, 0], truth: [true, false]) == nil)
    }
}
