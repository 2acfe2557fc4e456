import Candor
import Testing

@Suite struct IOUF1Tests {
    /// [0, 4) and [2, 6) share tokens 2, 3 of 0…5: 2/6 = 1/3. [10, 12) and [10, 13): 2/3.
    /// [0, 2) and [0, 4): 2/4 = 0.5. Disjoint: 0. Both empty: 0 by ERASER's rule.
    @Test func intersectionOverUnion() {
        #expect(abs(IOUF1.iou(0..<4, 2..<6) - 1.0 / 3) < 1e-15)
        #expect(abs(IOUF1.iou(10..<12, 10..<13) - 2.0 / 3) < 1e-15)
        #expect(IOUF1.iou(0..<2, 0..<4) == 0.5)
        #expect(IOUF1.iou(0..<2, 5..<7) == 0)
        #expect(IOUF1.iou(3..<3, 3..<3) == 0)
    }

    /// Instance A: predicted [0, 4), [10, 12) twice (counted once), [20, 21); reference [2, 6), [10, 13).
    /// Best IOUs: [0, 4) → 1/3 (no), [10, 12) → 2/3 (yes), [20, 21) → 0 (no): matched 1 of 3, reference 2.
    @Test func countsOneInstance() {
        let counts = IOUF1.counts(predicted: [0..<4, 10..<12, 10..<12, 20..<21], reference: [2..<6, 10..<13])
        #expect(counts == IOUF1.Counts(matched: 1, predicted: 3, reference: 2))
        // IOU exactly 0.5 is a match (≥).
        #expect(IOUF1.counts(predicted: [0..<2], reference: [0..<4]).matched == 1)
        #expect(IOUF1.counts(predicted: [0..<2], reference: [0..<4], threshold: 0.6).matched == 0)
    }

    /// A as above (1, 3, 2); B: predicted [5, 7), no reference (0, 1, 0); C: no prediction, reference [0, 2)
    /// (0, 0, 1); D: predicted [0, 2) and [1, 3), reference [0, 3): both have IOU 2/3 with the same reference
    /// span and both count (ERASER pairs nothing one-to-one): (2, 2, 1).
    /// Micro: matched 3, predicted 6, reference 4 → P 0.5, R 0.75, F1 = 2 × 0.5 × 0.75 / 1.25 = 0.6.
    /// Macro: P = mean over A, B, D of 1/3, 0, 2/2 = (4/3)/3 = 4/9; R = mean over A, C, D of 1/2, 0, 2/1 =
    /// 2.5/3 = 5/6 (a recall above 1 is possible, as in ERASER); F1 = 2 × 4/9 × 5/6 / (4/9 + 5/6)
    /// = (20/27) / (23/18) = 40/69.
    @Test func microAndMacro() {
        let instances = [
            IOUF1.counts(predicted: [0..<4, 10..<12, 10..<12, 20..<21], reference: [2..<6, 10..<13]),
            IOUF1.counts(predicted: [5..<7], reference: []),
            IOUF1.counts(predicted: [], reference: [0..<2]),
            IOUF1.counts(predicted: [0..<2, 1..<3], reference: [0..<3]),
        ]
        #expect(instances[3] == IOUF1.Counts(matched: 2, predicted: 2, reference: 1))
        let micro = IOUF1.micro(instances)
        #expect(micro.precision == 0.5 && micro.recall == 0.75 && abs(micro.f1 - 0.6) < 1e-15)
        let macro = IOUF1.macro(instances)
        #expect(abs(macro.precision - 4.0 / 9) < 1e-15)
        #expect(abs(macro.recall - 5.0 / 6) < 1e-15)
        #expect(abs(macro.f1 - 40.0 / 69) < 1e-15)
    }

    @Test func nothingAtAll() {
        let none = PrecisionRecallF1(precision: 0, recall: 0, f1: 0)
        #expect(IOUF1.micro([]) == none)
        #expect(IOUF1.macro([]) == none)
        #expect(IOUF1.macro([IOUF1.counts(predicted: [], reference: [])]) == none)
    }
}
