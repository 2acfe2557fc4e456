import CandorProtocol
import Foundation

/// Phase 1 of a run: asks a model to explain every test instance of every suite, through the store.
///
/// For each batch of instances the runner builds one `explain` request per instance, hashes it, skips every hash
/// the store (or the writer's unflushed buffer) already holds a final answer for, sends the rest to the model,
/// and hands each outcome to the ``ResponseWriter`` as it arrives. Only one batch is held in memory, so a suite
/// of any size runs in constant memory once its instances are streamed; and since a final answer is never asked
/// again, a killed run resumes where its last committed batch ended.
public struct Runner: Sendable {
    public let store: ResultStore
    public let options: RunOptions
    public let progress: ProgressReporter?

    public init(store: ResultStore, options: RunOptions = RunOptions(), progress: ProgressReporter? = nil) {
        self.store = store
        self.options = options
        self.progress = progress
    }

    /// Runs every model `provider` gives for each suite on that suite's `test` split, in order.
    ///
    /// Each model key gets one row in the store's `runs` table, marked `finished` at the end, or `failed` if an
    /// error stops the run (a killed run's row stays `running`).
    /// - Returns: One summary per suite and model, in the order run.
    public func run(suites: [Suite], provider: some ModelProvider) async throws -> [SuiteRunSummary] {
        try await run(suites: suites, provider: provider, scoring: nil).explained
    }

    /// Runs every model `provider` gives for each suite: phase 1 (explain) and, when `scoring` is given, phases
    /// 2–4 (probes, observations, aggregates) right after it with the same model, so a model trained per suite is
    /// trained once.
    ///
    /// With ``RunOptions/shard`` only the shard's test instances are explained and probed; observations and
    /// aggregates need every instance, so they are left to `candor score` once the shards' stores are merged.
    ///
    /// Up to ``ModelProvider/concurrentSuites`` suites run at once (each suite's models one after the other);
    /// the summaries come back in suite order whatever finished first, and what is stored does not depend on it.
    public func run(suites: [Suite], provider: some ModelProvider, scoring: ScoringRunner?) async throws
        -> (explained: [SuiteRunSummary], scored: [ScoringRunner.Summary])
    {
        let writer = ResponseWriter(store: store, batchSize: options.commitSize)
        let runs = RunRegistry(store: store, commandLine: options.commandLine)
        typealias SuiteReport = (index: Int, explained: [SuiteRunSummary], scored: [ScoringRunner.Summary])
        var reports: [SuiteReport] = []
        do {
            // The first suite's models begin the runs, in their order, before any suite runs: a run records the
            // model as the first suite saw it, whichever suite would have got there first.
            let first = try await suites.isEmpty ? [] : provider.models(for: suites[0])
            for model in first { _ = try await runs.id(for: model) }
            try await withThrowingTaskGroup(of: SuiteReport.self) { group in
                let width = max(1, provider.concurrentSuites)
                for (index, suite) in suites.enumerated() {
                    if index >= width, let report = try await group.next() { reports.append(report) }
                    group.addTask {
                        let models = index == 0 ? first : try await provider.models(for: suite)
                        let (explained, scored) = try await run(suite: suite, models: models, scoring: scoring,
                                                                runs: runs, writer: writer)
                        return (index, explained, scored)
                    }
                }
                for try await report in group { reports.append(report) }
            }
        } catch {
            try? await writer.flush()
            for id in await runs.ids { try? await store.finishRun(id: id, status: .failed) }
            throw error
        }
        for id in await runs.ids { try await store.finishRun(id: id, status: .finished) }
        reports.sort { $0.index < $1.index }
        return (reports.flatMap(\.explained), reports.flatMap(\.scored))
    }

    /// One suite: each of its `models` on it, phase 1 then (with `scoring`) phases 2–4.
    func run(suite: Suite, models: [any ExplainingModel], scoring: ScoringRunner?, runs: RunRegistry,
             writer: ResponseWriter) async throws -> (explained: [SuiteRunSummary], scored: [ScoringRunner.Summary]) {
        let majority = try Self.majorityLabel(of: suite)
        var summaries: [SuiteRunSummary] = []
        var scored: [ScoringRunner.Summary] = []
        for model in models {
            let runID = try await runs.id(for: model)
            // The whole split is read for now; a streaming reader plugs into the AsyncSequence overload.
            var instances = try suite.instances(split: "test")
            if let shard = options.shard { instances = instances.filter { shard.contains(instanceID: $0.id) } }
            summaries.append(try await run(suite: suite, model: model, instances: instances,
                                           majorityLabel: majority, runID: runID, writer: writer))
            if let scoring {
                try await writer.flush()
                scored.append(try await scoring.score(suite: suite, model: model, runID: runID, shard: options.shard))
            }
        }
        return (summaries, scored)
    }

