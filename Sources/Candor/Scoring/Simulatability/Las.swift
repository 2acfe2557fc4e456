import CandorProtocol

/// Leakage-adjusted simulatability (Hase, Zhang, Xie and Bansal 2020, "Leakage-adjusted simulatability: can
/// models generate non-trivial explanations of their behavior in natural language?").
///
/// A simulator predicts the subject model's own label ŷ_i three ways: from the input and the explanation (x, e),
/// from the input alone (x) and from the explanation alone (e). With L = {i : sim(e_i) = ŷ_i} the instances whose
/// explanation alone gives the label away (leakage),
///
///     LAS = ½ [ (acc_xe − acc_x) over L  +  (acc_xe − acc_x) over ¬L ]
///
/// so an explanation earns credit for helping on the instances where it leaks *and* where it does not, equally
/// weighted, rather than for leaking alone. When L or ¬L is empty, LAS is not defined (nil: "not applicable" for
/// that bootstrap resample), never 0. A "cannot tell" counts as a wrong prediction. Also reported: acc_xe, acc_x,
/// acc_e and the leaked share |L|/n.
///
/// The observation of instance i is [correct_xe, correct_x, correct_e] (1 or 0), and ``aggregate(_:)`` computes
/// LAS from them, so the bootstrap resamples instances and recomputes the split. With the built-in simulator
/// (``LinearSimulator``) every instance is predicted by a simulator cross-fitted without it; it reads an
/// explanation with one fixed meaning (the explained terms count once more) instead of training a separate
/// explanation model as Hase et al. do, for the reason given there. Applies to every source; the labels are always
/// the subject's ŷ. Higher is better.
public struct Las: SimulatingScorer {
    public static let id = "las"
    public static let version = 1
    public static let family = ScorerFamily.simulatability
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "leakage-adjusted simulatability: how much the explanation helps a simulator predict ŷ"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["xe-correct", "x-correct", "e-correct"]

    public let simulator: any Simulator

    public init() {
        self.init(simulator: LinearSimulator())
    }

    public init(simulator: any Simulator) {
        self.simulator = simulator
    }

    /// LAS needs every instance at once (its simulator is fitted across them); one item alone is not observed.
    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        .notApplicable("las observes all instances of a suite together")
    }

    public func observeAll(_ items: [ScoringItem], answers: [ProbeAnswers],
                           context: ScoringContext) async -> [Observation] {
        let cases = items.map(SimulationCase.init)
        var queries: [SimulationQuery] = []
        for index in items.indices {
            queries.append(SimulationQuery(caseIndex: index, target: .original, showsExplanation: true))
            queries.append(SimulationQuery(caseIndex: index, target: .original, showsExplanation: false))
            queries.append(SimulationQuery(caseIndex: index, target: .explanationOnly, showsExplanation: true))
        }
        let labels = await simulator.simulate(queries, cases: cases, suite: context.suite)
        return items.indices.map { index in
            let truth = items[index].prediction.label
            return .values((0..<3).map { labels[3 * index + $0] == truth ? 1 : 0 })
        }
    }

    /// LAS over the observations; nil when there are none, or when L or ¬L is empty.
    public func aggregate(_ observations: [[Double]]) -> Double? {
        let leaked = observations.filter { $0[2] == 1 }
        let unleaked = observations.filter { $0[2] != 1 }
        guard let inL = Self.gain(leaked), let outL = Self.gain(unleaked) else { return nil }
        return (inL + outL) / 2
    }

    /// acc_xe − acc_x over `group`, nil when it is empty.
    static func gain(_ group: [[Double]]) -> Double? {
        guard let xe = Aggregation.mean(group, entry: 0), let x = Aggregation.mean(group, entry: 1) else { return nil }
        return xe - x
    }

    public func undefinedReason(_ observations: [[Double]]) -> String? {
        guard !observations.isEmpty else { return nil }
        let leaked = observations.filter { $0[2] == 1 }.count
        if leaked == observations.count {
            return "¬L is empty: the explanation alone gives ŷ on all \(leaked) instances"
        }
        if leaked == 0 {
            return "L is empty: the explanation alone gives ŷ on none of \(observations.count) instances"
        }
        return nil
    }

    /// LAS rests on both groups, so it is as decisive as the smaller of L and ¬L: min(|L|, |¬L|).
    public func decisiveCount(_ observations: [[Double]]) -> Int {
        let leaked = observations.filter { $0[2] == 1 }.count
        return min(leaked, observations.count - leaked)
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        var details: [String: Double] = [:]
        details["acc-xe"] = Aggregation.mean(observations, entry: 0)
        details["acc-x"] = Aggregation.mean(observations, entry: 1)
        details["acc-e"] = Aggregation.mean(observations, entry: 2)
        // |L|/n equals acc_e by the definition of L; reported under its own name for readers of the split.
        details["leaked"] = Aggregation.mean(observations, entry: 2)
        return details
    }

    /// Three reviews of the worked-example suite, in three different folds of the built-in simulator
    /// (fold(example-1) = 0, fold(example-2) = 3, fold(example-3) = 4), so the simulator that answers for
    /// example-1 is fitted on the other two alone: "good" → positive and "bad" → negative. That fit is symmetric
    /// (swap good ↔ bad and positive ↔ negative), so its positive-minus-negative logit is β·(#good − #bad) for some
    /// β > 0, and the explained words count once more in x + e and alone in e.
    public static var examples: [ScorerExample] {
        let context = WorkedExampleSuite.context
        let companions = WorkedExampleSuite.simulationCompanions
        return [
            // "good good bad bad bad", ŷ = positive, highlights both "good"s.
            // x:     2β − 3β = −β → negative ≠ ŷ: 0.
            // x + e: (2 + 2)β − 3β = β → positive: 1.
            // e:     2β → positive: 1 (the explanation leaks ŷ).
            ScorerExample(name: "explanation points at the deciding evidence",
                          item: WorkedExampleSuite.item("good good bad bad bad", "positive", highlights: [0, 1]),
                          context: context, answers: [:], expected: .values([1, 0, 1]), companions: companions),
            // "good good good bad bad", ŷ = positive, highlights the first "bad".
            // x:     3β − 2β = β → positive: 1.
            // x + e: 3β − (2 + 2)β = −β → negative: 0 (every "bad" counts once more).
            // e:     −2β → negative: 0.
            ScorerExample(name: "explanation points at evidence against the label",
                          item: WorkedExampleSuite.item("good good good bad bad", "positive", highlights: [3]),
                          context: context, answers: [:], expected: .values([0, 1, 0]), companions: companions),
            // "good", ŷ = positive, no explanation: x and x + e give β → positive (1, 1); e shows nothing the
            // simulator knows, so it cannot tell: 0.
            ScorerExample(name: "empty explanation", item: WorkedExampleSuite.item("good", "positive"),
                          context: context, answers: [:], expected: .values([1, 1, 0]), companions: companions),
        ]
    }
}
