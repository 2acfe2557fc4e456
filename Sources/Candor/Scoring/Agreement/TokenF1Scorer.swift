/// Token F1 against the reference rationale (DeYoung et al. 2020, ERASER's token-level `instance_macro`): per
/// instance, P = |E ∩ R| / |E|, R = |E ∩ R| / |R| and F1 = 2PR / (P + R), where E are the explained units (tokens
/// and cited features) and R the reference rationale's; the score is the mean of the per-instance F1. The micro
/// F1 of the pooled counts is reported beside it. Scores `self`, `random`, and `reference` — which
/// agrees with itself perfectly: the ceiling that standardizes the other two. Higher is better.
public struct TokenF1Scorer: Scorer {
    public static let id = "token-f1"
    public static let version = 2
    public static let family = ScorerFamily.agreement
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "token F1 of the explained tokens against the reference rationale (ERASER macro)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["explained", "reference", "overlap"]

    public init() {}

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        let units = AgreementUnits(item.instance, task: context.task)
        let explained = units.units(of: item.explanation)
        let reference = units.units(of: .reference(for: item.instance, task: context.task))
        if explained.isEmpty && reference.isEmpty {
            return .notApplicable("neither the explanation nor the reference highlights anything")
        }
        let counts = TokenF1.Counts(predicted: explained, reference: reference)
        return .values([Double(counts.predicted), Double(counts.reference), Double(counts.overlap)])
    }

    static func counts(_ observations: [[Double]]) -> [TokenF1.Counts] {
        observations.map { TokenF1.Counts(predicted: Int($0[0]), reference: Int($0[1]), overlap: Int($0[2])) }
    }

    public func aggregate(_ observations: [[Double]]) -> Double? {
        TokenF1.macro(Self.counts(observations))?.f1
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        let micro = TokenF1.micro(Self.counts(observations))
        var details = ["micro-f1": micro.f1]
        if let macro = TokenF1.macro(Self.counts(observations)) {
            details["macro-precision"] = macro.precision
            details["macro-recall"] = macro.recall
        }
        return details
    }

    /// "a dull but moving film" with the reference rationale tokens 3–4 ("moving film") and the explanation
    /// highlighting tokens 1 and 3 ("dull", "moving"): overlap 1, P = 1/2, R = 1/2, F1 = 1/2.
    public static var examples: [ScorerExample] {
        let instance = WorkedExampleSuite.review("a dull but moving film",
                                                 rationale: [.span(field: "review", start: 3, end: 5)])
        let item = ScoringItem(instance: instance, source: .self, prediction: Prediction(label: "positive"),
                               explanation: ResolvedExplanation(highlights: ["review": [1, 3]]))
        var empty = item
        empty.instance.rationale = []
        empty.explanation = ResolvedExplanation()
        return [
            ScorerExample(name: "half right", item: item, context: WorkedExampleSuite.context, answers: [:],
                          expected: .values([2, 2, 1])),
            ScorerExample(name: "nothing on either side", item: empty, context: WorkedExampleSuite.context,
                          answers: [:],
                          expected: .notApplicable("neither the explanation nor the reference highlights anything")),
        ]
    }
}
