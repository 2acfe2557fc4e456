import Candor
import Foundation
import Testing

@Suite struct ResultsFreshnessTests {
    static func suite() throws -> Suite {
        let suites = try SuiteLoader.loadAll(in: FixtureFolder.projectRoot.appendingPathComponent("Fixtures/runs"))
        return try #require(suites.first { $0.id == "tiny-sentiment" })
    }

    /// Results that match `suite` and this Candor's scorers exactly (tiny-sentiment enables comprehensiveness,
    /// sufficiency, las and token-f1).
    static func results(for suite: Suite, submission: String? = "abc") -> ModelResults {
        let scorers = Scorers.all.filter { suite.scorers.contains($0.id) }.map(ModelResults.ScorerEntry.init)
        let entry = SuiteResults(id: suite.id, version: suite.version, contentHash: suite.contentHash,
                                 instances: 300, accuracy: 1, majorityBaseline: 0.5, failures: [:], requests: 1,
                                 scores: [], comparisons: [])
        return ModelResults(model: .init(name: "m", version: "1", capabilities: [], key: "process/m:0", command: "",
                                         submission: submission),
                            scorers: scorers, suites: [entry])
    }

    static func reasons(_ results: ModelResults?, submission: String? = "abc") throws -> [String] {
        let suite = try suite()
        return ResultsFreshness.staleness(of: results, suites: [suite], scorers: Scorers.all.map { $0.init() },
                                          submission: submission)
    }

    @Test func matchingResultsAreFresh() throws {
        #expect(try Self.reasons(Self.results(for: try Self.suite())).isEmpty)
        #expect(try Self.reasons(Self.results(for: try Self.suite(), submission: nil), submission: nil).isEmpty)
    }

    @Test func missingResultsAreStale() throws {
        #expect(try Self.reasons(nil) == ["no results file"])
    }

    @Test func aChangedSubmissionFileMakesThemStale() throws {
        let results = Self.results(for: try Self.suite())
        #expect(try Self.reasons(results, submission: "def") == ["the submission file changed"])
        #expect(try Self.reasons(Self.results(for: try Self.suite(), submission: nil), submission: "def")
            == ["the results record no submission file"])
    }

    @Test func aChangedSuiteMakesThemStale() throws {
        let suite = try Self.suite()
        var results = Self.results(for: suite)
        results.suites[0].version = "0.9.0"
        #expect(try Self.reasons(results) == ["suite tiny-sentiment: version 0.9.0 in the results, 1.0.0 now"])
        results = Self.results(for: suite)
        results.suites[0].contentHash = String(repeating: "0", count: 64)
        #expect(try Self.reasons(results) == ["suite tiny-sentiment: its content changed (hash 000000000000 in the "
            + "results, \(suite.contentHash.prefix(12)) now)"])
        results.suites = []
        #expect(try Self.reasons(results) == ["suite tiny-sentiment: no results"])
    }

    @Test func aChangedOrMissingScorerMakesThemStale() throws {
        var results = Self.results(for: try Self.suite())
        let index = try #require(results.scorers.firstIndex { $0.id == "sufficiency" })
        results.scorers[index].version += 1
        let current = results.scorers[index].version - 1
        #expect(try Self.reasons(results)
            == ["scorer sufficiency: version \(current + 1) in the results, \(current) now"])
        results.scorers.remove(at: index)
        #expect(try Self.reasons(results) == ["scorer sufficiency: no results"])
    }
}
