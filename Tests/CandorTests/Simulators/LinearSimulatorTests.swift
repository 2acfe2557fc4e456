import Candor
import Foundation
import Testing

/// The built-in simulator: cross-fitting (no case answered by a fold that trained on it), determinism, and that it
/// learns what a subject does on text, tables and multiple choice.
@Suite struct LinearSimulatorTests {
    let suite = WorkedExampleSuite.sentiment

    func cases(_ rows: [(String, String)], prefix: String = "case") -> [SimulationCase] {
        rows.enumerated().map { index, row in
            SimulationCase(instance: WorkedExampleSuite.review(row.0, id: "\(prefix)-\(index)"),
                           explanation: ResolvedExplanation(), label: row.1)
        }
    }

    /// 40 reviews: "good …" → positive and "bad …" → negative, each with a filler word of its own.
    var separable: [SimulationCase] {
        cases((0..<40).map { index in
            index % 2 == 0 ? ("good plot number\(index)", "positive") : ("bad plot number\(index)", "negative")
        })
    }

    @Test func foldsPartitionTheCases() {
        let simulator = LinearSimulator()
        let plan = simulator.plan(separable)
        #expect(plan.count == 5)
        let heldOut = plan.flatMap(\.heldOut).sorted()
        #expect(heldOut == Array(0..<40))
        for fold in plan {
            #expect(Set(fold.training).isDisjoint(with: fold.heldOut))
            #expect((fold.training + fold.heldOut).sorted() == Array(0..<40))
            for index in fold.heldOut {
                #expect(LinearSimulator.fold(of: separable[index].instance.id, folds: 5) == fold.index)
            }
        }
    }

