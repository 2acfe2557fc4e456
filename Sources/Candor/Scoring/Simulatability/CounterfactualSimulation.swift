import CandorProtocol

/// Counterfactual simulation (after Chen, Zhong, Zhang and others 2023, "Do models explain themselves?
/// Counterfactual simulatability of natural language explanations"): on counterfactuals of each instance, how much
/// better a simulator predicts the subject model's actual outputs when it sees the original explanation than when
/// it does not.
///
/// The counterfactuals of an instance are, first, the edits the faithfulness scorers already ask the model about:
/// the word insertions of ``CounterfactualMention`` (answered `explain` requests) and the erasures of
/// ``Comprehensiveness`` (the explained evidence, and with weights each AOPC bin; answered `predict` requests).
/// Insertions do not depend on the explanation being judged, erasures do. A table takes no word insertions, so
/// for each table field there is also one erasure per feature (the feature set to its baseline): the table's
/// counterfactuals that do not depend on the explanation, and the only new requests this scorer makes. Without
/// them a table's counterfactuals would all be chosen by the explanation under judgement, and one that points at
/// features that do not matter would be judged only on edits that never move the model (every reading of it then
/// looks right). Edits that give the same input are counted once, and an erasure of nothing is no counterfactual.
/// The simulator is told the original instance and ŷ, and predicts the model's label on each counterfactual with
/// and without the original explanation (the built-in one: cross-fitted on the original instances; with the
/// explanation it counts the explained evidence once more where it still stands, and its change from the original
/// once more too, so erasing explained evidence moves it away from ŷ). With precision the share of the
/// counterfactuals the simulator called (did not answer "cannot tell") on which it matched the model,
///
///     score = precision_with − precision_without
///     precision = Σ_i correct_i / Σ_i called_i        (micro, over all counterfactuals of all instances)
///
/// Both precisions and the share of counterfactuals called, with and without, are reported beside it. The score is
/// nil when either condition called nothing. Applies to every source. Higher is better.
public struct CounterfactualSimulation: SimulatingScorer {
    public static let id = "counterfactual-simulation"
    /// 2: the built-in simulator reads the change of the explained evidence, not only what is left of it.
    /// 3: one erasure per table feature among the counterfactuals.
    public static let version = 3
    public static let family = ScorerFamily.simulatability
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "precision gained by a simulator of the model's outputs on counterfactuals from seeing the explanation"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["counterfactuals", "called-with", "correct-with", "called-without",
                                          "correct-without"]

    public let simulator: any Simulator

    public init() {
        self.init(simulator: LinearSimulator())
    }

    public init(simulator: any Simulator) {
        self.simulator = simulator
    }

    /// Counterfactual-mention's insertions and comprehensiveness's erasures (the same requests, answered once for
    /// all three scorers), then one erasure per table feature.
    public func probes(for item: ScoringItem, context: ScoringContext) -> [Probe] {
        var probes: [Probe] = []
        if CounterfactualMention().inapplicability(model: context.model, suite: context.suite) == nil {
            probes += CounterfactualMention().probes(for: item, context: context)
        }
        probes += ErasureProbes.probes(for: item, context: context, mode: .erase)
        for field in context.task.inputs where field.type == .table {
            for feature in field.features {
                probes.append(ErasureProbes.probe("erase-feature-\(field.name).\(feature.name)",
                                                  Evidence(features: [field.name: [feature.name]]), item: item,
                                                  context: context, mode: .erase))
            }
        }
        return probes
    }

    /// The answered counterfactuals of an item: distinct edited inputs, each with the model's label on it.
    func counterfactuals(of item: ScoringItem, answers: ProbeAnswers,
                         context: ScoringContext) -> [(input: [String: FieldValue], label: String)] {
        var seen: Set<[String: FieldValue]> = [item.instance.input]
        var result: [(input: [String: FieldValue], label: String)] = []
        for probe in probes(for: item, context: context) {
            guard let input = probe.input, let label = answers[probe.name]?.label,
                  seen.insert(input).inserted else { continue }
            result.append((input, label))
        }
        return result
    }

