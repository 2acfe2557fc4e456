import Candor
import CandorProtocol
import Foundation
import Testing

/// A model that predicts `positive` when the review says "good", counts every request it is sent, and can be
/// told to fail chosen instances once each.
struct CountingModel: ExplainingModel {
    actor Log {
        var sent: [String] = []
        var failedOnce: Set<String> = []
        func add(_ ids: [String]) { sent += ids }
        /// Whether `id` should fail now: the first time it is asked, and never again.
        func shouldFail(_ id: String) -> Bool { failedOnce.insert(id).inserted }
    }

    let log = Log()
    var failures: [String: OutcomeStatus] = [:]
    var omitted: Set<String> = []
    var key: String { "counting/v1" }
    var descriptor: ModelDescriptor { ModelDescriptor(name: "counting", version: "1", capabilities: [.text]) }

    func respond(to requests: [Request]) async -> [Outcome] {
        await log.add(requests.map(\.id))
        var outcomes: [Outcome] = []
        for request in requests {
            let status = failures[request.id]
            if omitted.contains(request.id), await log.shouldFail(request.id) { continue }
            if let status, await log.shouldFail(request.id) {
                switch status {
                case .error:
                    outcomes.append(.ok(Response(id: request.id, error: "input too long")))
                default:
                    outcomes.append(Outcome(requestID: request.id, status: status,
                                            reason: "\(status.rawValue) on \(request.id)"))
                }
                continue
            }
            let text = request.input?["review"]?.text ?? ""
            let label = text.contains("good") ? "positive" : "negative"
            outcomes.append(.ok(Response(
                id: request.id, label: label, probabilities: ["negative": 0.3, "positive": 0.7],
                explanation: WireExplanation(text: "it says \(label)",
                                             highlights: [Highlight(field: "review", tokens: [0])]))))
        }
        // Answer in reverse order: the runner must match outcomes by id, not by position.
        return outcomes.reversed()
    }
}

/// Gives the same model for every suite, running up to `concurrentSuites` suites at once.
struct FixedProvider: ModelProvider {
    var model: any ExplainingModel
    var concurrentSuites = 1
    func models(for suite: Suite) async throws -> [any ExplainingModel] { [model] }
}

