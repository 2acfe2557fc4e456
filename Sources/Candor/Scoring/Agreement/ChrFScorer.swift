/// chrF of the explanation text against the reference explanation text (Popović 2015), as sacrebleu's
/// sentence-level chrF with its defaults: character n-grams up to order 6, no word n-grams, β = 2, whitespace
/// removed; on sacrebleu's 0–100 scale. Per instance, then averaged. Scores `self`, `random` and `reference`
/// (itself: the ceiling). Higher is better.
public struct ChrFScorer: Scorer {
    public static let id = "chrf"
    public static let version = 2
    public static let family = ScorerFamily.agreement
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "chrF (β = 2, order 6) of the explanation text against the reference (sacrebleu)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["chrf"]

    public init() {}

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        guard let reference = item.instance.explanation else {
            return .notApplicable("the instance has no reference explanation")
        }
        guard let text = item.explanation.text else { return .notApplicable("the explanation has no text") }
        return .values([ChrF.sentence(hypothesis: text, reference: reference)])
    }

    /// Identical texts score 100; "ab" against "ac": character 1-grams match 1 of 2 each way (P = R = 1/2,
    /// F = 1/2); 2-grams "ab" vs "ac" match 0 (F = 0); higher orders have no n-grams and drop out of the
    /// average (sacrebleu's effective order), so chrF = 100 · (1/2 + 0) / 2 = 25.
    public static var examples: [ScorerExample] {
        let same = WorkedExampleSuite.review("fine", explanation: "A joy to watch.")
        let item = ScoringItem(instance: same, source: .self, prediction: Prediction(label: "positive"),
                               explanation: ResolvedExplanation(text: "A joy to watch."))
        var short = item
        short.instance.explanation = "ac"
        short.explanation = ResolvedExplanation(text: "ab")
        return [
            ScorerExample(name: "identical", item: item, context: WorkedExampleSuite.context, answers: [:],
                          expected: .values([100])),
            ScorerExample(name: "one of two characters", item: short, context: WorkedExampleSuite.context,
                          answers: [:], expected: .values([25])),
        ]
    }
}
