import Candor
import Testing

@Suite struct AUPRCTests {
    /// Weights [0.9, 0.1, 0.8, 0.3], rationale tokens 0 and 3. Cuts: ≥0.9 → P 1, R 0.5; ≥0.8 → P 0.5, R 0.5;
    /// ≥0.3 → P 2/3, R 1; ≥0.1 → P 0.5, R 1. Curve P [0.5, 2/3, 0.5, 1, 1], R [1, 1, 0.5, 0.5, 0]:
    /// area 0.5 × (2/3 + 0.5)/2 + 0.5 × (1 + 1)/2 = 7/24 + 12/24 = 19/24 (scikit-learn: 0.7916666666666666).
    @Test func oneInstance() throws {
        let area = try #require(AUPRC.instance(weights: [0.9, 0.1, 0.8, 0.3], rationale: [0..<1, 3..<4]))
        #expect(abs(area - 19.0 / 24) < 1e-12)
        let same = try #require(AUPRC.instance(weights: [0.9, 0.1, 0.8, 0.3], rationale: [true, false, false, true]))
        #expect(same == area)
    }

    /// Weights [0.2, 0.2], rationale token 0: one cut, P 0.5, R 1; curve P [0.5, 1], R [1, 0];
    /// area 1 × (0.5 + 1)/2 = 0.75. Mean with 19/24: (19/24 + 18/24)/2 = 37/48.
    @Test func meanOverInstances() throws {
        let first = try #require(AUPRC.instance(weights: [0.9, 0.1, 0.8, 0.3], rationale: [0..<1, 3..<4]))
        let second = try #require(AUPRC.instance(weights: [0.2, 0.2], rationale: [0..<1]))
        #expect(second == 0.75)
        #expect(abs(try #require(AUPRC.mean([first, second])) - 37.0 / 48) < 1e-12)
        #expect(AUPRC.mean([]) == nil)
    }

    @Test func notApplicableWithoutAReferenceToken() {
        #expect(AUPRC.instance(weights: [0.3, 0.7], rationale: [Range<Int>]()) == nil)
        #expect(AUPRC.instance(weights: [], rationale: [0..<1]) == nil)
        #expect(AUPRC.instance(weights: [0.1, 0.2], rationale: [true]) == nil)
    }

    /// Spans reaching past the weights are clipped: [1, 9) on 3 tokens marks tokens 1 and 2.
    /// Weights [0.1, 0.5, 0.9]: both positives rank first, so the area is 1.
    @Test func clipsSpansToTheWeights() throws {
        #expect(try #require(AUPRC.instance(weights: [0.1, 0.5, 0.9], rationale: [1..<9])) == 1)
    }
}
