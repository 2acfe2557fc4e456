import CandorProtocol

/// Comprehensiveness (DeYoung et al. 2020, ERASER): how much the model's confidence in its own prediction ŷ drops
/// when the explained evidence r is erased.
///
///     comprehensiveness = p(ŷ | x) − p(ŷ | x ∖ r)
///
/// ŷ is the model's own predicted label on x. When the explanation carries weights, the AOPC form is reported
/// too: with r_b the top ⌈b·n⌉ units by weight for the bins b ∈ {1, 5, 10, 20, 50} %,
/// AOPC = (1/5) Σ_b [p(ŷ | x) − p(ŷ | x ∖ r_b)] (no k = 0 term, as ERASER's code). Table features are erased by
/// replacing them with their train-split mean or mode. Without probabilities, p is the label-flip stand-in (1 for
/// ŷ, 0 otherwise). Higher is better.
public struct Comprehensiveness: Scorer {
    public static let id = "comprehensiveness"
    public static let version = 1
    public static let family = ScorerFamily.faithfulness
    public static let direction = ScoreDirection.higherIsBetter
    public static let summary = "p(ŷ|x) − p(ŷ|x∖r): confidence lost when the explained evidence is erased (ERASER)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["comprehensiveness", "aopc"]

    public init() {}

    public func probes(for item: ScoringItem, context: ScoringContext) -> [Probe] {
        ErasureProbes.probes(for: item, context: context, mode: .erase)
    }

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        ErasureProbes.observe(item, answers: answers, context: context, mode: .erase)
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        Aggregation.mean(observations, entry: 1).map { ["aopc": $0] } ?? [:]
    }

    public static var examples: [ScorerExample] { ErasureProbes.examples(mode: .erase) }
}

/// Sufficiency (DeYoung et al. 2020, ERASER): how much confidence in ŷ is lost when the model sees only the
/// explained evidence r.
///
///     sufficiency = p(ŷ | x) − p(ŷ | r)
///
/// With weights, AOPC = (1/5) Σ_b [p(ŷ | x) − p(ŷ | r_b)] over the bins b ∈ {1, 5, 10, 20, 50} %. Lower is better.
public struct Sufficiency: Scorer {
    public static let id = "sufficiency"
    public static let version = 1
    public static let family = ScorerFamily.faithfulness
    public static let direction = ScoreDirection.lowerIsBetter
    public static let summary = "p(ŷ|x) − p(ŷ|r): confidence lost when only the explained evidence is kept (ERASER)"
    public static let sources: [ExplanationSource] = [.self, .reference, .random]
    public static let observationNames = ["sufficiency", "aopc"]

    public init() {}

    public func probes(for item: ScoringItem, context: ScoringContext) -> [Probe] {
        ErasureProbes.probes(for: item, context: context, mode: .keep)
    }

    public func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
        ErasureProbes.observe(item, answers: answers, context: context, mode: .keep)
    }

    public func details(_ observations: [[Double]]) -> [String: Double] {
        Aggregation.mean(observations, entry: 1).map { ["aopc": $0] } ?? [:]
    }

    public static var examples: [ScorerExample] { ErasureProbes.examples(mode: .keep) }
}

/// The erasure and keep-only probes shared by comprehensiveness and sufficiency, so both read the same inputs.
enum ErasureProbes {
    enum Mode: String {
        case erase
        case keep
    }

    static func probes(for item: ScoringItem, context: ScoringContext, mode: Mode) -> [Probe] {
        var probes = [probe(mode.rawValue, Evidence(item.explanation), item: item, context: context, mode: mode)]
        if let ranked = Evidence.ranked(item.instance, task: context.task, by: item.explanation) {
            for bin in Evidence.aopcBins {
                let top = Evidence(units: ranked.prefix(Evidence.size(ofBin: bin, count: ranked.count)))
                probes.append(probe("\(mode.rawValue)-\(bin)", top, item: item, context: context, mode: mode))
            }
        }
        return probes
    }

