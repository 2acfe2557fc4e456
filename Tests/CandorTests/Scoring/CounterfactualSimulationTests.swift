import Candor
import CandorProtocol
import CandorTesting
import Foundation
import Testing

/// Counterfactual simulation (after Chen et al. 2023): its counterfactuals are probes other scorers already ask,
/// and its precisions are computed by hand.
@Suite struct CounterfactualSimulationTests {
    let context = WorkedExampleSuite.context
    let item = ScoringItem(
        instance: WorkedExampleSuite.review("great fun film", id: "cf-1"), source: .self,
        prediction: Prediction(label: "positive", probabilities: ["negative": 0.1, "positive": 0.9]),
        explanation: ResolvedExplanation(highlights: ["review": [0]], weights: ["review": [0.6, 0.3, 0.1]]))

    func hashes(_ probes: [Probe]) -> Set<String> {
        Set(probes.map { RequestHash.of($0.request(id: "any", suite: context.suite)) })
    }

    @Test func asksOnlyWhatCounterfactualMentionAndComprehensivenessAsk() {
        let own = hashes(CounterfactualSimulation().probes(for: item, context: context))
        let theirs = hashes(CounterfactualMention().probes(for: item, context: context))
            .union(hashes(Comprehensiveness().probes(for: item, context: context)))
        #expect(own == theirs)
        // 4 insertions + the erasure + 5 AOPC erasures, of which erase, erase-1 … erase-20 all remove "great":
        // 4 + 2 distinct requests (assuming no two insertions coincide, which the names below show).
        #expect(CounterfactualSimulation().probes(for: item, context: context).map(\.name) == [
            "insert-0", "insert-1", "insert-2", "insert-3", "erase", "erase-1", "erase-5", "erase-10", "erase-20",
            "erase-50",
        ])
    }

    /// A table has no insertions: its counterfactuals are the explanation's erasures and one erasure per feature,
    /// the same whatever the explanation.
    @Test func aTableSuiteHasItsExplanationsErasureAndOnePerFeature() async {
        let task = TaskSpec(kind: .classification, labels: ["approve", "decline"], inputs: [
            InputField(name: "applicant", type: .table, features: [
                InputField.Feature(name: "missed", kind: .number), InputField.Feature(name: "housing", kind: .category),
            ]),
        ])
        let suite = Suite(id: "table", version: "1", title: "table", task: task, explanations: [.features],
                          probes: ProbeSpec(insertionWords: ["risky"]), scorers: [],
                          splits: [Suite.Split(name: "test", file: "test.jsonl")], provenance: "by hand",
                          directory: URL(fileURLWithPath: "."), contentHash: "")
        let table = ScoringItem(
            instance: Instance(id: "t", input: ["applicant": .table(["missed": .number(5),
                                                                      "housing": .category("rent")])],
                               label: "decline"),
            source: .self, prediction: Prediction(label: "decline"),
            explanation: ResolvedExplanation(features: ["applicant": ["missed"]]))
        let context = ScoringContext(suite: suite,
                                     baseline: ["applicant": ["missed": .number(1), "housing": .category("own")]],
                                     model: WorkedExampleSuite.model)
        let scorer = CounterfactualSimulation()
        let probes = scorer.probes(for: table, context: context)
        #expect(probes.map(\.name) == ["erase", "erase-feature-applicant.missed", "erase-feature-applicant.housing"])
        // Another explanation erases something else, but the per-feature erasures stay the same requests.
        var other = table
        other.explanation = ResolvedExplanation(features: ["applicant": ["housing"]])
        let otherProbes = scorer.probes(for: other, context: context)
        #expect(hashes(Array(otherProbes.dropFirst())) == hashes(Array(probes.dropFirst())))
        #expect(hashes([otherProbes[0]]) != hashes([probes[0]]))
        // The explanation's erasure of "missed" is the per-feature one: two distinct counterfactuals, not three.
        let answers: ProbeAnswers = Dictionary(uniqueKeysWithValues: probes.map {
            ($0.name, Response(id: "", label: "approve"))
        })
        let observed = await scorer.observeAll([table], answers: [answers], context: context)
        #expect(observed[0].values?.first == 2)
    }

    @Test func countsEachDistinctCounterfactualOnceAndTalliesBothConditions() async {
        // Answers: insert-0 negative, insert-1 positive, insert-2 positive, insert-3 unanswered; the erasures
        // erase, erase-1 … erase-20 are one input ("fun film") answered negative, erase-50 ("film") negative.
        // Distinct counterfactuals: insert-0, insert-1, insert-2, "fun film", "film" = 5 (if the insertions differ).
        var answers: ProbeAnswers = ["insert-0": Response(id: "", label: "negative"),
                                     "insert-1": Response(id: "", label: "positive"),
                                     "insert-2": Response(id: "", label: "positive"),
                                     "erase-50": Response(id: "", label: "negative")]
        for name in ["erase", "erase-1", "erase-5", "erase-10", "erase-20"] {
            answers[name] = Response(id: "", label: "negative")
        }
        let inputs = CounterfactualSimulation().probes(for: item, context: context).prefix(3).compactMap(\.input)
        #expect(Set(inputs).count == 3)
        // With the explanation the simulator always says positive; without it, it cannot tell on insertions
        // and says negative on erasures.
        // With:    5 called; correct on insert-1, insert-2 → 2.
        // Without: 2 called (the erasures), both negative → correct 2.
        let simulator = ScriptedSimulator { query, _ in
            guard case .counterfactual(let input) = query.target else { return nil }
            if query.showsExplanation { return "positive" }
            return input["review"].map { $0.tokens.count } ?? 0 <= 2 ? "negative" : nil
        }
        let observed = await CounterfactualSimulation(simulator: simulator)
            .observeAll([item], answers: [answers], context: context)
        #expect(observed == [.values([5, 5, 2, 2, 2])])
    }

    @Test func precisionsByHand() throws {
        // Instance 1: 4 counterfactuals, with: 4 called 3 correct; without: 4 called 2 correct.
        // Instance 2: 2 counterfactuals, with: 1 called 1 correct; without: 2 called 0 correct.
        // precision_with = (3 + 1) / (4 + 1) = 0.8; precision_without = (2 + 0) / (4 + 2) = 1/3.
        // score = 0.8 − 1/3 = 7/15; called with = 5/6, without = 6/6.
        let observations: [[Double]] = [[4, 4, 3, 4, 2], [2, 1, 1, 2, 0]]
        let scorer = CounterfactualSimulation()
        #expect(abs(try #require(scorer.aggregate(observations)) - 7.0 / 15.0) < 1e-12)
        let details = scorer.details(observations)
        #expect(abs(try #require(details["precision-with"]) - 0.8) < 1e-12)
        #expect(abs(try #require(details["precision-without"]) - 1.0 / 3.0) < 1e-12)
        #expect(abs(try #require(details["called-with"]) - 5.0 / 6.0) < 1e-12)
        #expect(try #require(details["called-without"]) == 1)
        #expect(details["counterfactuals"] == 6)
        #expect(scorer.decisiveCount(observations) == 6)
    }

    @Test func undefinedWhenAConditionCalledNothing() {
        #expect(CounterfactualSimulation().aggregate([[3, 0, 0, 3, 2]]) == nil)
        #expect(CounterfactualSimulation().aggregate([]) == nil)
    }

    @Test func workedExamplesHold() async {
        #expect(await ScorerConformance.check(CounterfactualSimulation.self).isEmpty)
    }
}
