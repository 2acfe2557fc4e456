import Candor
import Foundation
import Testing

@Suite struct MetaEvaluationTests {
    /// Against the reference "the cat sat on the mat" (6 words), ROUGE-L F1 is 1 for the same text, 2/3 for
    /// "the cat sat" (LCS 3: P = 1, R = 1/2) and 0 for "a dog ran". Ratings 2, 3, 1 rank them 2, 3, 1 while the
    /// scores rank them 3, 2, 1: d = (1, −1, 0), ρ = 1 − 6·2/(3·(9 − 1)) = 1/2; of the 3 pairs one is discordant
    /// (first two) and two concordant, τ-b = (2 − 1)/3 = 1/3.
    @Test func correlatesRougeLWithRatings() throws {
        let reference = "the cat sat on the mat"
        let rows = [
            RatedExplanation(suite: "s", instance: "1", explanation: "the cat sat on the mat", reference: reference,
                             ratings: [2]),
            RatedExplanation(suite: "s", instance: "2", explanation: "the cat sat", reference: reference, ratings: [3, 3]),
            RatedExplanation(suite: "s", instance: "3", explanation: "a dog ran", reference: reference, ratings: [0, 2]),
        ]
        let result = try MetaEvaluation(bootstrap: try Bootstrap(resamples: 50, seed: 1))
            .evaluate(rows, scorer: RougeLScorer.self)
        #expect(result.overall.n == 3)
        #expect(abs(try #require(result.overall.spearman).value - 0.5) < 1e-12)
        #expect(abs(try #require(result.overall.kendall).value - 1.0 / 3) < 1e-12)
        let interval = try #require(result.overall.spearman)
        #expect(interval.low <= interval.high && interval.resamples + interval.excluded == 50)
    }

    @Test func leavesOutRowsWithoutAReferenceAndSaysWhy() throws {
        let rows = [RatedExplanation(suite: "nowhere", instance: "1", explanation: "text", ratings: [1])]
        let result = try MetaEvaluation().evaluate(rows, scorer: ChrFScorer.self)
        #expect(result.overall.n == 0)
        #expect(result.notApplicable == ["the instance has no reference explanation": 1])
        #expect(result.overall.spearman == nil)
    }

    @Test func refusesScorersThatNeedAModel() {
        #expect(throws: MetaEvaluation.UnsuitableScorer.self) {
            try MetaEvaluation().evaluate([], scorer: Comprehensiveness.self)
        }
    }

    /// A row without a reference takes the reference explanation of its instance in the suites folder: the
    /// e-SNLI fixture imported as suite `esnli-fixture`, where p1#1's explanation is the rated text itself.
    @Test func findsReferencesInSuites() throws {
        let (output, scratch) = try FormatFixtures.output("esnli-fixture")
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try ImportFormat.esnli.run(source: FormatFixtures.url("esnli/esnli_dev.csv"), output: output)
        let rows = [
            RatedExplanation(suite: "esnli-fixture", instance: "p1#1",
                             explanation: "Running is not necessarily chasing a ball.", ratings: [1]),
            RatedExplanation(suite: "esnli-fixture", instance: "p1#2", explanation: "Dogs are animals.", ratings: [0]),
        ]
        let result = try MetaEvaluation(bootstrap: try Bootstrap(resamples: 20),
                                        suitesDirectory: output.deletingLastPathComponent())
            .evaluate(rows, scorer: RougeLScorer.self)
        #expect(result.overall.n == 2 && result.notApplicable.isEmpty)
        #expect(result.overall.spearman?.value == 1)
    }
}
