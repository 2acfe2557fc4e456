import Candor
import Foundation
import Testing

@Suite struct EraserScoreFunctionsTests {
    /// Scores (.9, .5, .5, .1) with truth (T, F, T, F): the tie at .5 between a positive and a negative counts one
    /// half, so ROC AUC = (2 + 1.5)/(2·2) = 7/8 (scikit-learn's `roc_auc_score` gives 0.875).
    @Test func rocAUCCountsTiesAsHalf() {
        #expect(EraserScoreFunctions.rocAUC(scores: [0.9, 0.5, 0.5, 0.1], truth: [true, false, true, false]) == 0.875)
        #expect(EraserScoreFunctions.rocAUC(scores: [0.9, 0.5], truth: [true, true]) == nil)
    }

    /// Same scores: thresholds .9 (P 1, R 1/2), .5 (P 2/3, R 1), .1 (P 1/2, R 1): AP = 1/2·1 + 1/2·2/3 = 5/6.
    @Test func averagePrecisionIsAStepSum() throws {
        let ap = try #require(EraserScoreFunctions.averagePrecision(scores: [0.9, 0.5, 0.5, 0.1],
                                                                      truth: [true, false, true, false]))
        #expect(abs(ap - 5.0 / 6) < 1e-12)
    }

    /// (2, 2) normalizes to (1/2, 1/2): H = ln 2. KL((1, 0) ‖ (1/2, 1/2)) = ln 2; KL((1/2, 1/2) ‖ (1, 0)) = ∞.
    @Test func entropyAndDivergenceNormalize() {
        #expect(abs(EraserScoreFunctions.entropy([2, 2])! - log(2)) < 1e-12)
        #expect(abs(EraserScoreFunctions.klDivergence([1, 0], [0.5, 0.5])! - log(2)) < 1e-12)
        #expect(EraserScoreFunctions.klDivergence([0.5, 0.5], [1, 0]) == .infinity)
        #expect(EraserScoreFunctions.entropy([0, 0]) == nil)
    }
}
