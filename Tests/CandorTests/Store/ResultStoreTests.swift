import Candor
import CandorProtocol
import Foundation
import Testing

@Suite struct ResultStoreTests {
    /// A fresh folder for one test's store.
    static func temporaryStoreURL() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-store-\(UUID().uuidString)")
        return folder.appendingPathComponent("nested").appendingPathComponent("candor.sqlite")
    }

    static func record(key: String = "fake/a", hash: String, status: OutcomeStatus = .ok, label: String = "yes",
                       error: String? = nil) -> ResponseRecord {
        let response: Response? = switch status {
        case .ok: Response(id: "i-\(hash)", label: label, probabilities: ["no": 0.25, "yes": 0.75])
        case .error: Response(id: "i-\(hash)", error: error ?? "refused")
        default: nil
        }
        return ResponseRecord(modelKey: key, requestHash: hash, op: .explain, suite: "s", instanceID: "i-\(hash)",
                              status: status, response: response, latency: 0.5,
                              error: status == .ok ? nil : (error ?? "failed"))
    }

    @Test func createsItsFolderAndMigratesToTheCurrentSchema() async throws {
        let url = try Self.temporaryStoreURL()
        let store = try ResultStore(url: url)
        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(try await store.schemaVersionOnDisk() == ResultStore.schemaVersion)
        #expect(ResultStore.schemaVersion == 1)
        // Every table exists: each one takes a row and gives it back.
        try await store.insert([Self.record(hash: "h1")])
        let run = try await store.beginRun(modelKey: "fake/a",
                                           descriptor: ModelDescriptor(name: "fake", version: "1",
                                                                       capabilities: [.text, .highlights]),
                                           commandLine: "candor run --model fake")
        try await store.save(observations: [ObservationRecord(modelKey: "fake/a", suite: "s", scorer: "x",
                                                              source: "self", instanceID: "i1", values: [1])])
        try await store.save(aggregates: [AggregateRecord(modelKey: "fake/a", suite: "s", scorer: "x",
                                                          source: "self", value: 1, n: 1, coverage: 1)])
        #expect(try await store.responseCount() == 1)
        #expect(try await store.runs().map(\.id) == [run])
        #expect(try await store.observations(modelKey: "fake/a", suite: "s", scorer: "x", source: "self").count == 1)
        #expect(try await store.aggregates(modelKey: "fake/a").count == 1)
    }

    @Test func reopeningKeepsTheDataAndDoesNotMigrateAgain() async throws {
        let url = try Self.temporaryStoreURL()
        do {
            let store = try ResultStore(url: url)
            try await store.insert([Self.record(hash: "h1"), Self.record(hash: "h2")])
        }
        let reopened = try ResultStore(url: url)
        #expect(try await reopened.responseCount() == 2)
        #expect(try await reopened.schemaVersionOnDisk() == 1)
    }

    @Test func refusesAStoreFromANewerCandor() async throws {
        let url = try Self.temporaryStoreURL()
        do {
            let store = try ResultStore(url: url)
            try await store.insert([Self.record(hash: "h1")])
        }
        // Closing the last connection checkpoints the WAL into the main file. SQLite keeps `user_version` as a
        // big-endian 32-bit integer at byte offset 60 of the file header; writing 3 there is what a newer
        // Candor's migration would leave.
        var bytes = try Data(contentsOf: url)
        #expect(bytes[60..<64] == Data([0, 0, 0, 1]))
        bytes.replaceSubrange(60..<64, with: [0, 0, 0, 3])
        try bytes.write(to: url)

        #expect(throws: StoreError.newerSchema(path: url.path, found: 3, supported: 1)) {
            try ResultStore(url: url)
        }
        let message = StoreError.newerSchema(path: url.path, found: 3, supported: 1).description
        #expect(message == "\(url.path): this store was written by a newer Candor (schema 3); "
            + "this build reads up to schema 1")
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let url = try Self.temporaryStoreURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: url)
        let error = #expect(throws: StoreError.self) {
            try ResultStore(url: url)
        }
        guard case .cannotOpen(let path, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
    }

    @Test func keepsOneRowPerModelKeyAndRequestHash() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        try await store.insert([Self.record(key: "fake/a", hash: "h1", label: "yes")])
        try await store.insert([Self.record(key: "fake/a", hash: "h1", label: "no")])
        try await store.insert([Self.record(key: "fake/b", hash: "h1", label: "no")])
        #expect(try await store.responseCount(modelKey: "fake/a") == 1)
        #expect(try await store.responseCount(modelKey: "fake/b") == 1)
        #expect(try await store.responseCount() == 2)
        // The first final answer stays.
        #expect(try await store.response(modelKey: "fake/a", requestHash: "h1")?.response?.label == "yes")
        #expect(try await store.response(modelKey: "fake/b", requestHash: "h1")?.response?.label == "no")
    }

    @Test func aFailedRowIsReplacedByALaterOutcomeAndAFinalOneIsNot() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        try await store.insert([
            Self.record(hash: "t", status: .timeout, error: "no answer within 60 s"),
            Self.record(hash: "r", status: .error, error: "input too long"),
        ])
        #expect(try await store.existingHashes(modelKey: "fake/a", among: ["t", "r", "unknown"]) == ["r"])

        try await store.insert([
            Self.record(hash: "t", status: .ok, label: "yes"),
            Self.record(hash: "r", status: .ok, label: "yes"),
        ])
        let retried = try #require(try await store.response(modelKey: "fake/a", requestHash: "t"))
        #expect(retried.status == .ok)
        #expect(retried.error == nil)
        let refused = try #require(try await store.response(modelKey: "fake/a", requestHash: "r"))
        #expect(refused.status == .error)
        #expect(refused.error == "input too long")
        #expect(refused.response?.error == "input too long")
        #expect(try await store.existingHashes(modelKey: "fake/a", among: ["t", "r"]) == ["t", "r"])
    }

    @Test func looksUpMoreHashesThanOneStatementTakes() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        // 1,200 hashes span three lookup chunks of 500.
        let hashes = (0..<1200).map { "h\($0)" }
        try await store.insert(hashes.map { Self.record(hash: $0) })
        let asked = hashes + ["x1", "x2"]
        #expect(try await store.existingHashes(modelKey: "fake/a", among: asked) == Set(hashes))
        #expect(try await store.responses(modelKey: "fake/a", hashes: asked).count == 1200)
        #expect(try await store.existingHashes(modelKey: "fake/b", among: asked).isEmpty)
    }

    @Test func storesResponsesAsCanonicalJSONThatReadsBackEqual() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        let response = Response(id: "i1", label: "yes", probabilities: ["no": 0.1, "yes": 0.9],
                                explanation: WireExplanation(text: "because", highlights: [
                                    Highlight(field: "review", tokens: [0, 2]),
                                ], weights: [FieldWeights(field: "review", values: [0.5, -0.25, .nan])]))
        let record = ResponseRecord(modelKey: "fake/a", requestHash: "h", op: .explain, suite: "s",
                                    instanceID: "i1", status: .ok, response: response, latency: 0.01, error: nil)
        try await store.insert([record])
        let back = try #require(try await store.response(modelKey: "fake/a", requestHash: "h"))
        #expect(back.response?.label == "yes")
        #expect(back.response?.explanation?.highlights == response.explanation?.highlights)
        let weights = try #require(back.response?.explanation?.weights?.first?.values)
        #expect(weights[0] == 0.5)
        #expect(weights[1] == -0.25)
        #expect(weights[2].isNaN)
        #expect(back.instanceID == "i1")
        #expect(back.op == .explain)
        #expect(back.latency == 0.01)
    }

    @Test func recordsRunsWithTheirEnd() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        let descriptor = ModelDescriptor(name: "fake", version: "2.1", capabilities: [.text, .highlights])
        let first = try await store.beginRun(modelKey: "fake/a", descriptor: descriptor, commandLine: "candor run")
        let second = try await store.beginRun(modelKey: "fake/b", descriptor: descriptor, commandLine: "candor run")
        try await store.finishRun(id: first, status: .finished)
        let runs = try await store.runs()
        #expect(runs.map(\.id) == [first, second])
        #expect(runs[0].status == .finished)
        #expect(runs[0].finishedAt != nil)
        #expect(runs[1].status == .running)
        #expect(runs[1].finishedAt == nil)
        #expect(runs[0].descriptor == descriptor)
        #expect(runs[0].candorVersion == CandorInfo.version)
        #expect(runs[0].commandLine == "candor run")
    }

    @Test func observationsKeepExactDoublesAndReplaceByKey() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        let odd: [Double] = [0.1, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 1e308]
        try await store.save(observations: [
            ObservationRecord(modelKey: "m", suite: "s", scorer: "sufficiency", source: "self", instanceID: "b",
                              values: [1, 2]),
            ObservationRecord(modelKey: "m", suite: "s", scorer: "sufficiency", source: "self", instanceID: "a",
                              values: odd),
            ObservationRecord(modelKey: "m", suite: "s", scorer: "sufficiency", source: "random", instanceID: "a",
                              values: []),
        ])
        try await store.save(observations: [
            ObservationRecord(modelKey: "m", suite: "s", scorer: "sufficiency", source: "self", instanceID: "b",
                              values: [3]),
        ])
        let back = try await store.observations(modelKey: "m", suite: "s", scorer: "sufficiency", source: "self")
        #expect(back.map(\.instanceID) == ["a", "b"])
        #expect(back[0].values.map(\.bitPattern) == odd.map(\.bitPattern))
        #expect(back[1].values == [3])
        let random = try await store.observations(modelKey: "m", suite: "s", scorer: "sufficiency",
                                                  source: "random")
        #expect(random.map(\.values) == [[]])
    }

    @Test func aggregatesRoundTripAndReplaceByKey() async throws {
        let store = try ResultStore(url: try Self.temporaryStoreURL())
        let details: JSONValue = .object(["flipped": .number(12), "note": .string("label-flip version")])
        try await store.save(aggregates: [
            AggregateRecord(modelKey: "m", suite: "t", scorer: "auprc", source: "self", value: nil, n: 0,
                            coverage: 0),
            AggregateRecord(modelKey: "m", suite: "s", scorer: "comprehensiveness", source: "self", value: 0.2,
                            low: 0.1, high: 0.3, n: 300, coverage: 0.5, details: details),
        ])
        try await store.save(aggregates: [
            AggregateRecord(modelKey: "m", suite: "s", scorer: "comprehensiveness", source: "self", value: 0.25,
                            low: 0.15, high: 0.35, n: 300, coverage: 0.5, details: details),
        ])
        let all = try await store.aggregates(modelKey: "m")
        #expect(all.map(\.suite) == ["s", "t"])
        #expect(all[0] == AggregateRecord(modelKey: "m", suite: "s", scorer: "comprehensiveness", source: "self",
                                          value: 0.25, low: 0.15, high: 0.35, n: 300, coverage: 0.5,
                                          details: details))
        #expect(all[1].value == nil)
        #expect(all[1].details == nil)
        #expect(try await store.aggregates(modelKey: "m", suite: "t").map(\.scorer) == ["auprc"])
    }
}
