import CandorProtocol

/// Phases 2–4 of a run (DESIGN §2) for one model on one suite, independent of how requests reach the model:
/// builds every (scorer, source, instance) item, derives the probes as one deduplicated set of requests, and —
/// once the caller has the answers — turns them into observations, aggregates with bootstrap intervals, and the
/// paired self − reference comparisons.
public struct SuiteScoring: Sendable {
    public let suite: Suite
    public let instances: [Instance]
    public let context: ScoringContext
    public let scorers: [any Scorer]
    public let bootstrap: Bootstrap
    /// Per instance: the model's prediction and its own explanation (nil when the explain request failed).
    let predictions: [Prediction?]
    /// Per source, per instance: the explanation scored.
    let explanations: [ExplanationSource: [ResolvedExplanation]]
    /// Scorer id → why it does not apply at all.
    public let inapplicable: [String: String]

    /// - Parameters:
    ///   - explainResponses: the answer to each instance's `explain` request, by instance id (absent when failed).
    public init(suite: Suite, instances: [Instance], explainResponses: [String: Response], model: ModelDescriptor,
                baseline: [String: [String: TableValue]], scorers: [any Scorer], bootstrap: Bootstrap) {
        self.suite = suite
        self.instances = instances
        self.context = ScoringContext(suite: suite, baseline: baseline, model: model)
        self.scorers = scorers
        self.bootstrap = bootstrap
        var predictions: [Prediction?] = []
        var own: [ResolvedExplanation] = []
        for instance in instances {
            let response = explainResponses[instance.id]
            predictions.append(Prediction(response))
            own.append(ResolvedExplanation(response?.explanation, of: instance, task: suite.task))
        }
        self.predictions = predictions
        var explanations: [ExplanationSource: [ResolvedExplanation]] = [.self: own]
        explanations[.reference] = instances.map { ResolvedExplanation.reference(for: $0, task: suite.task) }
        explanations[.random] = instances.indices.map { index in
            ResolvedExplanation.random(matching: own[index], instance: instances[index], task: suite.task,
                                       text: Self.otherText(for: index, in: instances))
        }
        self.explanations = explanations
        var inapplicable: [String: String] = [:]
        for scorer in scorers {
            if let reason = scorer.inapplicability(model: model, suite: suite) { inapplicable[scorer.id] = reason }
        }
        self.inapplicable = inapplicable
    }

    /// The reference text of another instance, chosen by a seed from the instance id: the random source's text.
    static func otherText(for index: Int, in instances: [Instance]) -> String? {
        guard instances.count > 1 else { return nil }
        let step = 1 + Int(StableHash.of(instances[index].id, "random-text") % UInt64(instances.count - 1))
        return instances[(index + step) % instances.count].explanation
    }

    /// The item of (source, instance index), or nil when the model gave no prediction for that instance.
    func item(_ source: ExplanationSource, _ index: Int) -> ScoringItem? {
        guard let prediction = predictions[index], let explanation = explanations[source]?[index] else { return nil }
        return ScoringItem(instance: instances[index], source: source, prediction: prediction,
                           explanation: explanation)
    }

    /// One probe of one item, as a request with its content hash.
    public struct ProbeRequest: Sendable {
        public var scorer: String
        public var source: ExplanationSource
        public var instanceID: String
        public var probe: String
        public var request: Request
        public var hash: String
    }

    /// Every probe request of every applicable scorer, source and instance. Several may share a hash (the same
    /// question asked for two scorers); the caller asks each hash once.
    public func probeRequests() -> [ProbeRequest] {
        var requests: [ProbeRequest] = []
        for scorer in scorers where inapplicable[scorer.id] == nil {
            for source in type(of: scorer).sources {
                for index in instances.indices {
                    guard let item = item(source, index) else { continue }
                    for probe in scorer.probes(for: item, context: context) {
                        let request = probe.request(
                            id: "\(item.instance.id)/\(scorer.id)/\(source.rawValue)/\(probe.name)", suite: suite)
                        requests.append(ProbeRequest(scorer: scorer.id, source: source, instanceID: item.instance.id,
                                                     probe: probe.name, request: request,
                                                     hash: RequestHash.of(request)))
                    }
                }
            }
        }
        return requests
    }

