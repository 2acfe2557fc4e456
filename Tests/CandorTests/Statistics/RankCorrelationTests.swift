import Candor
import Testing

@Suite struct RankCorrelationTests {
    @Test func averageRanksForTies() {
        #expect(RankCorrelation.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        // 3 is the smallest; the three 5s span ranks 2, 3, 4 → 3 each.
        #expect(RankCorrelation.ranks([5, 3, 5, 5]) == [3, 1, 3, 3])
        #expect(RankCorrelation.ranks([]) == [])
    }

    /// x = [1, 2, 2, 3], y = [1, 3, 2, 4]. Ranks: x → [1, 2.5, 2.5, 4], y → [1, 3, 2, 4], both with mean 2.5.
    /// Deviations: x [−1.5, 0, 0, 1.5], y [−1.5, 0.5, −0.5, 1.5]; Σdx·dy = 2.25 + 2.25 = 4.5, Σdx² = 4.5,
    /// Σdy² = 2.25 + 0.25 + 0.25 + 2.25 = 5, so ρ = 4.5 / √(4.5 × 5) = √0.9 ≈ 0.948683.
    /// Kendall: of the 6 pairs, 5 are concordant, 0 discordant, 1 tied in x only (positions 2, 3):
    /// τ-b = 5 / √((6 − 1)(6 − 0)) = 5/√30 ≈ 0.912871. SciPy's spearmanr and kendalltau give the same.
    @Test func smallExampleWithTiesInX() throws {
        let x: [Double] = [1, 2, 2, 3], y: [Double] = [1, 3, 2, 4]
        #expect(abs(try #require(RankCorrelation.spearman(x, y)) - 0.9.squareRoot()) < 1e-12)
        #expect(abs(try #require(RankCorrelation.kendallTauB(x, y)) - 5 / 30.0.squareRoot()) < 1e-12)
    }

    /// x = [1, 1, 2, 3, 3], y = [2, 1, 1, 3, 3]. Ranks: x → [1.5, 1.5, 3, 4.5, 4.5], y → [3, 1.5, 1.5, 4.5, 4.5],
    /// means 3; Σdx·dy = 0 + 2.25 + 0 + 2.25 + 2.25 = 6.75, Σdx² = Σdy² = 9, so ρ = 6.75/9 = 0.75.
    /// Kendall over 10 pairs: concordant 6 (1–4, 1–5, 2–4, 2–5, 3–4, 3–5), discordant 1 (1–3), tied in x 2
    /// (1–2, 4–5), tied in y 2 (2–3, 4–5): τ-b = (6 − 1) / √((10 − 2)(10 − 2)) = 5/8. SciPy agrees.
    @Test func smallExampleWithTiesInBoth() throws {
        let x: [Double] = [1, 1, 2, 3, 3], y: [Double] = [2, 1, 1, 3, 3]
        #expect(abs(try #require(RankCorrelation.spearman(x, y)) - 0.75) < 1e-12)
        #expect(abs(try #require(RankCorrelation.kendallTauB(x, y)) - 0.625) < 1e-12)
    }

    @Test func perfectAgreementAndReversal() throws {
        let x: [Double] = [0.1, 0.4, 0.2, 0.9]
        #expect(try #require(RankCorrelation.spearman(x, x)) == 1)
        #expect(try #require(RankCorrelation.kendallTauB(x, x)) == 1)
        let reversed = x.map { -$0 }
        #expect(abs(try #require(RankCorrelation.spearman(x, reversed)) + 1) < 1e-12)
        #expect(abs(try #require(RankCorrelation.kendallTauB(x, reversed)) + 1) < 1e-12)
    }

    @Test func undefinedCases() {
        #expect(RankCorrelation.spearman([1, 2, 3], [4, 4, 4]) == nil)
        #expect(RankCorrelation.kendallTauB([4, 4, 4], [1, 2, 3]) == nil)
        #expect(RankCorrelation.spearman([1], [1]) == nil)
        #expect(RankCorrelation.kendallTauB([1, 2], [1]) == nil)
        #expect(RankCorrelation.spearman([1, .nan], [1, 2]) == nil)
    }

    /// Knight's O(n log n) τ-b against the definition, pair by pair, on data with many ties.
    @Test func fastKendallMatchesTheDefinition() throws {
        var generator = SeededGenerator(seed: 31)
        for _ in 0..<20 {
            let n = 2 + generator.index(below: 40)
            let x = (0..<n).map { _ in Double(generator.index(below: 5)) }
            let y = (0..<n).map { _ in Double(generator.index(below: 4)) }
            let fast = RankCorrelation.kendallTauB(x, y)
            let slow = Self.kendallByDefinition(x, y)
            if let slow {
                #expect(abs(try #require(fast) - slow) < 1e-12)
            } else {
                #expect(fast == nil)
            }
        }
    }

    static func kendallByDefinition(_ x: [Double], _ y: [Double]) -> Double? {
        var concordant = 0.0, discordant = 0.0, tiedX = 0.0, tiedY = 0.0
        for i in x.indices {
            for j in (i + 1)..<x.count {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 { tiedX += 1 }
                if dy == 0 { tiedY += 1 }
                if dx * dy > 0 { concordant += 1 } else if dx * dy < 0 { discordant += 1 }
            }
        }
        let pairs = Double(x.count * (x.count - 1) / 2)
        let denominator = ((pairs - tiedX) * (pairs - tiedY)).squareRoot()
        return denominator > 0 ? (concordant - discordant) / denominator : nil
    }

    /// y = x + noise on 200 points gives a clearly positive correlation; the interval must contain the
    /// point estimate and lie above 0, and the same seed gives the same interval.
    @Test func intervalsByBootstrap() throws {
        var generator = SeededGenerator(seed: 40)
        let x = (0..<200).map { _ in generator.unit() }
        let y = x.map { $0 + 0.3 * generator.unit() }
        let bootstrap = Bootstrap(seed: 1)
        let rho = try #require(RankCorrelation.spearman(x, y, bootstrap: bootstrap))
        let tau = try #require(RankCorrelation.kendallTauB(x, y, bootstrap: bootstrap))
        #expect(rho.value == RankCorrelation.spearman(x, y))
        #expect(rho.low <= rho.value && rho.value <= rho.high && rho.low > 0.5)
        #expect(tau.low <= tau.value && tau.value <= tau.high && tau.low > 0.3)
        #expect(try #require(RankCorrelation.spearman(x, y, bootstrap: bootstrap)) == rho)
    }

    /// Three points, two tied in y: many resamples are constant in one variable, where ρ is undefined; those
    /// are excluded and counted rather than reported as a number.
    @Test func undefinedResamplesAreExcluded() throws {
        let estimate = try #require(RankCorrelation.spearman([1, 2, 3], [1, 1, 2], bootstrap: Bootstrap(seed: 2)))
        #expect(estimate.excluded > 0)
        #expect(estimate.excluded + estimate.resamples == 1000)
    }
}
