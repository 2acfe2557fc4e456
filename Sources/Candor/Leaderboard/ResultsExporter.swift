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
    /// `reference-<variant>`, a process model (`process/<name>:<hash>`) is the name in its key — its submission's
    /// name or `--name`, else the name it declared — and any other key is the name the model declared.
    public static func leaderboardName(key: String, declaredName: String) -> String {
        if key == ReferenceModel.key(of: .faithful) { return "reference" }
        for variant in ReferenceModel.Variant.allCases where key == ReferenceModel.key(of: variant) {
            return "reference-\(variant.rawValue)"
        }
        if key.hasPrefix(processKeyPrefix), let colon = key.lastIndex(of: ":"),
           colon > key.index(key.startIndex, offsetBy: processKeyPrefix.count) {
            return String(key[key.index(key.startIndex, offsetBy: processKeyPrefix.count)..<colon])
        }
        return declaredName
    }

    static let processKeyPrefix = "process/"

    /// The results of `modelKey` on `suites` (those it has aggregates for), or nil when it has none.
    /// - Parameter submission: The hash of the submission file the model was run from, recorded so that a
    ///   changed file makes the results stale.
    public func results(modelKey: String, suites: [Suite], submission: String? = nil) async throws -> ModelResults? {
        let runs = try await store.runs().filter { $0.modelKey == modelKey }
        guard let run = runs.last else { return nil }
        // A re-scoring run asks at most a few probes; the run that explained the instances is the one to repeat.
        let producing = runs.last { !Self.isRescoring($0.commandLine) } ?? run
        var suiteResults: [SuiteResults] = []
        var scorerIDs: Set<String> = []
        for suite in suites {
            let aggregates = try await store.aggregates(modelKey: modelKey, suite: suite.id)
            guard !aggregates.isEmpty else { continue }
            let scores = aggregates.compactMap(\.scoreEntry).sorted(by: Self.order)
            let comparisons = aggregates.compactMap(\.comparisonEntry)
                .sorted { (Self.rank($0.scorer), $0.scorer) < (Self.rank($1.scorer), $1.scorer) }
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
        let scorers = scorerIDs.sorted { (Self.rank($0), $0) < (Self.rank($1), $1) }
            .compactMap(ModelResults.ScorerEntry.init(storedID:))
        let name = Self.leaderboardName(key: modelKey, declaredName: run.descriptor.name)
        return ModelResults(
            model: .init(name: name, version: run.descriptor.version,
                         capabilities: run.descriptor.capabilities.map(\.rawValue), key: modelKey,
                         command: Self.reproducible(producing.commandLine), submission: submission),
            scorers: scorers, suites: suiteResults)
    }

    /// The command line with the program path shortened to `candor` and without the options that cannot change
    /// a result (where the store is, which shard, how many workers, timeouts), so that a sharded run and an
    /// unsharded one export the same file.
    static func reproducible(_ commandLine: String) -> String {
        guard var words = try? ShellWords.split(commandLine), !words.isEmpty else { return "candor" }
        words[0] = "candor"
        var kept: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if runOnlyOptions.contains(name) {
                // `--store PATH` takes the next word; `--store=PATH` does not.
                index += word.contains("=") ? 1 : 2
                continue
            }
            kept.append(word)
            index += 1
        }
        return ShellWords.join(kept)
    }

    /// Options of `candor run` that change how a run goes, never what it finds.
    static let runOnlyOptions: Set<String> = ["--store", "--shard", "--batch-size", "--workers", "--max-in-flight",
                                              "--timeout", "--restarts"]

    /// Whether a run record comes from `candor score`.
    static func isRescoring(_ commandLine: String) -> Bool {
        let words = (try? ShellWords.split(commandLine)) ?? []
        return words.count > 1 && words[1] == "score"
    }

    /// A scorer's place in the registry; `las@judge` sorts with `las`, after it.
    static func rank(_ scorer: String) -> Int {
        let base = Scorers.parse(storedID: scorer).id
        return Scorers.all.firstIndex { $0.id == base } ?? Int.max
    }

    static func order(_ a: ScoreEntry, _ b: ScoreEntry) -> Bool {
        (rank(a.scorer), a.scorer, a.source) < (rank(b.scorer), b.scorer, b.source)
    }

    /// Exports every model in the store (or those of `keys`) to `folder`, one file each; returns the files written.
    /// - Parameter submissions: Model key → the hash of the submission file it was run from.
    @discardableResult
    public func exportAll(suites: [Suite], to folder: URL, only keys: [String]? = nil,
                          submissions: [String: String] = [:]) async throws -> [URL] {
        var written: [URL] = []
        for key in try await store.modelKeys() where keys == nil || keys!.contains(key) {
            guard let results = try await results(modelKey: key, suites: suites, submission: submissions[key])
            else { continue }
            let url = folder.appendingPathComponent(ResultsFiles.fileName(forModel: results.model.name))
            try ResultsFiles.write(results, to: url)
            written.append(url)
        }
        return written
    }
}
