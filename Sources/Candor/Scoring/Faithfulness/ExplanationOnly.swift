import CandorProtocol

/// Explanation-only self-consistency (cf. Madsen et al. 2024, "Are self-explanations from large language models
/// faithful?"): the model predicts from the explanation alone (`predict-from-explanation`), and the observation is
/// whether that agrees with its prediction ŷ on the full input.
///
///     score = (1/n) Σ_i [ label(e_i) = ŷ_i ]
///
/// The explanation travels as its text plus its highlighted tokens as quotes, never with the input — except the
/// answer options of a multiple-choice task, without which a label (a letter) could not be named. Applies to
/// every source (the reference explanation and another instance's explanation are judged by the same model).
/// Higher is better.
public struct ExplanationOnly: Scorer {
    public static let id = "explanation-only"
    public static let version = 1
    public static let family = ScorerFamily.faithfulness
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "agreement of the prediction from the explanation alone with ŷ"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["agrees"]

    public init() {}

    public func inapplicability(model: ModelDescriptor, suite: Suite) -> String? {
        model.has(.predictFromExplanation) ? nil : "the model does not declare predict-from-explanation"
    }

    static func explanation(of item: ScoringItem) -> WireExplanation? {
        let quotes = item.explanation.quotes(in: item.instance)
        let text = item.explanation.text.flatMap { $0.isEmpty ? nil : $0 }
        if text == nil && quotes.isEmpty { return nil }
        return WireExplanation(text: text, highlights: quotes.isEmpty ? nil : quotes)
    }

    public func probes(for item: ScoringItem, context: ScoringContext) -> [Probe] {
        guard let explanation = Self.explanation(of: item) else { return [] }
        let choices = item.instance.input.filter { name, _ in context.task.field(named: name)?.type == .choices }
        return [Probe(name: "explanation-only", op: .predictFromExplanation, input: choices.isEmpty ? nil : choices,
                      explanation: explanation)]
    }

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        guard Self.explanation(of: item) != nil else { return .notApplicable("the explanation is empty") }
        guard let label = answers["explanation-only"]?.label else {
            return .notApplicable("the explanation-only probe was not answered")
        }
        return .values([label == item.prediction.label ? 1 : 0])
    }

    public static var examples: [ScorerExample] {
        let instance = WorkedExampleSuite.review("a superb cast")
        let item = ScoringItem(instance: instance, source: .self,
                               prediction: Prediction(label: "positive"),
                               explanation: ResolvedExplanation(highlights: ["review": [1]], text: "It is superb."))
        let context = WorkedExampleSuite.context
        var empty = item
        empty.explanation = ResolvedExplanation()
        return [
            ScorerExample(name: "agrees", item: item, context: context,
                          answers: ["explanation-only": Response(id: "", label: "positive")], expected: .values([1])),
            ScorerExample(name: "disagrees", item: item, context: context,
                          answers: ["explanation-only": Response(id: "", label: "negative")], expected: .values([0])),
            ScorerExample(name: "empty explanation", item: empty, context: context, answers: [:],
                          expected: .notApplicable("the explanation is empty")),
        ]
    }
}
