import Foundation

/// The fitted part of the reference model: its featurizer and weights, and how it scores and attributes.
///
/// Classification tasks use ``LogisticRegression`` over the featurizer's columns; multiple choice uses a
/// ``ConditionalLogit`` that scores each choice's row. Either way the score of a label is a sum of
/// `value × weight` over feature occurrences, so the margin of the predicted label over the runner-up splits
/// exactly into one contribution per slot (token or table feature) plus an offset that belongs to no slot
/// (the intercept difference; in multiple choice, the choice-position features and the choices' own tokens):
///
///     logit(ŷ) − logit(runner-up) = Σ_slots contribution(slot) + offset
struct ReferenceClassifier: Sendable {
    enum Weights: Sendable {
        case multinomial(LogisticRegression)
        case conditional(ConditionalLogit)
    }

    /// An input scored and attributed.
    struct Scored: Sendable {
        /// One logit per label.
        var logits: [Double]
        /// One probability per label.
        var probabilities: [Double]
        /// The index of the predicted label (the lowest index on a tie).
        var predicted: Int
        /// The index of the label with the next highest logit (the predicted one when there is only one label).
        var runnerUp: Int
        /// Every slot of the input, in field and position order, with its contribution to the margin.
        var slots: [ReferenceFeaturizer.Slot]
        var contributions: [Double]
        /// The part of the margin that belongs to no slot.
        var offset: Double
    }

    var featurizer: ReferenceFeaturizer
    var weights: Weights

    var task: TaskSpec { featurizer.task }

    /// Fits the classifier on `instances` (the training split).
    /// - Throws: ``ReferenceModelError`` naming the instance whose label is outside the task's labels or whose
    ///   input does not fit the task; ``LinearAlgebraError`` if the fit itself fails.
    /// The trailing parameters are tuning knobs for experiments; the defaults are the reference model's.
    static func train(task: TaskSpec, instances: [Instance], l2 override: Double? = nil,
                      choiceFeatureLimit: Int = ReferenceFeaturizer.choiceFeatureLimit,
                      gradientTolerance: Double = 1e-5) throws -> ReferenceClassifier {
        guard !instances.isEmpty else { throw ReferenceModelError("the train split has no instances") }
        var inputs: [ReferenceInput] = []
        var labels: [Int] = []
        for instance in instances {
            guard let label = task.labels.firstIndex(of: instance.label) else {
                let labels = task.labels.joined(separator: ", ")
                throw ReferenceModelError(
                    "instance \(instance.id): label '\(instance.label)' is not one of \(labels)")
            }
            do {
                inputs.append(try ReferenceInput(instance: instance, task: task))
            } catch let error as ReferenceModelError {
                throw ReferenceModelError("instance \(instance.id): \(error.message)")
            }
            labels.append(label)
        }
        var featurizer = ReferenceFeaturizer(task: task)
        // On the mean loss. Weak, because the features are few and mostly informative: on the shipped suites
        // 1e-4 generalises as well as or better than 1/n ≈ 4e-4 and far better than 2e-3. The tolerances stop
        // where test predictions no longer change: gradient 1e-5 against 1e-6, and a relative decrease of 1e-6
        // per step against 1e-13, give the same accuracy in about half the iterations.
        let l2 = override ?? 1e-4
        let optimizer = LBFGS(maxIterations: 400, gradientTolerance: gradientTolerance,
                              relativeDecreaseTolerance: 1e-6)
        if task.kind == .multipleChoice {
            guard featurizer.choicesField != nil else {
                throw ReferenceModelError("a multiple-choice task needs a field of type choices")
            }
            let named = inputs.map(featurizer.namedCandidates(of:))
            featurizer.learnVocabulary(candidates: named, chosen: labels, limit: choiceFeatureLimit)
            let counts = named.map(\.count)
            let design = try SparseMatrix(columns: featurizer.featureCount,
                                          rows: named.flatMap { $0.map(featurizer.entries) })
            let model = try ConditionalLogit.fit(candidates: design, choiceCounts: counts, chosen: labels, l2: l2,
                                                 optimizer: optimizer)
            return ReferenceClassifier(featurizer: featurizer, weights: .conditional(model))
        }
        featurizer.learnTableStatistics(from: inputs)
        let named = inputs.map { featurizer.namedOccurrences(of: $0) }
        featurizer.learnVocabulary(classification: named)
        let design = try SparseMatrix(columns: featurizer.featureCount, rows: named.map(featurizer.entries))
        let model = try LogisticRegression.fit(features: design, labels: labels, classCount: task.labels.count,
                                               l2: l2, optimizer: optimizer)
        return ReferenceClassifier(featurizer: featurizer, weights: .multinomial(model))
    }

