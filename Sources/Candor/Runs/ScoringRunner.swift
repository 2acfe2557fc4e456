import CandorProtocol
import Foundation

/// Phases 2–4 of a run (DESIGN §2) for one model on one suite: reads the model's explanations from the store,
/// sends every probe the scorers need through the store (one deduplicated stream; answered probes are never asked
/// again), scores, and saves observations and aggregates.
///
/// Re-scoring (`candor score`) is the same call: with every probe already in the store it asks the model nothing.
public struct ScoringRunner: Sendable {
    public let store: ResultStore
    public let scorers: [any Scorer]
    public let bootstrap: Bootstrap
    public let batchSize: Int
    public let progress: ProgressReporter?

    public init(store: ResultStore, scorers: [any Scorer], bootstrap: Bootstrap = Bootstrap(), batchSize: Int = 64,
                progress: ProgressReporter? = nil) {
        self.store = store
        self.scorers = scorers
        self.bootstrap = bootstrap
        self.batchSize = max(1, batchSize)
        self.progress = progress
    }

    /// What scoring one suite did.
    public struct Summary: Sendable, Hashable {
        public var suite: String
        public var modelKey: String
        /// Distinct probe requests the scorers needed.
        public var probes: Int
        /// Of those, how many were asked of the model in this call.
        public var sent: Int
        /// Probes without a final answer (failed, to be retried by the next run).
        public var failed: Int
        public var scores: [ScoreEntry]
        public var comparisons: [ComparisonEntry]
    }

    /// The scorers among `scorers` that `suite` enables, in registry order.
    public static func enabled(_ scorers: [any Scorer], for suite: Suite) -> [any Scorer] {
        scorers.filter { suite.scorers.contains(type(of: $0).id) }
    }

    /// Scores `model` on `suite`; `model` is asked only for probes the store does not answer yet.
    ///
    /// With a `shard`, only the probes of the shard's instances are asked, and nothing is scored (the summary has
    /// no scores): observations and aggregates need every instance, so they wait for `candor score` on the merged
    /// store. The probes are built against the whole suite (the random source borrows another instance's text), so
    /// a shard asks exactly the questions an unsharded run asks of its instances.
    public func score(suite: Suite, model: any ExplainingModel, runID: Int64? = nil, shard: Shard? = nil)
        async throws -> Summary
    {
        let prepared = try await prepare(suite: suite, modelKey: model.key, descriptor: model.descriptor,
                                         shard: shard)
        let (instances, scoring, unique) = (prepared.instances, prepared.scoring, prepared.probes)
        let allProbes = prepared.all
        let seen = Set(unique.map(\.hash))
        let writer = ResponseWriter(store: store)
        let exchange = RequestExchange(store: store, writer: writer, model: model, runID: runID)
        let label = "\(suite.id) \(model.key) probes"
        await progress?.begin(label, total: unique.count)
        var sent = 0
        var failed = 0
        do {
            for start in stride(from: 0, to: unique.count, by: batchSize) {
                let batch = Array(unique[start..<min(start + batchSize, unique.count)])
                let exchanged = try await exchange.exchange(batch)
                sent += exchanged.sent.count
                let failures = batch.filter { exchanged.answers[$0.hash]?.status != .ok }.count
                failed += failures
                await progress?.advance(label, by: batch.count, failures: failures)
            }
            try await writer.flush()
        } catch {
            try? await writer.flush()
            throw error
        }
        await progress?.end(label)

        if shard != nil {
            return Summary(suite: suite.id, modelKey: model.key, probes: unique.count, sent: sent, failed: failed,
                           scores: [], comparisons: [])
        }
        let answered = try await store.responses(modelKey: model.key, hashes: seen)
        var answers: [String: Response] = [:]
        for (hash, record) in answered where record.status == .ok {
            if let response = record.response { answers[hash] = response }
        }
        let result = await scoring.score(probes: allProbes, answers: answers)
        try await save(result, suite: suite, instances: instances, modelKey: model.key)
        return Summary(suite: suite.id, modelKey: model.key, probes: unique.count, sent: sent, failed: failed,
                       scores: result.scores, comparisons: result.comparisons)
    }

    /// How many distinct probes of `suite` have no final answer in the store for the model `modelKey`: the
    /// requests ``score(suite:model:runID:shard:)`` would send. Zero means the suite can be re-scored from the
    /// store alone, without the model.
    public func unansweredProbes(suite: Suite, modelKey: String, descriptor: ModelDescriptor) async throws -> Int {
        let probes = try await prepare(suite: suite, modelKey: modelKey, descriptor: descriptor, shard: nil).probes
        let answered = try await store.finalAnswers(modelKey: modelKey, among: probes.map(\.hash))
        return probes.count - answered.count
    }

