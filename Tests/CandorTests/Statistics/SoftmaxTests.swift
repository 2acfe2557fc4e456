import Candor
import Foundation
import Testing

@Suite struct SoftmaxTests {
    @Test func softmaxOfZeroAndLogThree() {
        // exp(0) = 1, exp(ln 3) = 3: [1/4, 3/4].
        let p = Softmax.softmax([0, log(3)])
        #expect(abs(p[0] - 0.25) < 1e-15)
        #expect(abs(p[1] - 0.75) < 1e-15)
    }

    @Test func largeLogitsDoNotOverflow() {
        // Shifting every logit by 1000 changes nothing; exp(1000) alone would be infinite.
        let p = Softmax.softmax([1000, 1000 + log(3)])
        #expect(abs(p[0] - 0.25) < 1e-12)
        #expect(abs(p[1] - 0.75) < 1e-12)
        // log(e¹⁰⁰⁰ + e¹⁰⁰⁰) = 1000 + ln 2
        #expect(abs(Softmax.logSumExp([1000, 1000]) - (1000 + log(2))) < 1e-12)
    }

    @Test func logSumExpOfSmallValues() {
        // log(1 + 3) = ln 4
        #expect(abs(Softmax.logSumExp([0, log(3)]) - log(4)) < 1e-15)
        #expect(Softmax.logSumExp([Double]()) == -.infinity)
    }

    @Test func rowsOfAMatrix() throws {
        var m = try Matrix([[0, log(3)], [log(2), 0]])
        Softmax.softmaxRows(&m)
        // Row 2: exp(ln 2) = 2 and 1 → [2/3, 1/3].
        let expected = [0.25, 0.75, 2.0 / 3, 1.0 / 3]
        for (value, want) in zip(m.values, expected) { #expect(abs(value - want) < 1e-15) }
    }
}