@Suite struct RunnerTests {
    /// Writes a suite with `test` lines (id, review, label) and a train split of two `positive` and one
    /// `negative`, and loads it.
    static func makeSuite(test: [(String, String, String)], id: String = "mini") throws -> Suite {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-runner-\(UUID().uuidString)").appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            format: 1
            id: \(id)
            version: 1.0.0
            title: Mini
            task:
              kind: classification
              labels: [negative, positive]
              inputs:
                - {name: review, type: text}
            explanations: [highlights, text]
            probes:
              insertion-words: [truly]
              cue: "Someone says {label}."
            scorers: [comprehensiveness]
            splits: {train: train.jsonl, test: test.jsonl}
            provenance: "written by the runner tests"

            """.write(to: folder.appendingPathComponent("suite.yaml"), atomically: true, encoding: .utf8)
        func line(_ id: String, _ review: String, _ label: String) -> String {
            #"{"id":"\#(id)","input":{"review":"\#(review)"},"label":"\#(label)"}"#
        }
        let train = [line("tr1", "good", "positive"), line("tr2", "fine", "positive"), line("tr3", "bad", "negative")]
        try (train.joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
        try (test.map(line).joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("test.jsonl"), atomically: true, encoding: .utf8)
        return try SuiteLoader.load(folder)
    }

    /// Five test instances; t5 repeats t1's review, so it hashes alike and is asked once.
    static let fiveInstances = [
        ("t1", "good film", "positive"),
        ("t2", "bad film", "negative"),
        ("t3", "good plot", "negative"),
        ("t4", "bad plot", "negative"),
        ("t5", "good film", "positive"),
    ]

    @Test(arguments: [1, 2, 64])
    func countsAccuracyBaselineAndReuse(batchSize: Int) async throws {
        let suite = try Self.makeSuite(test: Self.fiveInstances)
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let model = CountingModel()
        let runner = Runner(store: store, options: RunOptions(batchSize: batchSize))
        let summary = try #require(try await runner.run(suites: [suite], provider: FixedProvider(model: model)).first)

        // Predictions: t1 positive (right), t2 negative (right), t3 positive (wrong: gold negative),
        // t4 negative (right), t5 positive (right) → accuracy 4/5 = 0.8.
        #expect(summary.instances == 5)
        #expect(summary.answered == 5)
        #expect(summary.correct == 4)
        #expect(summary.accuracy == 0.8)
        // Train: positive 2, negative 1 → majority positive; test golds positive: t1, t5 → 2/5 = 0.4.
        #expect(summary.majorityCorrect == 2)
        #expect(summary.majorityBaseline == 0.4)
        // t5 is t1's request again: 4 sent, 1 reused, whichever batch each falls in.
        #expect(summary.sent == 4)
        #expect(summary.reused == 1)
        #expect(summary.failures.isEmpty)
        #expect(await model.log.sent.sorted() == ["t1", "t2", "t3", "t4"])
        #expect(try await store.responseCount(modelKey: "counting/v1") == 4)
    }

    /// Suites run side by side report in suite order, begin one run row for the model, and store what a run one
    /// suite at a time stores.
    @Test func suitesRunSideBySideAsTheyWouldOneByOne() async throws {
        let suites = try ["s1", "s2", "s3", "s4"].map { try Self.makeSuite(test: Self.fiveInstances, id: $0) }
        var stored: [[String: String?]] = []
        for width in [1, 3] {
            let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
            let provider = FixedProvider(model: CountingModel(), concurrentSuites: width)
            let summaries = try await Runner(store: store, options: RunOptions(batchSize: 2))
                .run(suites: suites, provider: provider)
            #expect(summaries.map(\.suite) == ["s1", "s2", "s3", "s4"])
            #expect(summaries.allSatisfy { $0.correct == 4 && $0.sent == 4 })
            let runs = try await store.runs()
            #expect(runs.count == 1 && runs[0].status == .finished)
            var labels: [String: String?] = [:]
            for suite in suites {
                for instance in try suite.instances(split: "test") {
                    let hash = RequestHash.of(Request(op: .explain, id: instance.id, suite: suite.id,
                                                      task: suite.task.descriptor, input: instance.wireInput))
                    labels["\(suite.id)/\(instance.id)"] = try await store.responses(
                        modelKey: "counting/v1", hashes: [hash])[hash]?.response?.label
                }
            }
            stored.append(labels)
        }
        #expect(stored[0].count == 20 && stored[0] == stored[1])
    }

    @Test func aSecondRunSendsNothingAndReadsTheAnswersBack() async throws {
        let suite = try Self.makeSuite(test: Self.fiveInstances)
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let model = CountingModel()
        let runner = Runner(store: store, options: RunOptions(batchSize: 2))
        let first = try await runner.run(suites: [suite], provider: FixedProvider(model: model))
        let second = try await runner.run(suites: [suite], provider: FixedProvider(model: model))
        #expect(await model.log.sent.count == 4)
        #expect(second[0].sent == 0)
        #expect(second[0].reused == 5)
        // Accuracy from the stored answers alone equals the first run's: 4/5.
        #expect(second[0].correct == 4)
        #expect(second[0].accuracy == first[0].accuracy)
        #expect(try await store.responseCount() == 4)
        let runs = try await store.runs()
        #expect(runs.map(\.status) == [.finished, .finished])
        #expect(runs.map(\.modelKey) == ["counting/v1", "counting/v1"])
    }

    @Test func twoRunsOfTheSameCommandStoreIdenticalRows() async throws {
        let suite = try Self.makeSuite(test: Self.fiveInstances)
        var rows: [[ResponseRecord]] = []
        for _ in 0..<2 {
            let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
            _ = try await Runner(store: store, options: RunOptions(batchSize: 3))
                .run(suites: [suite], provider: FixedProvider(model: CountingModel()))
            // Latency, the run id and the time written are facts about the run, not about the answer.
            rows.append(try await store.responses(modelKey: "counting/v1").map { record in
                var record = record
                record.latency = 0
                record.runID = nil
                return record
            })
        }
        #expect(rows[0].count == 4)
        #expect(rows[0] == rows[1])
        // The stored JSON is canonical: re-encoding the decoded answers gives the same bytes for both runs.
        #expect(rows[0].map { CanonicalJSON.encode($0.response) } == rows[1].map { CanonicalJSON.encode($0.response) })
    }

    @Test func recordsFailuresWithTheirReasonAndRetriesAllButRefusals() async throws {
        let suite = try Self.makeSuite(test: [
            ("a", "good one", "positive"),
            ("b", "bad two", "negative"),
            ("c", "good three", "positive"),
            ("d", "bad four", "negative"),
            ("e", "good five", "positive"),
            ("f", "bad six", "negative"),
        ])
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        var model = CountingModel()
        model.failures = ["a": .timeout, "b": .protocol, "c": .error, "d": .crashed]
        model.omitted = ["e"]
        let runner = Runner(store: store, options: RunOptions(batchSize: 4))

        let first = try await runner.run(suites: [suite], provider: FixedProvider(model: model))[0]
        #expect(first.sent == 6)
        // a timeout, b protocol, c refused, d crashed, e never answered (a protocol failure), f ok.
        #expect(first.failures == [.timeout: 1, .protocol: 2, .error: 1, .crashed: 1])
        #expect(first.answered == 1)
        let rows = Dictionary(uniqueKeysWithValues: try await store.responses(modelKey: model.key)
            .map { ($0.instanceID, $0) })
        #expect(rows["a"]?.status == .timeout)
        #expect(rows["a"]?.error == "timeout on a")
        #expect(rows["a"]?.response == nil)
        #expect(rows["b"]?.error == "protocol on b")
        #expect(rows["c"]?.status == .error)
        #expect(rows["c"]?.error == "input too long")
        #expect(rows["d"]?.status == .crashed)
        #expect(rows["e"]?.status == .protocol)
        #expect(rows["e"]?.error == "the model returned no outcome for request e")
        #expect(rows["f"]?.status == .ok)

        // The next run asks a, b, d and e again (they now succeed) and leaves the refusal c alone.
        let second = try await runner.run(suites: [suite], provider: FixedProvider(model: model))[0]
        #expect(second.sent == 4)
        #expect(second.reused == 2)
        #expect(second.failures == [.error: 1])
        #expect(second.answered == 5)
        #expect(await model.log.sent.count == 6 + 4)
        let after = try await store.responses(modelKey: model.key)
        #expect(after.count == 6)
        #expect(after.filter { $0.status == .ok }.count == 5)
        #expect(after.first { $0.instanceID == "a" }?.error == nil)
    }

    @Test func streamsAnAsyncSequenceOfInstances() async throws {
        let suite = try Self.makeSuite(test: Self.fiveInstances)
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let instances = try suite.instances(split: "test")
        let stream = AsyncStream<Instance> { continuation in
            for instance in instances { continuation.yield(instance) }
            continuation.finish()
        }
        let summary = try await Runner(store: store, options: RunOptions(batchSize: 2))
            .run(suite: suite, model: CountingModel(), instances: stream)
        #expect(summary.instances == 5)
        #expect(summary.sent == 4)
        #expect(summary.correct == 4)
        #expect(try await store.responseCount() == 4)
    }

    @Test func majorityTiesGoToTheLabelListedFirst() {
        let instances = [
            Instance(id: "1", input: [:], label: "b"),
            Instance(id: "2", input: [:], label: "a"),
            Instance(id: "3", input: [:], label: "c"),
            Instance(id: "4", input: [:], label: "c"),
            Instance(id: "5", input: [:], label: "b"),
        ]
        // b and c both occur twice; b is listed before c.
        #expect(Runner.majorityLabel(of: instances, labels: ["a", "b", "c"]) == "b")
        #expect(Runner.majorityLabel(of: instances, labels: ["c", "b", "a"]) == "c")
        #expect(Runner.majorityLabel(of: [], labels: ["a"]) == nil)
    }

    @Test func namesTheSuitesThatExistWhenOneIsUnknown() throws {
        let suite = try Self.makeSuite(test: Self.fiveInstances)
        let folder = suite.directory.deletingLastPathComponent()
        #expect(try Runner.suites(named: [], in: folder).map(\.id) == ["mini"])
        #expect(throws: RunError.unknownSuite("nope", folder: folder.path, known: ["mini"])) {
            try Runner.suites(named: ["nope"], in: folder)
        }
    }
}
