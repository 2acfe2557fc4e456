/// Span IOU F1 (DeYoung et al. 2020, ERASER's `partial_match_score`): the explanation's spans (runs of consecutive
/// explained units within a field) are matched to the reference rationale's spans when their intersection over
/// union is at least 0.5; per instance P = matched predicted spans / predicted spans and R = matched reference
/// spans / reference spans. The score is the macro F1 (F1 of the averaged P and R, as ERASER); the micro F1 is
/// reported beside it. Scores `self`, `random` and `reference`
/// (itself: the ceiling). Higher is better.
public struct IOUF1Scorer: Scorer {
    public static let id = "iou-f1"
    public static let version = 2
    public static let family = ScorerFamily.agreement
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "span F1 with IOU ≥ 0.5 matching against the reference rationale (ERASER)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["matched", "predicted", "reference"]

    public init() {}

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        let units = AgreementUnits(item.instance, task: context.task)
        let reference = units.spans(of: .reference(for: item.instance, task: context.task))
        let predicted = units.spans(of: item.explanation)
        if reference.isEmpty && predicted.isEmpty {
            return .notApplicable("neither the explanation nor the reference highlights anything")
        }
        let counts = IOUF1.counts(predicted: predicted, reference: reference)
        return .values([Double(counts.matched), Double(counts.predicted), Double(counts.reference)])
    }

    static func counts(_ observations: [[Double]]) -> [IOUF1.Counts] {
        observations.map { IOUF1.Counts(matched: Int($0[0]), predicted: Int($0[1]), reference: Int($0[2])) }
    }

    public func aggregate(_ observations: [[Double]]) -> Double? {
        observations.isEmpty ? nil : IOUF1.macro(Self.counts(observations)).f1
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        observations.isEmpty ? [:] : ["micro-f1": IOUF1.micro(Self.counts(observations)).f1]
    }

    /// "a dull but moving film": reference span [3, 5); the explanation highlights {1, 3, 4}, i.e. spans [1, 2)
    /// and [3, 5). [3, 5) matches exactly (IOU 1); [1, 2) matches nothing. matched 1, predicted 2, reference 1.
    public static var examples: [ScorerExample] {
        let instance = WorkedExampleSuite.review("a dull but moving film",
                                                 rationale: [.span(field: "review", start: 3, end: 5)])
        let item = ScoringItem(instance: instance, source: .self, prediction: Prediction(label: "positive"),
                               explanation: ResolvedExplanation(highlights: ["review": [1, 3, 4]]))
        var partial = item
        // {2, 3}: span [2, 4) against [3, 5): IOU = 1 / 3 < 0.5, no match.
        partial.explanation = ResolvedExplanation(highlights: ["review": [2, 3]])
        return [
            ScorerExample(name: "one exact match", item: item, context: WorkedExampleSuite.context, answers: [:],
                          expected: .values([1, 2, 1])),
            ScorerExample(name: "overlap below one half", item: partial, context: WorkedExampleSuite.context,
                          answers: [:], expected: .values([0, 1, 1])),
        ]
    }
}