    /// Counterfactual simulation needs every instance at once (its simulator is fitted across them).
    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        .notApplicable("counterfactual-simulation observes all instances of a suite together")
    }

    public func observeAll(_ items: [ScoringItem], answers: [ProbeAnswers],
                           context: ScoringContext) async -> [Observation] {
        let cases = items.map(SimulationCase.init)
        var queries: [SimulationQuery] = []
        var labels: [[String]] = []
        for (index, item) in items.enumerated() {
            let edits = counterfactuals(of: item, answers: answers[index], context: context)
            labels.append(edits.map(\.label))
            for edit in edits {
                queries.append(SimulationQuery(caseIndex: index, target: .counterfactual(edit.input),
                                               showsExplanation: true))
                queries.append(SimulationQuery(caseIndex: index, target: .counterfactual(edit.input),
                                               showsExplanation: false))
            }
        }
        let simulated = await simulator.simulate(queries, cases: cases, suite: context.suite)
        var cursor = 0
        return labels.map { actual in
            guard !actual.isEmpty else { return .notApplicable("no counterfactual of the instance was answered") }
            var tally = [Double(actual.count), 0, 0, 0, 0]
            for label in actual {
                for (offset, called) in [simulated[cursor], simulated[cursor + 1]].enumerated() {
                    guard let called else { continue }
                    tally[1 + 2 * offset] += 1
                    if called == label { tally[2 + 2 * offset] += 1 }
                }
                cursor += 2
            }
            return .values(tally)
        }
    }

    /// precision_with − precision_without; nil when either condition called no counterfactual.
    public func aggregate(_ observations: [[Double]]) -> Double? {
        guard let with = Aggregation.ratio(observations, numerator: 2, denominator: 1),
              let without = Aggregation.ratio(observations, numerator: 4, denominator: 3) else { return nil }
        return with - without
    }

    public func decisiveCount(_ observations: [[Double]]) -> Int {
        Int(observations.reduce(0) { $0 + $1[0] })
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        var details: [String: Double] = [:]
        details["precision-with"] = Aggregation.ratio(observations, numerator: 2, denominator: 1)
        details["precision-without"] = Aggregation.ratio(observations, numerator: 4, denominator: 3)
        details["called-with"] = Aggregation.ratio(observations, numerator: 1, denominator: 0)
        details["called-without"] = Aggregation.ratio(observations, numerator: 3, denominator: 0)
        details["counterfactuals"] = observations.reduce(0) { $0 + $1[0] }
        return details
    }

    /// The Las worked example's three reviews (example-1 in fold 0, its companions in folds 3 and 4, so the
    /// simulator answering for example-1 is fitted on "good" → positive and "bad" → negative alone, with a
    /// positive-minus-negative logit of β·(#good − #bad), β > 0; words it never saw weigh nothing).
    ///
    /// x = "good good bad bad bad", ŷ = positive, the explanation highlights both "good"s. The seeded insertions
    /// are insert-0 "good good superb bad bad bad", insert-1 and insert-3 both "good good awful bad bad bad"
    /// (one counterfactual, counted once) and insert-2 "good superb good bad bad bad"; the erasure is "bad bad bad".
    /// Each insertion adds a word the simulator never saw, so without the explanation it sees 2β − 3β = −β:
    /// negative; with it both "good"s count once more (2c − o = 2·2 − 2 = 2 more): 4β − 3β = β: positive. The
    /// erasure gives −3β without the explanation; with it the two erased "good"s count 2·0 − 2 = −2: −5β. Negative
    /// either way.
    ///
    /// Model's labels: "superb" insertions positive, the "awful" insertion negative, erasure negative.
    /// With the explanation: positive, positive, positive, negative → correct 1 + 0 + 1 + 1 = 3 of 4 called.
    /// Without it: negative ×4 → correct 0 + 1 + 0 + 1 = 2 of 4 called.
    /// Observation [4, 4, 3, 4, 2]; over this instance alone the score is 3/4 − 2/4 = 0.25.
    public static var examples: [ScorerExample] {
        let context = WorkedExampleSuite.context
        let companions = WorkedExampleSuite.simulationCompanions
        let subject = WorkedExampleSuite.item("good good bad bad bad", "positive", highlights: [0, 1])
        var answers: ProbeAnswers = ["erase": Response(id: "", label: "negative")]
        for (index, label) in ["positive", "negative", "positive", "negative"].enumerated() {
            answers["insert-\(index)"] = Response(id: "", label: label)
        }
        let unanswered = ScorerExample(name: "no counterfactual answered", item: subject, context: context,
                                       answers: [:],
                                       expected: .notApplicable("no counterfactual of the instance was answered"),
                                       companions: companions)
        return [ScorerExample(name: "the explanation names the deciding evidence", item: subject, context: context,
                              answers: answers, expected: .values([4, 4, 3, 4, 2]), companions: companions),
                unanswered]
    }
}
