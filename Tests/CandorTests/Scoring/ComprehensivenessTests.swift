import Candor
import CandorProtocol
import Testing

/// ERASER's comprehensiveness and sufficiency on the hand-made three-token case.
///
/// x = "great fun film", ŷ = positive, p(ŷ|x) = 0.9, highlights r = {great}, weights (0.6, 0.3, 0.1).
/// Bins of n = 3 units: ⌈0.01·3⌉ = ⌈0.05·3⌉ = ⌈0.10·3⌉ = ⌈0.20·3⌉ = 1 unit, ⌈0.50·3⌉ = 2 units.
@Suite struct ComprehensivenessTests {
    let item = ScoringItem(
        instance: WorkedExampleSuite.review("great fun film"), source: .self,
        prediction: Prediction(label: "positive", probabilities: ["negative": 0.1, "positive": 0.9]),
        explanation: ResolvedExplanation(highlights: ["review": [0]], weights: ["review": [0.6, 0.3, 0.1]]))
    let context = WorkedExampleSuite.context

    func text(_ probe: Probe?) -> String? {
        guard case .text(let text) = probe?.input?["review"] else { return nil }
        return text
    }

    @Test func erasureProbesRemoveTheTopTokens() {
        let probes = Dictionary(uniqueKeysWithValues: Comprehensiveness().probes(for: item, context: context)
            .map { ($0.name, $0) })
        #expect(probes.keys.sorted() == ["erase", "erase-1", "erase-10", "erase-20", "erase-5", "erase-50"])
        #expect(text(probes["erase"]) == "fun film")
        #expect(text(probes["erase-1"]) == "fun film")
        #expect(text(probes["erase-50"]) == "film")
        #expect(probes["erase"]?.op == .predict)
    }

    @Test func keepProbesKeepOnlyTheTopTokens() {
        let probes = Dictionary(uniqueKeysWithValues: Sufficiency().probes(for: item, context: context)
            .map { ($0.name, $0) })
        #expect(text(probes["keep"]) == "great")
        #expect(text(probes["keep-20"]) == "great")
        #expect(text(probes["keep-50"]) == "great fun")
    }

    @Test func comprehensivenessAndItsAOPC() throws {
        var answers: ProbeAnswers = ["erase": WorkedExampleSuite.answer(positive: 0.4),
                                     "erase-50": WorkedExampleSuite.answer(positive: 0.2)]
        for bin in [1, 5, 10, 20] { answers["erase-\(bin)"] = WorkedExampleSuite.answer(positive: 0.4) }
        let values = try #require(Comprehensiveness().observe(item, answers: answers, context: context).values)
        // comprehensiveness = 0.9 − p(ŷ | "fun film") = 0.9 − 0.4 = 0.5
        #expect(abs(values[0] - 0.5) < 1e-12)
        // AOPC = [(0.9−0.4) · 4 + (0.9−0.2)] / 5 = (2.0 + 0.7) / 5 = 0.54
        #expect(abs(values[1] - 0.54) < 1e-12)
    }

    @Test func sufficiencyAndItsAOPC() throws {
        var answers: ProbeAnswers = ["keep": WorkedExampleSuite.answer(positive: 0.8),
                                     "keep-50": WorkedExampleSuite.answer(positive: 0.85)]
        for bin in [1, 5, 10, 20] { answers["keep-\(bin)"] = WorkedExampleSuite.answer(positive: 0.8) }
        let values = try #require(Sufficiency().observe(item, answers: answers, context: context).values)
        // sufficiency = 0.9 − p(ŷ | "great") = 0.9 − 0.8 = 0.1
        #expect(abs(values[0] - 0.1) < 1e-12)
        // AOPC = [(0.9−0.8) · 4 + (0.9−0.85)] / 5 = (0.4 + 0.05) / 5 = 0.09
        #expect(abs(values[1] - 0.09) < 1e-12)
    }

    @Test func aFaithfulExplanationScoresHigherThanAnUnfaithfulOne() throws {
        // A model that only looks at "great": erasing it drops p to 0.3; erasing "film" changes nothing.
        var unfaithful = item
        unfaithful.explanation = ResolvedExplanation(highlights: ["review": [2]])
        let faithfulValue = try #require(Comprehensiveness().observe(
            item, answers: ["erase": WorkedExampleSuite.answer(positive: 0.3)], context: context).values)[0]
        let unfaithfulValue = try #require(Comprehensiveness().observe(
            unfaithful, answers: ["erase": WorkedExampleSuite.answer(positive: 0.9)], context: context).values)[0]
        #expect(faithfulValue > unfaithfulValue)
        #expect(abs(faithfulValue - 0.6) < 1e-12 && abs(unfaithfulValue) < 1e-12)
    }
}
