import Candor
import CandorProtocol
import Foundation
import Testing

/// A model that answers `simulate` by a fixed rule and records every request it receives.
actor FakeSimulatingModel: ExplainingModel {
    nonisolated let descriptor = ModelDescriptor(name: "fake-judge", version: "1", capabilities: [.simulate])
    nonisolated let key = "fake-judge"
    private(set) var received: [Request] = []

    func respond(to requests: [Request]) async -> [Outcome] {
        received += requests
        return requests.map { request in
            // Refuses inputs that mention "refuse"; otherwise says positive when it sees "good" anywhere.
            let text = request.input?["review"]?.text ?? ""
            if text.contains("refuse") { return .ok(Response(id: request.id, error: "will not judge")) }
            let quoted = request.explanation?.highlights?.compactMap(\.quote).joined(separator: " ") ?? ""
            let label = (text + " " + quoted).contains("good") ? "positive" : "negative"
            return .ok(Response(id: request.id, label: label))
        }
    }
}

@Suite struct ProcessSimulatorTests {
    let suite = WorkedExampleSuite.sentiment

    var cases: [SimulationCase] {
        (0..<6).map { index in
            SimulationCase(instance: WorkedExampleSuite.review(index == 5 ? "refuse this" : "good film \(index)",
                                                               id: "judge-\(index)"),
                           explanation: ResolvedExplanation(highlights: ["review": [0]], text: "See the first word."),
                           label: index % 2 == 0 ? "positive" : "negative")
        }
    }

    /// The built-in simulator's results keep the scorer's id; an external judge's are kept apart as `id@judge`.
    @Test func scorersJudgedByAnotherSimulatorAreKeptApart() {
        let judge = ProcessSimulator(model: FakeSimulatingModel())
        #expect(judge.judge == "fake-judge")
        #expect(Las().id == "las")
        #expect(Las(simulator: judge).id == "las@fake-judge")
        let scorers = Scorers.instantiate([Las.self, CounterfactualSimulation.self, TokenF1Scorer.self], simulator: judge)
        #expect(scorers.map(\.id) == ["las@fake-judge", "counterfactual-simulation@fake-judge", "token-f1"])
        // Still enabled by the suite's plain ids.
        var suite = WorkedExampleSuite.sentiment
        suite.scorers = ["las", "token-f1"]
        #expect(ScoringRunner.enabled(scorers, for: suite).map(\.id) == ["las@fake-judge", "token-f1"])
    }

    @Test func aboutACaseItShowsOtherCasesAsExamples() {
        let simulator = ProcessSimulator(model: FakeSimulatingModel(), exampleCount: 4)
        let cases = cases
        let withExplanation = simulator.request(
            for: SimulationQuery(caseIndex: 2, target: .original, showsExplanation: true), number: 0, cases: cases,
            suite: suite)
        #expect(withExplanation.op == .simulate)
        #expect(withExplanation.examples?.count == 4)
        #expect(withExplanation.examples?.allSatisfy { $0.input?["review"]?.text != "good film 2" } == true)
        #expect(withExplanation.examples?.allSatisfy { $0.explanation != nil && $0.label != nil } == true)
        #expect(withExplanation.input?["review"]?.text == "good film 2")
        #expect(withExplanation.explanation == WireExplanation(
            text: "See the first word.", highlights: [Highlight(field: "review", quote: "good")]))

        let inputOnly = simulator.request(
            for: SimulationQuery(caseIndex: 2, target: .original, showsExplanation: false), number: 1, cases: cases,
            suite: suite)
        #expect(inputOnly.explanation == nil)
        #expect(inputOnly.examples?.allSatisfy { $0.explanation == nil } == true)

        let explanationOnly = simulator.request(
            for: SimulationQuery(caseIndex: 2, target: .explanationOnly, showsExplanation: true), number: 2,
            cases: cases, suite: suite)
        #expect(explanationOnly.input == nil)
        #expect(explanationOnly.examples?.allSatisfy { $0.input == nil && $0.explanation != nil } == true)
    }

    @Test func aboutACounterfactualTheOriginalIsTheExample() {
        let simulator = ProcessSimulator(model: FakeSimulatingModel())
        let edited: [String: FieldValue] = ["review": .text("good film 2 indeed")]
        let request = simulator.request(
            for: SimulationQuery(caseIndex: 2, target: .counterfactual(edited), showsExplanation: true), number: 0,
            cases: cases, suite: suite)
        #expect(request.examples == [SimulationExample(
            input: cases[2].instance.wireInput, label: "positive",
            explanation: WireExplanation(text: "See the first word.",
                                         highlights: [Highlight(field: "review", quote: "good")]))])
        #expect(request.input?["review"]?.text == "good film 2 indeed")
        #expect(request.explanation == nil)
    }

    @Test func answersInQueryOrderAndARefusalCannotTell() async {
        let simulator = ProcessSimulator(model: FakeSimulatingModel())
        let queries = [
            SimulationQuery(caseIndex: 0, target: .original, showsExplanation: false),
            SimulationQuery(caseIndex: 5, target: .original, showsExplanation: false),
            SimulationQuery(caseIndex: 1, target: .counterfactual(["review": .text("dull film")]),
                            showsExplanation: false),
        ]
        let labels = await simulator.simulate(queries, cases: cases, suite: suite)
        #expect(labels == ["positive", nil, "negative"])
    }

    @Test func throughTheStoreAQuestionIsAskedOnce() async throws {
        let store = try ResultStore(url: FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-judge-\(UUID().uuidString)").appendingPathComponent("candor.sqlite"))
        let model = FakeSimulatingModel()
        let simulator = ProcessSimulator(model: model, store: store)
        let queries = (0..<5).map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: true) }
        let first = await simulator.simulate(queries, cases: cases, suite: suite)
        let second = await simulator.simulate(queries, cases: cases, suite: suite)
        #expect(first == second)
        #expect(first == Array(repeating: "positive", count: 5))
        #expect(await model.received.count == 5)
    }
}