    /// Scores `input` and attributes the margin of the predicted label over the runner-up to its slots.
    /// - Parameter pairFeatures: whether to form the overlap/novel features of a two-field task (not when every
    ///   field holds the same stand-in tokens, as in `predict-from-explanation`).
    func score(_ input: ReferenceInput, pairFeatures: Bool = true) -> Scored {
        switch weights {
        case .multinomial(let model):
            let occurrences = featurizer.occurrences(featurizer.namedOccurrences(of: input, pairFeatures: pairFeatures))
            let k = model.classCount
            var logits = model.intercepts
            for occurrence in occurrences {
                for c in 0..<k { logits[c] += occurrence.value * model.weights[occurrence.feature, c] }
            }
            let (predicted, runnerUp) = Self.topTwo(logits)
            var contributions: [ReferenceFeaturizer.Slot: Double] = [:]
            for occurrence in occurrences {
                guard let slot = occurrence.slot else { continue }
                let difference = model.weights[occurrence.feature, predicted]
                    - model.weights[occurrence.feature, runnerUp]
                contributions[slot, default: 0] += occurrence.value * difference
            }
            let offset = model.intercepts[predicted] - model.intercepts[runnerUp]
            return scored(input: input, logits: logits, predicted: predicted, runnerUp: runnerUp,
                          contributions: contributions, offset: offset)
        case .conditional(let model):
            let candidates = featurizer.namedCandidates(of: input).map(featurizer.occurrences)
            let logits = candidates.map { occurrences in
                occurrences.reduce(0) { $0 + $1.value * model.weights[$1.feature] }
            }
            let (predicted, runnerUp) = Self.topTwo(logits)
            var contributions: [ReferenceFeaturizer.Slot: Double] = [:]
            var offset = 0.0
            for (index, sign) in [(predicted, 1.0), (runnerUp, -1.0)] where !candidates.isEmpty {
                for occurrence in candidates[index] {
                    let amount = sign * occurrence.value * model.weights[occurrence.feature]
                    if let slot = occurrence.slot {
                        contributions[slot, default: 0] += amount
                    } else {
                        offset += amount
                    }
                }
            }
            if predicted == runnerUp { contributions = [:]; offset = 0 }
            return scored(input: input, logits: logits, predicted: predicted, runnerUp: runnerUp,
                          contributions: contributions, offset: offset)
        }
    }

    private func scored(input: ReferenceInput, logits: [Double], predicted: Int, runnerUp: Int,
                        contributions: [ReferenceFeaturizer.Slot: Double], offset: Double) -> Scored {
        let slots = self.slots(of: input)
        let listed = Set(slots)
        let unlisted = contributions.filter { !listed.contains($0.key) }.values.reduce(0, +)
        return Scored(logits: logits, probabilities: Softmax.softmax(logits), predicted: predicted,
                      runnerUp: runnerUp, slots: slots, contributions: slots.map { contributions[$0] ?? 0 },
                      offset: offset + unlisted)
    }

    /// Every slot of `input` that an explanation can point at: each token of a text or text-list field and each
    /// declared feature of a table field, in field and position order.
    ///
    /// The tokens of a choices field are left out: a choice's own words are what is being chosen, not evidence
    /// for choosing it, and a probe cannot erase part of a choice. Their share of the margin goes to the offset.
    func slots(of input: ReferenceInput) -> [ReferenceFeaturizer.Slot] {
        var result: [ReferenceFeaturizer.Slot] = []
        for f in task.inputs.indices where task.inputs[f].type != .choices {
            let count: Int
            switch input.fields[f] {
            case .tokens(let tokens, _): count = tokens.count
            case .table: count = task.inputs[f].features.count
            }
            for position in 0..<count { result.append(ReferenceFeaturizer.Slot(field: f, position: position)) }
        }
        return result
    }

    /// The indices of the largest and second-largest entries, lowest index first on ties.
    static func topTwo(_ values: [Double]) -> (Int, Int) {
        guard !values.isEmpty else { return (0, 0) }
        var best = 0
        for i in values.indices where values[i] > values[best] { best = i }
        var second = best == 0 ? (values.count > 1 ? 1 : 0) : 0
        for i in values.indices where i != best && values[i] > values[second] { second = i }
        return (best, second)
    }
}
