import Candor
import CandorProtocol
import CandorTesting
import Testing

/// A simulator with scripted answers, recording what it was asked.
actor ScriptedSimulator: Simulator {
    nonisolated let name = "scripted"
    let answer: @Sendable (SimulationQuery, [SimulationCase]) -> String?
    private(set) var asked: [SimulationQuery] = []

    init(_ answer: @escaping @Sendable (SimulationQuery, [SimulationCase]) -> String?) {
        self.answer = answer
    }

    func simulate(_ queries: [SimulationQuery], cases: [SimulationCase], suite: Suite) async -> [String?] {
        asked += queries
        return queries.map { answer($0, cases) }
    }
}

/// LAS (Hase et al. 2020): the leakage split and the formula, by hand.
@Suite struct LasTests {
    /// Observations [correct_xe, correct_x, correct_e].
    /// L (e correct): [1,0,1], [1,1,1], [0,0,1] → acc_xe = 2/3, acc_x = 1/3, gain 1/3.
    /// ¬L:            [1,0,0], [0,0,0]          → acc_xe = 1/2, acc_x = 0,   gain 1/2.
    /// LAS = ½ (1/3 + 1/2) = ½ · 5/6 = 5/12.
    let observations: [[Double]] = [[1, 0, 1], [1, 1, 1], [0, 0, 1], [1, 0, 0], [0, 0, 0]]

    @Test func lasAveragesTheGainInsideAndOutsideTheLeakedGroup() throws {
        let las = try #require(Las().aggregate(observations))
        #expect(abs(las - 5.0 / 12.0) < 1e-12)
    }

    @Test func anEmptyGroupIsNotApplicableNotZero() {
        // Every explanation leaks: ¬L is empty.
        #expect(Las().aggregate([[1, 0, 1], [1, 1, 1]]) == nil)
        // None leaks: L is empty.
        #expect(Las().aggregate([[1, 0, 0], [0, 0, 0]]) == nil)
        #expect(Las().aggregate([]) == nil)
    }

    @Test func reportsTheThreeAccuraciesAndTheLeakedShare() throws {
        let details = Las().details(observations)
        // acc_xe = (1+1+0+1+0)/5 = 3/5; acc_x = (0+1+0+0+0)/5 = 1/5; acc_e = |L|/n = 3/5.
        #expect(abs(try #require(details["acc-xe"]) - 0.6) < 1e-12)
        #expect(abs(try #require(details["acc-x"]) - 0.2) < 1e-12)
        #expect(abs(try #require(details["acc-e"]) - 0.6) < 1e-12)
        #expect(abs(try #require(details["leaked"]) - 0.6) < 1e-12)
        // |L| = 3, |¬L| = 2: LAS rests on min(3, 2) = 2 instances of the smaller group.
        #expect(Las().decisiveCount(observations) == 2)
    }

    @Test func asksFromInputAndExplanationFromInputAndFromExplanation() async {
        let items = ["a fine film", "a dull film"].enumerated().map { index, text in
            ScoringItem(instance: WorkedExampleSuite.review(text, id: "las-\(index)"), source: .self,
                        prediction: Prediction(label: index == 0 ? "positive" : "negative"),
                        explanation: ResolvedExplanation(highlights: ["review": [1]]))
        }
        // Calls positive from input and explanation, negative from the input alone, cannot tell from the
        // explanation alone: item 0 (ŷ positive) → [1, 0, 0]; item 1 (ŷ negative) → [0, 1, 0].
        let simulator = ScriptedSimulator { query, _ in
            switch (query.target, query.showsExplanation) {
            case (.original, true): "positive"
            case (.original, false): "negative"
            default: nil
            }
        }
        let observed = await Las(simulator: simulator).observeAll(items, answers: [[:], [:]],
                                                                  context: WorkedExampleSuite.context)
        #expect(observed == [.values([1, 0, 0]), .values([0, 1, 0])])
        let asked = await simulator.asked
        #expect(asked == [
            SimulationQuery(caseIndex: 0, target: .original, showsExplanation: true),
            SimulationQuery(caseIndex: 0, target: .original, showsExplanation: false),
            SimulationQuery(caseIndex: 0, target: .explanationOnly, showsExplanation: true),
            SimulationQuery(caseIndex: 1, target: .original, showsExplanation: true),
            SimulationQuery(caseIndex: 1, target: .original, showsExplanation: false),
            SimulationQuery(caseIndex: 1, target: .explanationOnly, showsExplanation: true),
        ])
    }

    @Test func workedExamplesHold() async {
        #expect(await ScorerConformance.check(Las.self).isEmpty)
    }

    @Test func aRunCanChooseTheSimulator() {
        let simulator = ScriptedSimulator { _, _ in nil }
        let scorers = Scorers.instantiate([Las.self, CounterfactualSimulation.self, Comprehensiveness.self],
                                          simulator: simulator)
        #expect((scorers[0] as? Las)?.simulator.name == "scripted")
        #expect((scorers[1] as? CounterfactualSimulation)?.simulator.name == "scripted")
        #expect(scorers[2] is Comprehensiveness)
        #expect((Scorers.instantiate([Las.self], simulator: nil)[0] as? Las)?.simulator.name == "linear")
    }
}