    @Test func noCaseIsAnsweredByAFoldThatTrainedOnIt() {
        let simulator = LinearSimulator()
        let cases = separable
        let plan = simulator.plan(cases)
        let queries = cases.indices.map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: false) }
        let answers = simulator.answers(queries, cases: cases, task: suite.task)
        for (query, answer) in zip(queries, answers) {
            let fold = plan[answer.fold]
            #expect(fold.heldOut.contains(query.caseIndex))
            #expect(!fold.training.contains(query.caseIndex))
        }
    }

    /// Every review is a word no other review has. A simulator that had trained on a case would know its word and
    /// call its label; fitted on the other folds only, the word is outside its vocabulary, so it cannot tell.
    @Test func aCaseThatOnlyItsOwnFoldKnowsCannotBeCalled() {
        let cases = cases((0..<30).map { ("unique\($0)", $0 % 3 == 0 ? "negative" : "positive") })
        let queries = cases.indices.map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: false) }
        let answers = LinearSimulator().answers(queries, cases: cases, task: suite.task)
        #expect(answers.allSatisfy { $0.label == nil })
    }

    @Test func learnsTheSubjectsLabelsOnHeldOutCases() {
        let cases = separable
        let queries = cases.indices.map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: false) }
        let answers = LinearSimulator().answers(queries, cases: cases, task: suite.task)
        #expect(answers.map(\.label) == cases.map(\.label))
    }

    @Test func deterministicUnderASeed() {
        let cases = separable
        let queries = cases.indices.map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: false) }
        let first = LinearSimulator(seed: 7).answers(queries, cases: cases, task: suite.task)
        let second = LinearSimulator(seed: 7).answers(queries, cases: cases, task: suite.task)
        #expect(first == second)
        let other = LinearSimulator(seed: 8).plan(cases).map(\.heldOut)
        #expect(other != LinearSimulator(seed: 7).plan(cases).map(\.heldOut))
    }

    /// The explanation's words count once more. Fitted on the separable reviews, "good" weighs about +β and "bad"
    /// about −β towards positive. "good good bad bad bad" with both "good"s explained: from the input 2β − 3β = −β
    /// (negative), with the explanation 4β − 3β = +β (positive), from the explanation alone 2β (positive).
    @Test func readsTheExplanationWithOneFixedMeaning() {
        var cases = separable
        let subject = SimulationCase(instance: WorkedExampleSuite.review("good good bad bad bad", id: "subject"),
                                     explanation: ResolvedExplanation(highlights: ["review": [0, 1]]),
                                     label: "positive")
        cases.append(subject)
        let index = cases.count - 1
        let queries = [
            SimulationQuery(caseIndex: index, target: .original, showsExplanation: false),
            SimulationQuery(caseIndex: index, target: .original, showsExplanation: true),
            SimulationQuery(caseIndex: index, target: .explanationOnly, showsExplanation: true),
        ]
        let answers = LinearSimulator().answers(queries, cases: cases, task: suite.task)
        #expect(answers.map(\.label) == ["negative", "positive", "positive"])
    }

    /// On a counterfactual, the original's explained terms count once more where they stand, and so does their
    /// change: 2c − o over the explained terms, on top of the counterfactual c. "good good good bad bad" with its
    /// three "good"s explained (ŷ positive):
    /// - erasing two explained "good"s gives "good bad bad": without the explanation β − 2β = −β; with it the
    ///   "good"s count 1 + 2·1 − 3 = 0, so −2β: negative, surer than without (read as "count once more" alone, the
    ///   two "good"s left would make it 0: torn);
    /// - erasing an unexplained "bad" gives "good good good bad": without 3β − β = 2β; with it the "good"s count
    ///   3 + 2·3 − 3 = 6, so 6β − β = 5β: positive, surer than without.
    @Test func readsACounterfactualWithTheChangeOfTheExplainedTerms() throws {
        var cases = separable
        cases.append(SimulationCase(instance: WorkedExampleSuite.review("good good good bad bad", id: "subject"),
                                    explanation: ResolvedExplanation(highlights: ["review": [0, 1, 2]]),
                                    label: "positive"))
        let index = cases.count - 1
        func queries(_ text: String) -> [SimulationQuery] {
            let edited: [String: FieldValue] = ["review": .text(text)]
            return [SimulationQuery(caseIndex: index, target: .counterfactual(edited), showsExplanation: false),
                    SimulationQuery(caseIndex: index, target: .counterfactual(edited), showsExplanation: true)]
        }
        let simulator = LinearSimulator()
        let erasedEvidence = simulator.answers(queries("good bad bad"), cases: cases, task: suite.task)
        #expect(erasedEvidence.map(\.label) == ["negative", "negative"])
        // The same fold answers all four, so the explanation moves the logit of positive by exactly the weight of
        // "good" times the extra count: (0 − 1)·w with two explained "good"s erased, (6 − 3)·w with a "bad" erased.
        let logit = { (answer: LinearSimulator.Answer) in log(answer.probabilities[1] / answer.probabilities[0]) }
        let weight = logit(erasedEvidence[0]) - logit(erasedEvidence[1])
        #expect(weight > 0.5)
        let erasedOther = simulator.answers(queries("good good good bad"), cases: cases, task: suite.task)
        #expect(erasedOther.map(\.label) == ["positive", "positive"])
        #expect(abs(logit(erasedOther[1]) - logit(erasedOther[0]) - 3 * weight) < 1e-9)
    }

    @Test func emptyExplanationAloneCannotBeCalled() {
        let cases = separable
        let query = SimulationQuery(caseIndex: 0, target: .explanationOnly, showsExplanation: true)
        #expect(LinearSimulator().answers([query], cases: cases, task: suite.task)[0].label == nil)
    }

    @Test func learnsFromTableNumbers() {
        let task = TaskSpec(kind: .classification, labels: ["approve", "decline"], inputs: [
            InputField(name: "applicant", type: .table, features: [
                InputField.Feature(name: "missed", kind: .number),
                InputField.Feature(name: "housing", kind: .category),
            ]),
        ])
        let cases = (0..<40).map { index in
            let missed = Double(index % 8)
            return SimulationCase(
                instance: Instance(id: "applicant-\(index)", input: ["applicant": .table([
                    "missed": .number(missed), "housing": .category(index % 2 == 0 ? "rent" : "own")])],
                    label: "approve"),
                explanation: ResolvedExplanation(features: ["applicant": ["missed"]]),
                label: missed >= 4 ? "decline" : "approve")
        }
        let queries = cases.indices.map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: false) }
        let answers = LinearSimulator().answers(queries, cases: cases, task: task)
        let correct = zip(answers, cases).filter { $0.label == $1.label }.count
        // A threshold at 4 on 0…7 is separable by one standardised weight; only the two cases nearest it (3 and
        // 4) may fall on the wrong side of the ridge-shrunk boundary.
        #expect(correct >= 30)
    }

    @Test func learnsWhichChoiceTheSubjectPicks() {
        let task = TaskSpec(kind: .multipleChoice, labels: ["A", "B", "C"], inputs: [
            InputField(name: "question", type: .text), InputField(name: "choices", type: .choices),
        ])
        let animals = ["zoo", "bank", "gym"]
        let cases = (0..<45).map { index in
            // The subject always picks "zoo", wherever it stands.
            let rotation = index % 3
            let items = (0..<3).map { animals[($0 + rotation) % 3] }
            let answer = task.labels[items.firstIndex(of: "zoo")!]
            return SimulationCase(
                instance: Instance(id: "question-\(index)",
                                   input: ["question": .text("Where are penguins \(index)?"),
                                           "choices": .choices(items)], label: answer),
                explanation: ResolvedExplanation(), label: answer)
        }
        let queries = cases.indices.map { SimulationQuery(caseIndex: $0, target: .original, showsExplanation: false) }
        let answers = LinearSimulator().answers(queries, cases: cases, task: task)
        #expect(answers.map(\.label) == cases.map(\.label))
    }
}
