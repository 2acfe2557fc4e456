import Candor
import CandorProtocol
import Foundation
import Testing

@Suite struct ResponseWriterTests {
    @Test func commitsFullBatchesAndFlushesTheRestAtTheEnd() async throws {
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        // An hour-long interval: only full batches and the final flush commit anything in this test.
        let writer = ResponseWriter(store: store, batchSize: 64, interval: .seconds(3600))
        for index in 0..<130 {
            try await writer.record([ResultStoreTests.record(hash: "h\(index)")])
        }
        // 130 records in batches of 64: two full batches (64 + 64 = 128) committed, 2 still buffered.
        #expect(try await store.responseCount() == 128)
        #expect(await writer.committed == 128)
        try await writer.flush()
        #expect(try await store.responseCount() == 130)
        #expect(await writer.committed == 130)
        // A second flush has nothing left to write.
        try await writer.flush()
        #expect(try await store.responseCount() == 130)
    }

    @Test func reportsWhatItHasNotCommittedYet() async throws {
        let store = try ResultStoreTests.temporaryStoreURL()
        let writer = ResponseWriter(store: try ResultStore(url: store), batchSize: 10, interval: .seconds(3600))
        try await writer.record([ResultStoreTests.record(hash: "a"), ResultStoreTests.record(key: "other", hash: "b")])
        let pending = await writer.pending(modelKey: "fake/a", among: ["a", "b", "c"])
        #expect(Set(pending.keys) == ["a"])
        try await writer.flush()
        #expect(await writer.pending(modelKey: "fake/a", among: ["a"]).isEmpty)
    }

    @Test func commitsAPartialBatchAfterTheInterval() async throws {
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let writer = ResponseWriter(store: store, batchSize: 64, interval: .milliseconds(20))
        try await writer.record((0..<3).map { ResultStoreTests.record(hash: "h\($0)") })
        // No flush: the timer alone must commit the three records. Waiting up to 30 s only bounds a hang; the
        // test asserts that it happens, not how fast.
        var count = 0
        var polls = 0
        while count < 3, polls < 3000 {
            try await Task.sleep(for: .milliseconds(10))
            count = try await store.responseCount()
            polls += 1
        }
        #expect(count == 3)
    }
}
