import Candor
import CandorProtocol
import Foundation
import Testing

@Suite struct ResultStoreMergeTests {
    static let descriptor = ModelDescriptor(name: "fake", version: "1", capabilities: [.text])

    static func store() throws -> ResultStore {
        try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
    }

    @Test func keepsTheFirstFinalAnswerAndReplacesOnlyFailures() async throws {
        let target = try Self.store()
        try await target.insert([
            ResultStoreTests.record(hash: "h1", label: "yes"),
            ResultStoreTests.record(hash: "h2", status: .timeout),
            ResultStoreTests.record(hash: "h3", status: .error, error: "too long"),
        ])
        let source = try Self.store()
        try await source.insert([
            ResultStoreTests.record(hash: "h1", label: "no"),
            ResultStoreTests.record(hash: "h2", label: "no"),
            ResultStoreTests.record(hash: "h3", label: "no"),
            ResultStoreTests.record(hash: "h4", status: .crashed),
            ResultStoreTests.record(key: "fake/b", hash: "h1", label: "no"),
        ])
        let report = try await target.merge(source)
        // h2 replaced (a timeout), h4 and fake/b's h1 added; h1 and h3 kept (final answers): 3 rows changed.
        #expect(report.responses == 3)
        let rows = try await target.responses(modelKey: "fake/a")
        #expect(rows.map(\.requestHash) == ["h1", "h2", "h3", "h4"])
        #expect(rows.map(\.status) == [.ok, .ok, .error, .crashed])
        #expect(rows.map { $0.response?.label } == ["yes", "no", nil, nil])
        #expect(try await target.responses(modelKey: "fake/b").map { $0.response?.label } == ["no"])
        #expect(report.pairs == [ResultStore.Pair(modelKey: "fake/a", suite: "s"),
                                 ResultStore.Pair(modelKey: "fake/b", suite: "s")])
    }

    @Test func copiesRunsOnceAndKeepsResponsesPointingAtThem() async throws {
        let source = try Self.store()
        _ = try await source.beginRun(modelKey: "other/x", descriptor: Self.descriptor, commandLine: "candor run 0")
        let runID = try await source.beginRun(modelKey: "fake/a", descriptor: Self.descriptor,
                                              commandLine: "candor run --shard 1/2")
        var record = ResultStoreTests.record(hash: "h1")
        record.runID = runID
        try await source.insert([record])
        try await source.finishRun(id: runID, status: .finished)

        let target = try Self.store()
        _ = try await target.beginRun(modelKey: "mine/z", descriptor: Self.descriptor, commandLine: "candor run z")
        let first = try await target.merge(source)
        let second = try await target.merge(source)
        #expect(first.runs == 2 && first.responses == 1)
        #expect(second.runs == 0 && second.responses == 0)
        let runs = try await target.runs()
        #expect(runs.map(\.modelKey) == ["mine/z", "other/x", "fake/a"])
        #expect(runs[2].status == .finished && runs[2].commandLine == "candor run --shard 1/2")
        #expect(runs[2].descriptor == Self.descriptor)
        // The target numbered the copied run 3; the response follows it.
        #expect(try await target.responses(modelKey: "fake/a").map(\.runID) == [runs[2].id])
    }

    @Test func copiesObservationsAndAggregatesAndCountsConflicts() async throws {
        func observation(_ id: String, _ value: Double) -> ObservationRecord {
            ObservationRecord(modelKey: "fake/a", suite: "s", scorer: "x", source: "self", instanceID: id,
                              values: [value])
        }
        let target = try Self.store()
        try await target.save(observations: [observation("i1", 1), observation("i2", 2)])
        let source = try Self.store()
        try await source.save(observations: [observation("i1", 1), observation("i2", 5), observation("i3", 3)])
        try await source.save(aggregates: [AggregateRecord(modelKey: "fake/a", suite: "s", scorer: "x",
                                                           source: "self", value: 0.5, n: 3, coverage: 1)])
        let report = try await target.merge(source)
        // i1 is identical, i2 differs (a conflict: the target's 2 is kept), i3 is new.
        #expect(report.observations == 1 && report.aggregates == 1 && report.conflicts == 1)
        let values = try await target.observations(modelKey: "fake/a", suite: "s", scorer: "x", source: "self")
            .map(\.values)
        #expect(values == [[1], [2], [3]])
        #expect(try await target.aggregates(modelKey: "fake/a").map(\.value) == [0.5])
    }

    @Test func listsWhatNeedsScoresAfterAMerge() async throws {
        let target = try Self.store()
        try await target.insert([ResultStoreTests.record(hash: "h1")])
        #expect(try await target.pairsNeedingScores() == [ResultStore.Pair(modelKey: "fake/a", suite: "s")])
        try await target.save(aggregates: [AggregateRecord(modelKey: "fake/a", suite: "s", scorer: "x",
                                                           source: "self", value: 1, n: 1, coverage: 1)])
        #expect(try await target.pairsNeedingScores().isEmpty)
    }

    @Test func refusesToMergeAStoreIntoItself() async throws {
        let store = try Self.store()
        await #expect(throws: StoreError.self) { try await store.merge(try ResultStore(url: store.url)) }
    }
}
