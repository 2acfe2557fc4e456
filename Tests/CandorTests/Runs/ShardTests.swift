import Candor
import Testing

@Suite struct ShardTests {
    @Test(arguments: [("1/2", 1, 2), ("2/2", 2, 2), ("1/1", 1, 1), ("7/10", 7, 10)])
    func readsIndexOverCount(text: String, index: Int, count: Int) throws {
        let shard = try Shard(parsing: text)
        #expect(shard.index == index && shard.count == count)
        #expect(shard.description == text)
    }

    @Test(arguments: ["0/2", "3/2", "1/0", "-1/2", "1", "1/2/3", "a/b", "", "1/"])
    func refusesAnythingElse(text: String) {
        #expect(throws: Shard.ParseError(text: text)) { try Shard(parsing: text) }
    }

    @Test func assignsByTheStableHashOfTheInstanceID() throws {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (even: remainder 0 of 2, 1 of 3); of "b" 0xaf63df4c8601f1a5
        // (odd: remainder 1 of 2, 1 of 3); of "sentiment-test-0001" 0x248a4d0d21c11933 (remainders 1 and 2).
        // Computed by hand with the FNV-1a definition (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
        #expect(try Shard(parsing: "1/2").contains(instanceID: "a"))
        #expect(try Shard(parsing: "2/2").contains(instanceID: "b"))
        #expect(try Shard(parsing: "2/3").contains(instanceID: "a"))
        #expect(try Shard(parsing: "2/3").contains(instanceID: "b"))
        #expect(try Shard(parsing: "2/2").contains(instanceID: "sentiment-test-0001"))
        #expect(try Shard(parsing: "3/3").contains(instanceID: "sentiment-test-0001"))
    }

    @Test(arguments: [1, 2, 3, 8])
    func everyInstanceIsInExactlyOneShard(count: Int) throws {
        let shards = try (1...count).map { try Shard(index: $0, count: count) }
        let ids = (0..<500).map { "suite-test-\($0)" }
        for id in ids {
            #expect(shards.filter { $0.contains(instanceID: id) }.count == 1)
        }
        // No shard is empty at 500 ids (each would expect 500 / count of them).
        for shard in shards {
            #expect(ids.contains { shard.contains(instanceID: $0) })
        }
    }
}
