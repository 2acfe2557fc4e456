import CandorProtocol

/// Counterfactual mention (after Atanasova et al. 2023, "Faithfulness tests for natural language explanations"):
/// insert a word from the suite's lexicon at seeded positions; among the insertions that change the prediction,
/// the share whose new explanation mentions the inserted word.
///
///     score = Σ_i mentioned_i / Σ_i flipped_i
///
/// over all instances i (a micro average), where flipped_i counts insertions into instance i whose predicted label
/// differs from ŷ_i and mentioned_i those of them whose explanation highlights the inserted token or names the word
/// in its text. Each instance gets ``insertionsPerInstance`` insertions (word, field and position seeded by the
/// instance id). Scores the model's own explanations only. Higher is better.
public struct CounterfactualMention: Scorer {
    public static let id = "counterfactual-mention"
    public static let version = 1
    public static let family = ScorerFamily.faithfulness
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "share of prediction-changing word insertions that the new explanation mentions"
    public static let sources: [ExplanationSource] = [.self]
    public static let observationNames = ["flipped", "mentioned", "answered"]
    /// How many insertion probes each instance gets.
    public static let insertionsPerInstance = 4

    public init() {}

    public func inapplicability(model: ModelDescriptor, suite: Suite) -> String? {
        if suite.probes.insertionWords.isEmpty { return "the suite has no insertion words" }
        if !suite.task.inputs.contains(where: { $0.type == .text || $0.type == .textList }) {
            return "the suite has no text field to insert into"
        }
        return nil
    }

    /// One seeded insertion.
    struct Insertion {
        var name: String
        var word: String
        var field: String
        var position: Int
        var input: [String: FieldValue]
    }

    static func insertions(for instance: Instance, suite: Suite) -> [Insertion] {
        let fields = suite.task.inputs.filter { $0.type == .text || $0.type == .textList }.map(\.name)
        let words = suite.probes.insertionWords
        guard !fields.isEmpty, !words.isEmpty else { return [] }
        var random = SeededGenerator(seed: StableHash.of(instance.id, "insertion"))
        return (0..<insertionsPerInstance).map { index in
            let field = fields[random.index(below: fields.count)]
            let count = instance.input[field]?.tokens.count ?? 0
            let position = random.index(below: count + 1)
            let word = words[random.index(below: words.count)]
            return Insertion(name: "insert-\(index)", word: word, field: field, position: position,
                             input: InputEdit.inserting(word, at: position, in: field, of: instance.input))
        }
    }

    public func probes(for item: ScoringItem, context: ScoringContext) -> [Probe] {
        Self.insertions(for: item.instance, suite: context.suite).map {
            Probe(name: $0.name, op: .explain, input: $0.input)
        }
    }

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        var flipped = 0.0
        var mentioned = 0.0
        var answered = 0.0
        for insertion in Self.insertions(for: item.instance, suite: context.suite) {
            guard let answer = answers[insertion.name], let label = answer.label else { continue }
            answered += 1
            guard label != item.prediction.label else { continue }
            flipped += 1
            var edited = item.instance
            edited.input = insertion.input
            let explanation = ResolvedExplanation(answer.explanation, of: edited, task: context.task)
            let highlighted = explanation.highlights[insertion.field]?.contains(insertion.position) ?? false
            let wordTokens = Set(Tokenizer.tokenize(insertion.word.lowercased()))
            let named = Tokenizer.tokenize(explanation.text?.lowercased() ?? "").contains(where: wordTokens.contains)
            if highlighted || named { mentioned += 1 }
        }
        if answered == 0 { return .notApplicable("no insertion probe was answered") }
        return .values([flipped, mentioned, answered])
    }

    public func aggregate(_ observations: [[Double]]) -> Double? {
        Aggregation.ratio(observations, numerator: 1, denominator: 0)
    }

    public func decisiveCount(_ observations: [[Double]]) -> Int {
        Int(observations.reduce(0) { $0 + $1[0] })
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        var details: [String: Double] = [:]
        details["flips"] = observations.reduce(0) { $0 + $1[0] }
        details["flip-rate"] = Aggregation.ratio(observations, numerator: 0, denominator: 2)
        return details
    }

    /// "good plot" with ŷ = positive; the four seeded insertions are answered by hand-made explanations.
    public static var examples: [ScorerExample] {
        let instance = WorkedExampleSuite.review("good plot")
        let item = ScoringItem(instance: instance, source: .self,
                               prediction: Prediction(label: "positive",
                                                      probabilities: ["negative": 0.2, "positive": 0.8]),
                               explanation: ResolvedExplanation(highlights: ["review": [0]]))
        let insertions = Self.insertions(for: instance, suite: WorkedExampleSuite.sentiment)
        var answers: ProbeAnswers = [:]
        // Insertion 0 flips the label and the explanation highlights the inserted token: flipped, mentioned.
        // Insertion 1 flips the label and the explanation names the word in its text: flipped, mentioned.
        // Insertion 2 flips the label but the explanation highlights another token: flipped, not mentioned.
        // Insertion 3 keeps the label: not flipped.
        // Observation: flipped 3, mentioned 2, answered 4; the score over this one instance is 2 / 3.
        let other = { (position: Int) in position == 0 ? 1 : 0 }
        answers[insertions[0].name] = WorkedExampleSuite.answer(
            positive: 0.1, explanation: WireExplanation(highlights: [
                Highlight(field: "review", tokens: [insertions[0].position])]))
        answers[insertions[1].name] = WorkedExampleSuite.answer(
            positive: 0.1, explanation: WireExplanation(text: "Because of \"\(insertions[1].word)\"."))
        answers[insertions[2].name] = WorkedExampleSuite.answer(
            positive: 0.1, explanation: WireExplanation(highlights: [
                Highlight(field: "review", tokens: [other(insertions[2].position)])]))
        answers[insertions[3].name] = WorkedExampleSuite.answer(positive: 0.9)
        return [ScorerExample(name: "three flips, two mentioned", item: item, context: WorkedExampleSuite.context,
                              answers: answers, expected: .values([3, 2, 4]))]
    }
}
