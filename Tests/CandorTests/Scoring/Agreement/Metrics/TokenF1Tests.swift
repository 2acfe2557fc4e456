import Candor
import Testing

@Suite struct TokenF1Tests {
    /// P = {1, 2, 3, 4}, T = {3, 4, 5}: overlap 2, precision 2/4 = 0.5, recall 2/3,
    /// F1 = 2 × 0.5 × 2/3 / (0.5 + 2/3) = (2/3) / (7/6) = 4/7.
    @Test func oneInstance() throws {
        let score = try #require(TokenF1.instance(predicted: [1, 2, 3, 4], reference: [3, 4, 5]))
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 2.0 / 3) < 1e-15)
        #expect(abs(score.f1 - 4.0 / 7) < 1e-15)
    }

    /// ERASER's empty cases: nothing predicted → precision 0 (and recall 0, F1 0); nothing referenced → recall 0;
    /// both empty → the instance does not exist for ERASER.
    @Test func emptyCasesAsERASER() {
        #expect(TokenF1.instance(predicted: [], reference: [7]) == PrecisionRecallF1(precision: 0, recall: 0, f1: 0))
        #expect(TokenF1.instance(predicted: [9], reference: []) == PrecisionRecallF1(precision: 0, recall: 0, f1: 0))
        #expect(TokenF1.instance(predicted: [], reference: []) == nil)
    }

    /// Instances A (above), B (P {}, T {7}), C (P {9}, T {}), D (both empty, left out).
    /// Macro over A, B, C: precision (0.5 + 0 + 0)/3 = 1/6, recall (2/3)/3 = 2/9, F1 (4/7)/3 = 4/21.
    /// Micro: overlap 2, predicted 4 + 0 + 1 = 5, reference 3 + 1 + 0 = 4: precision 0.4, recall 0.5,
    /// F1 = 2 × 0.4 × 0.5 / 0.9 = 4/9.
    @Test func macroAndMicro() throws {
        let instances = [
            TokenF1.Counts(predicted: [1, 2, 3, 4], reference: [3, 4, 5]),
            TokenF1.Counts(predicted: [], reference: [7]),
            TokenF1.Counts(predicted: [9], reference: []),
            TokenF1.Counts(predicted: [], reference: []),
        ]
        let macro = try #require(TokenF1.macro(instances))
        #expect(abs(macro.precision - 1.0 / 6) < 1e-15)
        #expect(abs(macro.recall - 2.0 / 9) < 1e-15)
        #expect(abs(macro.f1 - 4.0 / 21) < 1e-15)
        let micro = TokenF1.micro(instances)
        #expect(abs(micro.precision - 0.4) < 1e-15)
        #expect(micro.recall == 0.5)
        #expect(abs(micro.f1 - 4.0 / 9) < 1e-15)
    }

    @Test func nothingToAverage() {
        #expect(TokenF1.macro([]) == nil)
        #expect(TokenF1.macro([TokenF1.Counts(predicted: [], reference: [])]) == nil)
        // ERASER would divide by zero here; Candor reports 0.
        #expect(TokenF1.micro([]) == PrecisionRecallF1(precision: 0, recall: 0, f1: 0))
    }
}
