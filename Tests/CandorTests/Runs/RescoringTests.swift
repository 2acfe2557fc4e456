import Candor
import CandorProtocol
import Foundation
import Testing

@Suite struct RescoringTests {
    static func scoring(_ store: ResultStore) throws -> ScoringRunner {
        ScoringRunner(store: store, scorers: [Comprehensiveness()], bootstrap: try Bootstrap(resamples: 50))
    }

    @Test func rescoringAfterARunAsksNoModel() async throws {
        let suite = try RunnerTests.makeSuite(test: RunnerTests.fiveInstances)
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let model = CountingModel()
        let scoring = try Self.scoring(store)
        let first = try await Runner(store: store).run(suites: [suite], provider: FixedProvider(model: model),
                                                       scoring: scoring)
        let asked = await model.log.sent.count
        let stored = try await store.responseCount()

        let again = try await Rescoring(store: store, scoring: scoring).score(modelKeys: [], suites: [suite])
        #expect(again.map(\.sent) == [0])
        #expect(again.map(\.probes) == first.scored.map(\.probes))
        #expect(again[0].scores == first.scored[0].scores)
        #expect(await model.log.sent.count == asked)
        #expect(try await store.responseCount() == stored)
    }

    @Test func missingProbesNeedTheModel() async throws {
        let suite = try RunnerTests.makeSuite(test: RunnerTests.fiveInstances)
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let model = CountingModel()
        _ = try await Runner(store: store).run(suites: [suite], provider: FixedProvider(model: model))
        let scoring = try Self.scoring(store)
        let missing = try await scoring.unansweredProbes(suite: suite, modelKey: model.key,
                                                         descriptor: model.descriptor)
        #expect(missing > 0)
        let rescoring = Rescoring(store: store, scoring: scoring)
        await #expect(throws: Rescoring.Failure.missingProbes(modelKey: "counting/v1", suite: "mini",
                                                              count: missing)) {
            try await rescoring.score(modelKeys: [], suites: [suite])
        }
        let scored = try await rescoring.score(modelKeys: [], suites: [suite], live: model)
        #expect(scored.map(\.sent) == [missing])
        #expect(try await scoring.unansweredProbes(suite: suite, modelKey: model.key,
                                                   descriptor: model.descriptor) == 0)
        await #expect(throws: Rescoring.Failure.unknownModel("nobody/x", known: ["counting/v1"])) {
            try await rescoring.score(modelKeys: ["nobody/x"], suites: [suite])
        }
    }

    @Test func aShardExplainsAndProbesOnlyItsInstancesAndScoresNothing() async throws {
        let suite = try RunnerTests.makeSuite(test: RunnerTests.fiveInstances)
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        let model = CountingModel()
        // FNV-1a 64 of t1…t5 ends in 0x…e16, …c63, …ab0, …695, …4e2: t1, t3, t5 are even (shard 1 of 2).
        let runner = Runner(store: store, options: RunOptions(shard: try Shard(parsing: "1/2")))
        let report = try await runner.run(suites: [suite], provider: FixedProvider(model: model),
                                          scoring: try Self.scoring(store))
        #expect(report.explained.map(\.instances) == [3])
        #expect(report.scored.map(\.scores.isEmpty) == [true])
        #expect(try await store.aggregates(modelKey: model.key).isEmpty)
        let instances = Set(try await store.responses(modelKey: model.key).map(\.instanceID))
        #expect(instances == ["t1", "t3"])
    }
}
