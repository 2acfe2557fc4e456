import CandorProtocol
import Foundation

/// Builds `Results/<model>.json` from the store: the stored aggregates and comparisons, with each suite's identity
/// (version, content hash), accuracy and failure counts, and the model as it declared itself.
///
/// Nothing in the file depends on when it was exported, so the same store always exports the same bytes.
public struct ResultsExporter: Sendable {
    public let store: ResultStore

    public init(store: ResultStore) {
        self.store = store
    }

    /// The leaderboard name of a model key: `reference/faithful` is `reference`, another reference variant is
    /// `reference-<variant>`, and any other key is the name the model declared.
    public static func leaderboardName(key: String, declaredName: String) -> String {
        if key == ReferenceModel.key(of: .faithful) { return "reference" }
        for variant in ReferenceModel.Variant.allCases where key == ReferenceModel.key(of: variant) {
            return "reference-\(variant.rawValue)"
        }
        return declaredName
    }

    /// The results of `modelKey` on `suites` (those it has aggregates for), or nil when it has none.
    public func results(modelKey: String, suites: [Suite]) async throws -> ModelResults? {
        guard let run = try await store.runs().last(where: { $0.modelKey == modelKey }) else { return nil }
        var suiteResults: [SuiteResults] = []
        var scorerIDs: Set<String> = []
        for suite in suites {
            let aggregates = try await store.aggregates(modelKey: modelKey, suite: suite.id)
            guard !aggregates.isEmpty else { continue }
            let scores = aggregates.compactMap(\.scoreEntry).sorted(by: Self.order)
            let comparisons = aggregates.compactMap(\.comparisonEntry).sorted { Self.rank($0.scorer) < Self.rank($1.scorer) }
            scorerIDs.formUnion(scores.map(\.scorer))
            let instances = try suite.instances(split: "test")
            let hashes = instances.map { instance in
                RequestHash.of(Request(op: .explain, id: instance.id, suite: suite.id, task: suite.task.descriptor,
                                       input: instance.wireInput))
            }
            let explained = try await store.responses(modelKey: modelKey, hashes: Set(hashes))
            var answered = 0
            var correct = 0
            for (instance, hash) in zip(instances, hashes) {
                guard let record = explained[hash], record.status == .ok else { continue }
                answered += 1
                if record.response?.label == instance.label { correct += 1 }
            }
            let majority = try Runner.majorityLabel(of: suite)
            let counts = try await store.statusCounts(modelKey: modelKey, suite: suite.id)
            var failures: [String: Int] = [:]
            for (status, count) in counts where status != .ok { failures[status.rawValue] = count }
            suiteResults.append(SuiteResults(
                id: suite.id, version: suite.version, contentHash: suite.contentHash, instances: instances.count,
                accuracy: answered == 0 ? nil : Double(correct) / Double(answered),
                majorityBaseline: majority.map { label in
                    Double(instances.filter { $0.label == label }.count) / Double(max(1, instances.count))
                },
                failures: failures, requests: counts.values.reduce(0, +), scores: scores, comparisons: comparisons))
        }
        guard !suiteResults.isEmpty else { return nil }
        let scorers = Scorers.all.filter { scorerIDs.contains($0.id) }.map(ModelResults.ScorerEntry.init)
        let name = Self.leaderboardName(key: modelKey, declaredName: run.descriptor.name)
        return ModelResults(
            model: .init(name: name, version: run.descriptor.version,
                         capabilities: run.descriptor.capabilities.map(\.rawValue), key: modelKey,
                         command: Self.reproducible(run.commandLine)),
            scorers: scorers, suites: suiteResults)
    }

    /// The command line with the program path shortened to `candor`.
    static func reproducible(_ commandLine: String) -> String {
        guard let space = commandLine.firstIndex(of: " ") else { return "candor" }
        return "candor" + commandLine[space...]
    }

    static func rank(_ scorer: String) -> Int {
        Scorers.all.firstIndex { $0.id == scorer } ?? Int.max
    }

    static func order(_ a: ScoreEntry, _ b: ScoreEntry) -> Bool {
        (rank(a.scorer), a.source) < (rank(b.scorer), b.source)
    }

    /// Exports every model in the store to `folder`, one file each; returns the files written.
    @discardableResult
    public func exportAll(suites: [Suite], to folder: URL, only keys: [String]? = nil) async throws -> [URL] {
        var written: [URL] = []
        for key in try await store.modelKeys() where keys == nil || keys!.contains(key) {
            guard let results = try await results(modelKey: key, suites: suites) else { continue }
            let url = folder.appendingPathComponent(ResultsFiles.fileName(forModel: results.model.name))
            try ResultsFiles.write(results, to: url)
            written.append(url)
        }
        return written
    }
}
