import Candor
import Testing

@Suite struct PairedComparisonTests {
    static func interval(_ low: Double, _ high: Double) -> Estimate {
        Estimate(value: (low + high) / 2, low: low, high: high, n: 10, resamples: 1000, excluded: 0,
                 confidence: 0.95, standardError: 0.1)
    }

    @Test(arguments: [
        (0.1, 0.5, ScoreDirection.higherIsBetter, PairedComparison.Verdict.better),
        (0.1, 0.5, .lowerIsBetter, .worse),
        (-0.5, -0.1, .higherIsBetter, .worse),
        (-0.5, -0.1, .lowerIsBetter, .better),
        (-0.1, 0.1, .higherIsBetter, .noDifference),
        (-0.1, 0.1, .lowerIsBetter, .noDifference),
        // An interval that touches 0 does not exclude it.
        (0.0, 0.3, .higherIsBetter, .noDifference),
        (-0.3, 0.0, .lowerIsBetter, .noDifference),
    ])
    func verdictNeedsTheIntervalToExcludeZero(low: Double, high: Double, direction: ScoreDirection,
                                              expected: PairedComparison.Verdict) {
        #expect(PairedComparison.verdict(for: Self.interval(low, high), direction: direction) == expected)
        let comparison = PairedComparison(subject: Self.interval(0, 1), reference: Self.interval(0, 1),
                                          difference: Self.interval(low, high), direction: direction)
        #expect(comparison.verdict == expected)
    }
}
