/// ROUGE-L F1 of the explanation text against the reference explanation text (Lin 2004), computed as Google's
/// rouge-score package's `rougeL` does by default: lower-cased, every run of characters other than a–z and 0–9 a
/// separator, no stemming; F1 = 2PR / (P + R) with P = LCS / |candidate| and R = LCS / |reference|. Per instance,
/// then averaged. Scores `self`, `random` (another instance's reference text) and
/// `reference` (itself: the ceiling). Higher is better.
public struct RougeLScorer: Scorer {
    public static let id = "rouge-l"
    public static let version = 2
    public static let family = ScorerFamily.agreement
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "ROUGE-L F1 of the explanation text against the reference text (rouge-score)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["f1"]

    public init() {}

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        guard let reference = item.instance.explanation else {
            return .notApplicable("the instance has no reference explanation")
        }
        guard let text = item.explanation.text else { return .notApplicable("the explanation has no text") }
        return .values([RougeL.score(candidate: text, reference: reference).f1])
    }

    /// Candidate "the film is a joy" vs reference "a joy to watch": tokens 5 and 4, LCS "a joy" = 2,
    /// P = 2/5, R = 2/4, F1 = 2 · (2/5) · (1/2) / (2/5 + 1/2) = (2/5) / (9/10) = 4/9.
    public static var examples: [ScorerExample] {
        let instance = WorkedExampleSuite.review("fine", explanation: "A joy to watch.")
        let item = ScoringItem(instance: instance, source: .self, prediction: Prediction(label: "positive"),
                               explanation: ResolvedExplanation(text: "The film is a joy"))
        var silent = item
        silent.explanation = ResolvedExplanation()
        return [
            ScorerExample(name: "two of five words in order", item: item, context: WorkedExampleSuite.context,
                          answers: [:], expected: .values([4.0 / 9.0])),
            ScorerExample(name: "no text", item: silent, context: WorkedExampleSuite.context, answers: [:],
                          expected: .notApplicable("the explanation has no text")),
        ]
    }
}
