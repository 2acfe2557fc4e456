/// AUPRC of the explanation's weights against the reference rationale (DeYoung et al. 2020, ERASER's soft-token
/// score): per instance, the precision–recall curve of the unit weights with the rationale's units as positives,
/// its area by the trapezoid rule, averaged over instances. Needs weights: explanations without them are not
/// applicable. Scores `self`, `random` and `reference`
/// (itself: the ceiling). Higher is better.
public struct AUPRCScorer: Scorer {
    public static let id = "auprc"
    public static let version = 2
    public static let family = ScorerFamily.agreement
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "area under the precision–recall curve of token weights vs the rationale (ERASER)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["auprc"]

    public init() {}

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        let units = AgreementUnits(item.instance, task: context.task)
        guard let weights = units.weights(of: item.explanation, task: context.task) else {
            return .notApplicable("the explanation has no weights")
        }
        let reference = units.units(of: .reference(for: item.instance, task: context.task))
        let truth = (0..<units.count).map(reference.contains)
        guard let area = AUPRC.instance(weights: weights, rationale: truth) else {
            return .notApplicable("the reference rationale is empty")
        }
        return .values([area])
    }

    /// "great fun film", rationale {great}; weights (0.6, 0.3, 0.1) rank "great" first: the curve has
    /// (recall, precision) points (1, 1/3), (1, 1/2), (1, 1), (0, 1), whose trapezoid area is 1.
    /// Weights (0.1, 0.3, 0.6) rank it last: points (1, 1/3), (0, 0), (0, 0), (0, 1) → area (1 − 0)·(1/3 + 0)/2
    /// = 1/6.
    public static var examples: [ScorerExample] {
        let instance = WorkedExampleSuite.review("great fun film", rationale: [.span(field: "review", start: 0, end: 1)])
        let item = ScoringItem(instance: instance, source: .self, prediction: Prediction(label: "positive"),
                               explanation: ResolvedExplanation(weights: ["review": [0.6, 0.3, 0.1]]))
        var backwards = item
        backwards.explanation = ResolvedExplanation(weights: ["review": [0.1, 0.3, 0.6]])
        var unweighted = item
        unweighted.explanation = ResolvedExplanation(highlights: ["review": [0]])
        return [
            ScorerExample(name: "rationale ranked first", item: item, context: WorkedExampleSuite.context,
                          answers: [:], expected: .values([1])),
            ScorerExample(name: "rationale ranked last", item: backwards, context: WorkedExampleSuite.context,
                          answers: [:], expected: .values([1.0 / 6.0])),
            ScorerExample(name: "no weights", item: unweighted, context: WorkedExampleSuite.context, answers: [:],
                          expected: .notApplicable("the explanation has no weights")),
        ]
    }
}