    /// The store's run row of each model key, begun once, when the key is first met, whichever suite meets it.
    actor RunRegistry {
        let store: ResultStore
        let commandLine: String
        /// Model keys in the order their runs were begun, and each one's beginning (awaited by every suite that
        /// meets the key while the store is still writing the row).
        private var order: [String] = []
        private var begun: [String: Task<Int64, any Error>] = [:]

        init(store: ResultStore, commandLine: String) {
            self.store = store
            self.commandLine = commandLine
        }

        /// The run ids begun so far, in the order begun.
        var ids: [Int64] {
            get async {
                var ids: [Int64] = []
                for key in order { if let id = try? await begun[key]?.value { ids.append(id) } }
                return ids
            }
        }

        func id(for model: any ExplainingModel) async throws -> Int64 {
            if let beginning = begun[model.key] { return try await beginning.value }
            let (store, commandLine, key, descriptor) = (store, commandLine, model.key, model.descriptor)
            let beginning = Task {
                try await store.beginRun(modelKey: key, descriptor: descriptor, commandLine: commandLine)
            }
            begun[key] = beginning
            order.append(key)
            return try await beginning.value
        }
    }

    /// Runs `model` on `instances` of `suite` (normally its `test` split), streaming them batch by batch.
    ///
    /// The majority baseline comes from the suite's `train` split when it has one.
    public func run<Instances: AsyncSequence>(suite: Suite, model: any ExplainingModel, instances: Instances,
                                              expectedCount: Int? = nil) async throws -> SuiteRunSummary
    where Instances.Element == Instance {
        var pass = Pass(runner: self, suite: suite, model: model, majorityLabel: try Self.majorityLabel(of: suite),
                        runID: nil, writer: ResponseWriter(store: store, batchSize: options.commitSize))
        await progress?.begin(pass.label, total: expectedCount)
        var batch: [Instance] = []
        batch.reserveCapacity(options.batchSize)
        do {
            for try await instance in instances {
                batch.append(instance)
                if batch.count == options.batchSize {
                    try await pass.process(batch[...])
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try await pass.process(batch[...])
        } catch {
            // What was answered before the error is kept, so a rerun need not ask it again.
            try? await pass.writer.flush()
            throw error
        }
        return try await pass.finish()
    }

    /// Runs `model` on `instances` of `suite`; see ``run(suite:model:instances:expectedCount:)``.
    public func run(suite: Suite, model: any ExplainingModel, instances: [Instance]) async throws
        -> SuiteRunSummary
    {
        try await run(suite: suite, model: model, instances: instances,
                      majorityLabel: try Self.majorityLabel(of: suite), runID: nil,
                      writer: ResponseWriter(store: store, batchSize: options.commitSize))
    }

    func run(suite: Suite, model: any ExplainingModel, instances: [Instance], majorityLabel: String?, runID: Int64?,
             writer: ResponseWriter) async throws -> SuiteRunSummary {
        var pass = Pass(runner: self, suite: suite, model: model, majorityLabel: majorityLabel, runID: runID,
                        writer: writer)
        await progress?.begin(pass.label, total: instances.count)
        do {
            for start in stride(from: 0, to: instances.count, by: options.batchSize) {
                try await pass.process(instances[start..<min(start + options.batchSize, instances.count)])
            }
        } catch {
            try? await pass.writer.flush()
            throw error
        }
        return try await pass.finish()
    }

    /// The most frequent label of the suite's `train` split (ties go to the label listed first in the task), or
    /// nil when the suite has no `train` split or it is empty.
    public static func majorityLabel(of suite: Suite) throws -> String? {
        guard suite.url(ofSplit: "train") != nil else { return nil }
        return majorityLabel(of: try suite.instances(split: "train"), labels: suite.task.labels)
    }

    /// The most frequent label among `instances`; ties go to the one earlier in `labels`.
    public static func majorityLabel(of instances: some Sequence<Instance>, labels: [String]) -> String? {
        var counts: [String: Int] = [:]
        for instance in instances { counts[instance.label, default: 0] += 1 }
        let order = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return counts.max { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value < rhs.value }
            return (order[lhs.key] ?? .max, lhs.key) > (order[rhs.key] ?? .max, rhs.key)
        }?.key
    }

    /// Every suite in `folder`, or those named by `ids` in that order.
    ///
    /// - Throws: ``RunError/unknownSuite(_:folder:known:)`` naming the suites that are there,
    ///   ``RunError/noSuites(folder:)`` when the folder holds none.
    public static func suites(named ids: [String], in folder: URL) throws -> [Suite] {
        let all = try SuiteLoader.loadAll(in: folder)
        if all.isEmpty { throw RunError.noSuites(folder: folder.path) }
        if ids.isEmpty { return all }
        return try ids.map { id in
            guard let suite = all.first(where: { $0.id == id }) else {
                throw RunError.unknownSuite(id, folder: folder.path, known: all.map(\.id))
            }
            return suite
        }
    }

    /// One model's pass over one suite: the running counts and the batch step.
    struct Pass {
        let runner: Runner
        let suite: Suite
        let model: any ExplainingModel
        let majorityLabel: String?
        let runID: Int64?
        let writer: ResponseWriter
        let task: TaskDescriptor
        let started = ContinuousClock.now
        /// The progress task: suite and model.
        var label: String { "\(suite.id) \(model.key)" }
        var summary: SuiteRunSummary

        init(runner: Runner, suite: Suite, model: any ExplainingModel, majorityLabel: String?, runID: Int64?,
             writer: ResponseWriter) {
            self.runner = runner
            self.suite = suite
            self.model = model
            self.majorityLabel = majorityLabel
            self.runID = runID
            self.writer = writer
            task = suite.task.descriptor
            summary = SuiteRunSummary(suite: suite.id, modelKey: model.key,
                                      majorityCorrect: majorityLabel == nil ? nil : 0)
        }

        /// Explains one batch: reuses what is known, asks the model the rest, hands every outcome to the writer.
        mutating func process(_ batch: ArraySlice<Instance>) async throws {
            guard !batch.isEmpty else { return }
            let requests = batch.map { instance in
                Request(op: .explain, id: instance.id, suite: suite.id, task: task, input: instance.wireInput)
            }
            let hashes = requests.map(RequestHash.of)
            let exchange = RequestExchange(store: runner.store, writer: writer, model: model, runID: runID)
            let exchanged = try await exchange.exchange(zip(requests, hashes).map {
                RequestExchange.Pending(request: $0, hash: $1, instanceID: $0.id)
            })
            summary.sent += exchanged.sent.count
            let known = exchanged.answers
            // Identical inputs hash alike: the first instance with a hash sent it, the others reuse its answer.
            var firstInstance: [String: String] = [:]
            for (request, hash) in zip(requests, hashes) where exchanged.sent.contains(hash) {
                if firstInstance[hash] == nil { firstInstance[hash] = request.id }
            }

            var failed = 0
            for (instance, hash) in zip(batch, hashes) {
                guard let answer = known[hash] else { continue }
                if firstInstance[hash] != instance.id { summary.reused += 1 }
                summary.instances += 1
                if answer.status == .ok {
                    summary.answered += 1
                    if answer.label == instance.label { summary.correct += 1 }
                } else {
                    summary.failures[answer.status, default: 0] += 1
                    failed += 1
                }
                if let majorityLabel, instance.label == majorityLabel {
                    summary.majorityCorrect? += 1
                }
            }
            await runner.progress?.advance(label, by: batch.count, failures: failed)
            if let delay = runner.options.batchDelay {
                try await Task.sleep(for: delay)
            }
        }

        /// Commits what the writer still holds and closes the summary.
        mutating func finish() async throws -> SuiteRunSummary {
            try await writer.flush()
            await runner.progress?.end(label)
            summary.wallSeconds = ProgressReporter.seconds(ContinuousClock.now - started)
            return summary
        }
    }
}
