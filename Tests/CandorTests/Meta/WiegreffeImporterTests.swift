import Candor
import Foundation
import Testing

@Suite struct WiegreffeImporterTests {
    /// The fixture: two questions with five GPT-3 explanations each (three annotators), and CoS-E's explanation of
    /// each rated ±1 by three annotators (one answer left empty). cq-1's greedy explanation is slot 2, which
    /// every annotator accepted ("2|5", "2", "1|2|5") → ratings 1, 1, 1; slot 1 (sample 2) only by the third
    /// → 0, 0, 1. CoS-E on cq-2: −1, (empty), −1 → 0, 0.
    @Test func turnsTheFixtureIntoRatedExplanations() throws {
        let rows = try WiegreffeImporter().rows(folder: FormatFixtures.url("wiegreffe"))
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.suite == "wiegreffe-commonsenseqa" && $0.aspect == "acceptable" })
        let greedy = try #require(rows.first { $0.instance == "cq-1" && $0.source == "gpt3-greedy" })
        #expect(greedy.explanation == "Fridges keep food cold so milk stays fresh.")
        #expect(greedy.ratings == [1, 1, 1])
        #expect(greedy.reference == "A refrigerator keeps milk cold and fresh.")
        #expect(rows.first { $0.instance == "cq-1" && $0.source == "gpt3-sample-2" }?.ratings == [0, 0, 1])
        #expect(rows.first { $0.instance == "cq-2" && $0.source == "cose" }?.ratings == [0, 0])
        #expect(rows.first { $0.instance == "cq-1" && $0.source == "cose" }?.ratings == [1, 0, 1])
    }

    /// The sample: 50 CommonsenseQA questions (5 GPT-3 explanations + CoS-E's each = 300) and 50 SNLI pairs
    /// (5 GPT-3 explanations each = 250), every one with its ECQA or e-SNLI reference.
    @Test(.enabled(if: FormatFixtures.hasSample("wiegreffe2022_few_shot_explanations/acceptability_annotations"),
                   "needs ../shared/real-samples"))
    func readsTheRealSample() throws {
        let rows = try WiegreffeImporter().rows(folder: FormatFixtures.sample("wiegreffe2022_few_shot_explanations"))
        #expect(rows.count == 550)
        #expect(rows.filter { $0.suite == "wiegreffe-commonsenseqa" }.count == 300)
        #expect(rows.allSatisfy { $0.reference != nil && $0.ratings.count >= 1 })
    }
}