    /// The result of scoring one suite.
    public struct Result: Sendable {
        /// (scorer, source) → one observation per instance, in instance order.
        public var observations: [String: [ExplanationSource: [Observation]]]
        public var scores: [ScoreEntry]
        public var comparisons: [ComparisonEntry]
    }

    /// Observations, aggregates and comparisons from the answers to the probes (by request hash; a failed probe
    /// is simply absent). `probes` is what ``probeRequests()`` returned (passed in so it is built once).
    public func score(probes: [ProbeRequest], answers: [String: Response]) async -> Result {
        var byItem: [String: [String: ProbeAnswers]] = [:]
        for probe in probes {
            guard let answer = answers[probe.hash] else { continue }
            byItem["\(probe.scorer)\u{1F}\(probe.source.rawValue)", default: [:]][probe.instanceID, default: [:]][
                probe.probe] = answer
        }
        var observations: [String: [ExplanationSource: [Observation]]] = [:]
        var scores: [ScoreEntry] = []
        var comparisons: [ComparisonEntry] = []
        for scorer in scorers {
            let type = type(of: scorer)
            for source in type.sources {
                var column = [Observation](repeating: .notApplicable("no answer to the explain request"),
                                           count: instances.count)
                if let reason = inapplicable[scorer.id] {
                    column = column.map { _ in .notApplicable(reason) }
                } else {
                    let answered = instances.indices.compactMap { index in item(source, index).map { (index, $0) } }
                    let probeAnswers = answered.map { byItem["\(scorer.id)\u{1F}\(source.rawValue)"]?[$0.1.instance.id] ?? [:] }
                    let observed = await scorer.observeAll(answered.map(\.1), answers: probeAnswers, context: context)
                    for (position, entry) in answered.enumerated() { column[entry.0] = observed[position] }
                }
                observations[scorer.id, default: [:]][source] = column
                scores.append(entry(scorer, source: source, column: column))
            }
            if type.sources.contains(.self) && type.sources.contains(.reference),
               let own = observations[scorer.id]?[.self], let reference = observations[scorer.id]?[.reference] {
                comparisons.append(compare(scorer, own, reference))
            }
        }
        return Result(observations: observations, scores: scores, comparisons: comparisons)
    }

    func entry(_ scorer: any Scorer, source: ExplanationSource, column: [Observation]) -> ScoreEntry {
        let values = column.compactMap(\.values)
        var reasons: [String: Int] = [:]
        for case .notApplicable(let reason) in column { reasons[reason, default: 0] += 1 }
        let ranked = reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) (\($0.value))" }
        let estimate = bootstrap.estimate(of: values) { scorer.aggregate($0) }
        return ScoreEntry(scorer: scorer.id, source: source, value: values.isEmpty ? nil : scorer.aggregate(values),
                          low: estimate?.low, high: estimate?.high, n: values.count,
                          coverage: instances.isEmpty ? 0 : Double(values.count) / Double(instances.count),
                          notApplicable: ranked, details: values.isEmpty ? [:] : scorer.details(values))
    }

    /// The paired comparison of two columns over the instances where both have values.
    func compare(_ scorer: any Scorer, _ subject: [Observation], _ reference: [Observation]) -> ComparisonEntry {
        var left: [[Double]] = []
        var right: [[Double]] = []
        for (a, b) in zip(subject, reference) {
            if let a = a.values, let b = b.values {
                left.append(a)
                right.append(b)
            }
        }
        let comparison = bootstrap.compare(subject: left, reference: right, direction: type(of: scorer).direction) {
            scorer.aggregate($0)
        }
        return ComparisonEntry(scorer: scorer.id, difference: comparison?.difference.value,
                               low: comparison?.difference.low, high: comparison?.difference.high, n: left.count,
                               verdict: comparison?.verdict)
    }
}