    static func probe(_ name: String, _ evidence: Evidence, item: ScoringItem, context: ScoringContext,
                      mode: Mode) -> Probe {
        let input = mode == .erase
            ? evidence.erased(from: item.instance.input, baseline: context.baseline)
            : evidence.kept(in: item.instance.input, baseline: context.baseline)
        return Probe(name: name, op: .predict, input: input)
    }

    static func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext,
                        mode: Mode) -> Observation {
        guard let answer = Prediction(answers[mode.rawValue]) else {
            return .notApplicable("the \(mode.rawValue) probe was not answered")
        }
        let label = item.prediction.label
        let full = item.prediction.probability(of: label)
        let hard = full - answer.probability(of: label)
        var aopc = Double.nan
        if Evidence.ranked(item.instance, task: context.task, by: item.explanation) != nil {
            let drops = Evidence.aopcBins.compactMap { bin in
                Prediction(answers["\(mode.rawValue)-\(bin)"]).map { full - $0.probability(of: label) }
            }
            if drops.count == Evidence.aopcBins.count {
                aopc = drops.reduce(0, +) / Double(drops.count)
            }
        }
        return .values([hard, aopc])
    }

    /// The three-token case: "great fun film", ŷ = positive with p = 0.9, highlights {great}, weights
    /// (0.6, 0.3, 0.1). With n = 3 the bins take ⌈1 %·3⌉ = ⌈5 %·3⌉ = ⌈10 %·3⌉ = ⌈20 %·3⌉ = 1 unit and ⌈50 %·3⌉ = 2.
    static func examples(mode: Mode) -> [ScorerExample] {
        let instance = WorkedExampleSuite.review("great fun film")
        let explanation = ResolvedExplanation(highlights: ["review": [0]], weights: ["review": [0.6, 0.3, 0.1]])
        let item = ScoringItem(instance: instance, source: .self,
                               prediction: Prediction(label: "positive",
                                                      probabilities: ["negative": 0.1, "positive": 0.9]),
                               explanation: explanation)
        let answer = { (positive: Double) in WorkedExampleSuite.answer(positive: positive) }
        switch mode {
        case .erase:
            // x∖{great} = "fun film": p = 0.4 → 0.9 − 0.4 = 0.5 (bins 1–20 % erase the same token).
            // x∖{great, fun} = "film": p = 0.2 → 0.9 − 0.2 = 0.7.
            // AOPC = (0.5 + 0.5 + 0.5 + 0.5 + 0.7) / 5 = 2.7 / 5 = 0.54.
            var answers: ProbeAnswers = ["erase": answer(0.4), "erase-50": answer(0.2)]
            for bin in [1, 5, 10, 20] { answers["erase-\(bin)"] = answer(0.4) }
            let unanswered = ScorerExample(name: "no answer to the erasure", item: item,
                                           context: WorkedExampleSuite.context, answers: [:],
                                           expected: .notApplicable("the erase probe was not answered"))
            return [ScorerExample(name: "three tokens", item: item, context: WorkedExampleSuite.context,
                                  answers: answers, expected: .values([0.5, 0.54])), unanswered]
        case .keep:
            // r = "great": p = 0.8 → 0.9 − 0.8 = 0.1 (bins 1–20 % keep the same token).
            // r_50 = "great fun": p = 0.85 → 0.9 − 0.85 = 0.05.
            // AOPC = (0.1 · 4 + 0.05) / 5 = 0.45 / 5 = 0.09.
            var answers: ProbeAnswers = ["keep": answer(0.8), "keep-50": answer(0.85)]
            for bin in [1, 5, 10, 20] { answers["keep-\(bin)"] = answer(0.8) }
            // Without probabilities (label flip): keeping "great" still predicts positive → 1 − 1 = 0.
            var flipItem = item
            flipItem.prediction = Prediction(label: "positive")
            flipItem.explanation.weights = [:]
            let flip = ScorerExample(
                name: "label flip without probabilities", item: flipItem, context: WorkedExampleSuite.context,
                answers: ["keep": Response(id: "", label: "positive")], expected: .values([0, .nan]))
            return [ScorerExample(name: "three tokens", item: item, context: WorkedExampleSuite.context,
                                  answers: answers, expected: .values([0.1, 0.09])), flip]
        }
    }
}