    /// The scoring of `suite` from the explanations in the store, and its distinct probes in order.
    func prepare(suite: Suite, modelKey: String, descriptor: ModelDescriptor, shard: Shard?) async throws
        -> (instances: [Instance], scoring: SuiteScoring, probes: [RequestExchange.Pending],
            all: [SuiteScoring.ProbeRequest])
    {
        let instances = try suite.instances(split: "test")
        let explainHashes = instances.map { instance in
            RequestHash.of(Request(op: .explain, id: instance.id, suite: suite.id, task: suite.task.descriptor,
                                   input: instance.wireInput))
        }
        let explained = try await store.responses(modelKey: modelKey, hashes: Set(explainHashes))
        var explainResponses: [String: Response] = [:]
        for (instance, hash) in zip(instances, explainHashes) {
            if let shard, !shard.contains(instanceID: instance.id) { continue }
            if let record = explained[hash], record.status == .ok, let response = record.response {
                explainResponses[instance.id] = response
            }
        }
        let baseline = suite.url(ofSplit: "train") == nil ? [:]
            : TableBaseline.compute(task: suite.task, train: try suite.instances(split: "train"))
        let scoring = SuiteScoring(suite: suite, instances: instances, explainResponses: explainResponses,
                                   model: descriptor, baseline: baseline,
                                   scorers: Self.enabled(scorers, for: suite), bootstrap: bootstrap)
        let all = scoring.probeRequests()
        var unique: [RequestExchange.Pending] = []
        var seen: Set<String> = []
        for probe in all where seen.insert(probe.hash).inserted {
            unique.append(RequestExchange.Pending(request: probe.request, hash: probe.hash,
                                                  instanceID: probe.instanceID))
        }
        return (instances, scoring, unique, all)
    }

    /// Observations (an empty vector for "not applicable") and aggregates; comparisons are kept as the source
    /// ``comparisonSource``.
    func save(_ result: SuiteScoring.Result, suite: Suite, instances: [Instance], modelKey: String) async throws {
        var observations: [ObservationRecord] = []
        for (scorer, columns) in result.observations {
            for (source, column) in columns {
                for (instance, observation) in zip(instances, column) {
                    observations.append(ObservationRecord(modelKey: modelKey, suite: suite.id, scorer: scorer,
                                                          source: source.rawValue, instanceID: instance.id,
                                                          values: observation.values ?? []))
                }
            }
        }
        try await store.save(observations: observations)
        var aggregates = result.scores.map { AggregateRecord(score: $0, modelKey: modelKey, suite: suite.id) }
        aggregates += result.comparisons.map { AggregateRecord(comparison: $0, modelKey: modelKey, suite: suite.id) }
        try await store.save(aggregates: aggregates)
    }

    /// The `source` under which a self − reference comparison is stored among the aggregates.
    public static let comparisonSource = "self-reference"
}

extension AggregateRecord {
    /// A score entry as stored: its not-applicable reasons and details go in `details`.
    public init(score: ScoreEntry, modelKey: String, suite: String) {
        let details = JSONValue.object([
            "notApplicable": .array(score.notApplicable.map(JSONValue.string)),
            "details": .object(score.details.mapValues(JSONValue.number)),
        ])
        self.init(modelKey: modelKey, suite: suite, scorer: score.scorer, source: score.source.rawValue,
                  value: score.value, low: score.low, high: score.high, n: score.n, coverage: score.coverage,
                  details: details)
    }

    /// A comparison as stored: value = self − reference, the verdict in `details`.
    public init(comparison: ComparisonEntry, modelKey: String, suite: String) {
        self.init(modelKey: modelKey, suite: suite, scorer: comparison.scorer,
                  source: ScoringRunner.comparisonSource, value: comparison.difference, low: comparison.low,
                  high: comparison.high, n: comparison.n, coverage: 0,
                  details: .object(["verdict": comparison.verdict.map { .string($0.rawValue) } ?? .null]))
    }

    /// The score entry this record stores, or nil for a comparison row.
    public var scoreEntry: ScoreEntry? {
        guard let source = ExplanationSource(rawValue: source) else { return nil }
        var reasons: [String] = []
        var numbers: [String: Double] = [:]
        if case .object(let object) = details {
            if case .array(let items) = object["notApplicable"] {
                reasons = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }
            if case .object(let values) = object["details"] {
                for (key, value) in values { if case .number(let number) = value { numbers[key] = number } }
            }
        }
        return ScoreEntry(scorer: scorer, source: source, value: value, low: low, high: high, n: n,
                          coverage: coverage, notApplicable: reasons, details: numbers)
    }

    /// The comparison entry this record stores, or nil for a score row.
    public var comparisonEntry: ComparisonEntry? {
        guard source == ScoringRunner.comparisonSource else { return nil }
        var verdict: PairedComparison.Verdict? = nil
        if case .object(let object) = details, case .string(let text) = object["verdict"] {
            verdict = PairedComparison.Verdict(rawValue: text)
        }
        return ComparisonEntry(scorer: scorer, difference: value, low: low, high: high, n: n, verdict: verdict)
    }
}
