import Candor
import Testing

@Suite struct BootstrapTests {
    /// Fixed pseudo-random values, so the tests do not depend on a data file.
    static func sample(count: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in generator.unit() }
    }

    @Test func sameSeedGivesTheSameInterval() throws {
        let values = Self.sample(count: 50, seed: 1)
        let first = try #require(Bootstrap(seed: 9).mean(of: values))
        let second = try #require(Bootstrap(seed: 9).mean(of: values))
        #expect(first == second)
        let other = try #require(Bootstrap(seed: 10).mean(of: values))
        #expect(other.value == first.value)
        #expect(other.low != first.low || other.high != first.high)
        #expect(first.resamples == 1000 && first.excluded == 0 && first.n == 50 && first.confidence == 0.95)
    }

    /// The bootstrap standard error of a mean estimates σ/√n. For 4,000 uniform values s ≈ √(1/12) ≈ 0.2887,
    /// so s/√n ≈ 0.00456; with 1,000 resamples the estimate's own relative error is about 1/√(2 × 1000) ≈ 2.2 %,
    /// so a 10 % tolerance is over 4 of those.
    @Test func standardErrorMatchesClosedForm() throws {
        let values = Self.sample(count: 4000, seed: 2)
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let s = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let closedForm = s / n.squareRoot()
        let estimate = try #require(Bootstrap(seed: 5).mean(of: values))
        #expect(abs(estimate.standardError - closedForm) / closedForm < 0.10)
        // The 95 % percentile interval of a mean is close to mean ± 1.96 SE.
        #expect(abs((estimate.high - estimate.low) / (2 * 1.96 * closedForm) - 1) < 0.10)
        #expect(estimate.low < mean && mean < estimate.high)
    }

    /// The BLAS path and the closure path see the same resamples, so their resample means agree. 5,000 values
    /// make the count matrix come in blocks (4,000,000 / 5,000 = 800 resamples per block, so two blocks).
    @Test(arguments: [7, 5000])
    func blasMeansAgreeWithClosureMeans(count: Int) throws {
        let values = Self.sample(count: count, seed: 3)
        let bootstrap = Bootstrap(seed: 4)
        let viaBLAS = try #require(bootstrap.mean(of: values))
        let viaClosure = try #require(bootstrap.estimate(count: values.count) { indices in
            indices.reduce(0) { $0 + values[$1] } / Double(indices.count)
        })
        #expect(abs(viaBLAS.value - viaClosure.value) < 1e-12)
        #expect(abs(viaBLAS.low - viaClosure.low) < 1e-12)
        #expect(abs(viaBLAS.high - viaClosure.high) < 1e-12)
        #expect(abs(viaBLAS.standardError - viaClosure.standardError) < 1e-12)
    }

    @Test func severalColumnsComeFromOneProduct() throws {
        let a = Self.sample(count: 30, seed: 6)
        let b = a.map { 2 * $0 + 1 }
        let bootstrap = Bootstrap(seed: 1)
        let both = try #require(bootstrap.means(ofColumns: [a, b]))
        let alone = try #require(bootstrap.mean(of: a))
        #expect(both[0] == alone)
        // Each resample mean of b is 2 × (that of a) + 1, so the interval maps the same way.
        #expect(abs(both[1].low - (2 * alone.low + 1)) < 1e-12)
        #expect(abs(both[1].high - (2 * alone.high + 1)) < 1e-12)
    }

    /// Two values 0 and 1: a resample mean is 0, 0.5 or 1 with chances 1/4, 1/2, 1/4, so about 250 of the
    /// 1,000 sorted resample means are 0 and the 2.5 % and 97.5 % quantiles fall on 0 and 1.
    @Test func twoPointSampleSpansItsRange() throws {
        let estimate = try #require(Bootstrap(seed: 0).mean(of: [0, 1]))
        #expect(estimate.value == 0.5)
        #expect(estimate.low == 0)
        #expect(estimate.high == 1)
    }

    @Test func constantValuesGiveAPointInterval() throws {
        let estimate = try #require(Bootstrap(seed: 0).mean(of: [3, 3, 3, 3]))
        #expect(estimate.value == 3 && estimate.low == 3 && estimate.high == 3 && estimate.standardError == 0)
    }

    @Test func refusesWhatItCannotSummarize() {
        #expect(Bootstrap().mean(of: []) == nil)
        #expect(Bootstrap().mean(of: [1, .nan]) == nil)
        #expect(Bootstrap().means(ofColumns: [[1, 2], [1]]) == nil)
        #expect(Bootstrap().estimate(count: 3) { _ in nil } == nil)
        #expect(Bootstrap().estimate(count: 3) { _ in .nan } == nil)
    }

    /// A statistic that applies only when instance 0 is in the resample: with n = 3 it is missing with chance
    /// (2/3)³ = 8/27 ≈ 30 %. The excluded count must equal the resamples that really lack instance 0.
    @Test func countsResamplesWhereTheStatisticDoesNotApply() throws {
        let bootstrap = Bootstrap(seed: 12)
        var lacking = 0
        bootstrap.forEachResample(count: 3) { _, indices in
            if !indices.contains(0) { lacking += 1 }
        }
        let estimate = try #require(bootstrap.estimate(count: 3) { indices in
            indices.contains(0) ? Double(indices.count) : nil
        })
        #expect(estimate.excluded == lacking)
        // A NaN is not applicable either: it cannot be placed among the percentiles.
        let withNaN = try #require(bootstrap.estimate(count: 3) { indices in
            indices.contains(0) ? 1 : .nan
        })
        #expect(withNaN.excluded == lacking && withNaN.low == 1 && withNaN.high == 1)
        #expect(estimate.resamples == 1000 - lacking)
        #expect(lacking > 200 && lacking < 400)
    }

    /// Linear interpolation between order statistics: for [1, 2, 3, 4], q = 0.25 sits at position
    /// 0.25 × 3 = 0.75, so 1 + 0.75 × (2 − 1) = 1.75; q = 0.5 at 1.5 → 2.5; q = 1 → 4.
    @Test func quantileInterpolatesLinearly() {
        #expect(Bootstrap.quantile(ofSorted: [1, 2, 3, 4], 0.25) == 1.75)
        #expect(Bootstrap.quantile(ofSorted: [1, 2, 3, 4], 0.5) == 2.5)
        #expect(Bootstrap.quantile(ofSorted: [1, 2, 3, 4], 1) == 4)
        #expect(Bootstrap.quantile(ofSorted: [5], 0.975) == 5)
    }

    @Test func refusesABadConfiguration() {
        #expect(throws: Bootstrap.ConfigurationError.resamples(found: 0)) {
            try Bootstrap(resamples: 0)
        }
        #expect(throws: Bootstrap.ConfigurationError.confidence(found: 1)) {
            try Bootstrap(resamples: 100, confidence: 1)
        }
        #expect(Bootstrap.ConfigurationError.confidence(found: 1.5).description.contains("strictly between 0 and 1"))
    }

    @Test func customResamplesAndConfidenceAreUsed() throws {
        let bootstrap = try Bootstrap(resamples: 200, confidence: 0.5, seed: 1)
        let values = Self.sample(count: 40, seed: 8)
        let narrow = try #require(bootstrap.mean(of: values))
        let wide = try #require(Bootstrap(seed: 1).mean(of: values))
        #expect(narrow.resamples == 200 && narrow.confidence == 0.5)
        #expect(narrow.high - narrow.low < wide.high - wide.low)
    }

    // MARK: Paired comparisons

    /// The subject scores 1 more than the reference on every instance, with noise shared by both: the
    /// difference is exactly 1 in every resample, so its interval is [1, 1] and excludes 0.
    @Test func clearlyBetterAndClearlyWorse() throws {
        let reference = Self.sample(count: 40, seed: 20)
        let subject = reference.map { $0 + 1 }
        let higher = try #require(Bootstrap(seed: 2).compareMeans(subject: subject, reference: reference,
                                                                   direction: .higherIsBetter))
        #expect(higher.verdict == .better)
        #expect(abs(higher.difference.value - 1) < 1e-12)
        #expect(abs(higher.difference.low - 1) < 1e-9 && abs(higher.difference.high - 1) < 1e-9)
        let lower = try #require(Bootstrap(seed: 2).compareMeans(subject: subject, reference: reference,
                                                                  direction: .lowerIsBetter))
        #expect(lower.verdict == .worse)
        let swapped = try #require(Bootstrap(seed: 2).compareMeans(subject: reference, reference: subject,
                                                                    direction: .lowerIsBetter))
        #expect(swapped.verdict == .better)
    }

    /// Differences alternate +1, −1 over 40 instances: mean 0, and a resample mean of such ±1 values has
    /// standard error ≈ 1/√40 ≈ 0.16, so the interval is about ±0.31 around 0 and contains it.
    @Test func noDifferenceWhenTheIntervalContainsZero() throws {
        let reference = Self.sample(count: 40, seed: 21)
        let subject = reference.enumerated().map { $0.offset % 2 == 0 ? $0.element + 1 : $0.element - 1 }
        let result = try #require(Bootstrap(seed: 3).compareMeans(subject: subject, reference: reference,
                                                                   direction: .higherIsBetter))
        #expect(result.verdict == .noDifference)
        #expect(result.difference.low < 0 && result.difference.high > 0)
        #expect(abs(result.difference.value) < 1e-12)
    }

    @Test func identicalSourcesAreNoDifference() throws {
        let values = Self.sample(count: 10, seed: 22)
        let result = try #require(Bootstrap().compareMeans(subject: values, reference: values,
                                                            direction: .higherIsBetter))
        #expect(result.difference.low == 0 && result.difference.high == 0)
        #expect(result.verdict == .noDifference)
    }

    /// The closure comparison with mean aggregates sees the same resamples as the BLAS one.
    @Test func closureComparisonAgreesWithMeanComparison() throws {
        let reference = Self.sample(count: 25, seed: 23)
        let subject = Self.sample(count: 25, seed: 24).map { $0 + 0.3 }
        let bootstrap = Bootstrap(seed: 6)
        let viaMeans = try #require(bootstrap.compareMeans(subject: subject, reference: reference,
                                                            direction: .higherIsBetter))
        func mean(_ values: [Double]) -> ([Int]) -> Double? {
            { indices in indices.reduce(0) { $0 + values[$1] } / Double(indices.count) }
        }
        let viaClosures = try #require(bootstrap.compare(count: 25, subject: mean(subject),
                                                          reference: mean(reference), direction: .higherIsBetter))
        #expect(viaMeans.verdict == viaClosures.verdict)
        #expect(abs(viaMeans.difference.low - viaClosures.difference.low) < 1e-12)
        #expect(abs(viaMeans.difference.high - viaClosures.difference.high) < 1e-12)
        #expect(abs(viaMeans.subject.high - viaClosures.subject.high) < 1e-12)
    }

    /// The subject's aggregate is missing in resamples lacking instance 0; the difference uses only resamples
    /// where both apply, and says how many it left out.
    @Test func closureComparisonCountsExclusions() throws {
        let bootstrap = Bootstrap(seed: 13)
        let result = try #require(bootstrap.compare(
            count: 3,
            subject: { $0.contains(0) ? 2 : nil },
            reference: { _ in 1 },
            direction: .higherIsBetter))
        #expect(result.reference.excluded == 0)
        #expect(result.subject.excluded == result.difference.excluded)
        #expect(result.difference.excluded > 0)
        #expect(result.difference.low == 1 && result.difference.high == 1 && result.verdict == .better)
    }

    /// A non-mean aggregate over observations: micro token F1 of per-instance counts. The subject finds 3 of
    /// 4 reference tokens with 4 predictions on every instance (F1 = 2 × 0.75 × 0.75 / 1.5 = 0.75); the
    /// reference source predicts 4 tokens of which 1 is right (P = R = 0.25, F1 = 0.25). Every resample gives
    /// exactly those values, so the difference is 0.5 with the interval [0.5, 0.5].
    @Test func aggregatesOfObservations() throws {
        let subject = Array(repeating: TokenF1.Counts(predicted: 4, reference: 4, overlap: 3), count: 12)
        let reference = Array(repeating: TokenF1.Counts(predicted: 4, reference: 4, overlap: 1), count: 12)
        let bootstrap = Bootstrap(seed: 3)
        let alone = try #require(bootstrap.estimate(of: subject) { TokenF1.micro($0).f1 })
        #expect(abs(alone.value - 0.75) < 1e-15 && abs(alone.low - 0.75) < 1e-15)
        let result = try #require(bootstrap.compare(subject: subject, reference: reference,
                                                    direction: .higherIsBetter) { TokenF1.micro($0).f1 })
        #expect(abs(result.difference.value - 0.5) < 1e-15)
        #expect(abs(result.difference.low - 0.5) < 1e-15 && abs(result.difference.high - 0.5) < 1e-15)
        #expect(result.verdict == .better)
        #expect(bootstrap.compare(subject: subject, reference: Array(reference.prefix(3)),
                                  direction: .higherIsBetter) { TokenF1.micro($0).f1 } == nil)
    }

    /// Macro token F1 is undefined on a resample holding only instances with nothing predicted and nothing
    /// referenced; with 1 such instance of 2, a resample is all of it with chance (1/2)² = 1/4.
    @Test func aggregatesThatDoNotApplyAreExcluded() throws {
        let observations = [TokenF1.Counts(predicted: 2, reference: 2, overlap: 1),
                            TokenF1.Counts(predicted: 0, reference: 0, overlap: 0)]
        let estimate = try #require(Bootstrap(seed: 4).estimate(of: observations) { TokenF1.macro($0)?.f1 })
        #expect(estimate.value == 0.5)
        #expect(estimate.excluded > 150 && estimate.excluded < 350)
        #expect(estimate.excluded + estimate.resamples == 1000)
    }
}
