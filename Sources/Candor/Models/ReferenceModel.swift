import CandorProtocol
import Foundation

/// The built-in self-explaining model: faithful by construction, and the baseline every suite is scored against.
///
/// It is a linear model over transparent features (see ``ReferenceFeaturizer``): L2 multinomial logistic
/// regression for classification, a conditional logit over the choices for multiple choice, both fitted by
/// L-BFGS on the suite's `train` split. Because every logit is a sum of per-token (or per-feature) terms, its
/// explanation can say exactly what drove each prediction; the explainer ``Variant``s then break that on purpose,
/// so that scorers can be checked against explanations of known quality (DESIGN §6, meta-evaluation).
///
/// Operations: `explain` (label, probabilities, explanation), `predict` (label, probabilities) and
/// `predict-from-explanation` (the label its own weights give from what the explanation mentions; the rules are
/// in `ReferenceModel+PredictFromExplanation.swift`). `simulate` and `hello` are
/// answered with an error response; so are requests for another suite or task, unknown fields and malformed
/// inputs. No request ever crashes the model.
public struct ReferenceModel: ExplainingModel {
    /// How the model explains; every variant gives the same predictions and probabilities.
    public enum Variant: String, CaseIterable, Sendable {
        /// Its true top contributions.
        case faithful
        /// Random tokens, as many as faithful would give, seeded by a stable hash of the input.
        case shuffled
        /// Its least important tokens, with ranks reversed.
        case inverted
        /// The suite's reference rationale and text, ignoring its own weights.
        case plausible
    }

    let suite: String
    let classifier: ReferenceClassifier
    /// Canonical input → the suite instance with that input, over all splits, for `plausible`.
    let references: [String: Instance]

    /// The explainer variant.
    public private(set) var variant: Variant
    /// Seconds spent fitting the weights (featurizing the training split included).
    public let trainingSeconds: Double

    /// Trains on the suite's `train` split (deterministic); indexes all splits' instances for `plausible`.
    /// - Throws: ``SuiteError`` when a split cannot be read; ``ReferenceModelError`` when the suite has no
    ///   `train` split or an instance does not fit its task; ``LinearAlgebraError`` when the fit fails.
    public static func train(suite: Suite, variant: Variant = .faithful) throws -> ReferenceModel {
        guard suite.url(ofSplit: "train") != nil else {
            throw ReferenceModelError("suite \(suite.id) has no train split to train the reference model on")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let classifier = try ReferenceClassifier.train(task: suite.task, instances: suite.instances(split: "train"))
        let elapsed = clock.now - start
        var references: [String: Instance] = [:]
        for split in suite.splits {
            for instance in try suite.instances(split: split.name) {
                guard let input = try? ReferenceInput(instance: instance, task: suite.task) else { continue }
                if references[input.key] == nil { references[input.key] = instance }
            }
        }
        return ReferenceModel(suite: suite.id, classifier: classifier, references: references, variant: variant,
                              trainingSeconds: seconds(elapsed))
    }

    /// The same fitted model with another explainer variant (no retraining).
    public func with(variant: Variant) -> ReferenceModel {
        var copy = self
        copy.variant = variant
        return copy
    }

    /// Name `reference`, this build's version, and what the reference model can do (`features` only for suites
    /// with a table).
    public var descriptor: ModelDescriptor {
        var capabilities: [Capability] = [.probabilities, .highlights, .text, .weights, .predictFromExplanation]
        if task.inputs.contains(where: { $0.type == .table }) { capabilities.append(.features) }
        return ModelDescriptor(name: "reference", version: CandorInfo.version, capabilities: capabilities)
    }

    /// `reference/<variant>`: each variant is its own model in the store.
    public var key: String { Self.key(of: variant) }

    var task: TaskSpec { classifier.task }

    /// Answers `requests` in request order. A large batch is split into chunks answered concurrently, since each
    /// request is independent and the model is immutable.
    public func respond(to requests: [Request]) async -> [Outcome] {
        let chunkSize = 256
        guard requests.count > chunkSize else { return requests.map(respond(to:)) }
        return await withTaskGroup(of: (Int, [Outcome]).self) { group in
            for start in stride(from: 0, to: requests.count, by: chunkSize) {
                let chunk = requests[start..<min(start + chunkSize, requests.count)]
                group.addTask { (start, chunk.map(self.respond(to:))) }
            }
            var answered: [(Int, [Outcome])] = []
            for await part in group { answered.append(part) }
            return answered.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Answers one request; a request the model cannot answer gets an `.error` outcome naming why.
    func respond(to request: Request) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let response: Response
        do {
            response = try answer(request)
        } catch {
            response = Response(id: request.id, error: "\(error)")
        }
        return .ok(response, latency: Self.seconds(clock.now - start))
    }

    func answer(_ request: Request) throws -> Response {
        guard request.suite == suite else {
            throw ReferenceModelError(
                "request for suite '\(request.suite)', but this reference model was trained on suite '\(suite)'")
        }
        guard request.task.labels == task.labels, request.task.kind == task.kind.rawValue else {
            let asked = "\(request.task.kind): \(request.task.labels.joined(separator: ", "))"
            let trained = "\(task.kind.rawValue): \(task.labels.joined(separator: ", "))"
            throw ReferenceModelError("request's task (\(asked)) differs from suite \(suite)'s (\(trained))")
        }
        switch request.op {
        case .explain, .predict:
            guard let wire = request.input else {
                throw ReferenceModelError("\(request.op.rawValue) request without an input")
            }
            let input = try ReferenceInput.parse(wire, task: task)
            let scored = classifier.score(input)
            var response = Response(id: request.id, label: task.labels[scored.predicted],
                                    probabilities: probabilities(scored.probabilities))
            if request.op == .explain {
                response.explanation = ReferenceExplainer(task: task).explain(
                    scored, input: input, variant: variant, reference: references[input.key])
            }
            return response
        case .predictFromExplanation:
            return try predictFromExplanation(request)
        case .simulate, .hello:
            throw ReferenceModelError(
                "unsupported op: \(request.op.rawValue) (the reference model answers explain, predict and predict-from-explanation)")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    func probabilities(_ values: [Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(task.labels, values))
    }
}
