import Candor
import Foundation
import Testing

/// How the sanity matrix decides a cell: pass or fail on enough decisive observations, undecided on too few, not
/// applicable (with the reason) where a scorer does not apply or its aggregate is undefined for a variant.
@Suite struct SanityCheckTests {
    /// Stores LAS observations [xe, x, e] for `variant`, one per instance.
    func save(_ store: ResultStore, _ variant: ReferenceModel.Variant, scorer: String = "las",
              _ rows: [[Double]]) async throws {
        try await store.save(observations: rows.enumerated().map { index, values in
            ObservationRecord(modelKey: ReferenceModel.key(of: variant), suite: WorkedExampleSuite.sentiment.id,
                              scorer: scorer,
                              source: "self", instanceID: String(format: "i%03d", index), values: values)
        })
    }

    func matrix(_ store: ResultStore, scorers: [String]) async throws -> SanityMatrix {
        var suite = WorkedExampleSuite.sentiment
        suite.scorers = scorers
        return try await SanityCheck.matrix(store: store, suites: [suite],
                                            scorers: try scorers.map { try Scorers.named($0).init() },
                                            bootstrap: try Bootstrap(resamples: 200))
    }

    @Test func decidesPassUndecidedAndNotApplicable() async throws {
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        // faithful: 60 instances, half leaked; the explanation turns every x-miss into a hit: LAS = 1,
        // min(|L|, |¬L|) = 30.
        try await save(store, .faithful, (0..<60).map { [1, 0, $0 % 2 == 0 ? 1 : 0] })
        // shuffled: no help in either group: LAS = 0.
        try await save(store, .shuffled, (0..<60).map { [0, 0, $0 % 2 == 0 ? 1 : 0] })
        // inverted: the explanation alone never gives ŷ, so L is empty and LAS undefined.
        try await save(store, .inverted, (0..<60).map { _ in [0, 0, 0] })
        let cells = try await matrix(store, scorers: ["las"]).cells
        #expect(cells.map(\.other) == ["shuffled", "inverted"])
        #expect(cells[0].status == .pass && cells[0].n == 30 && cells[0].difference == 1)
        #expect(cells[1].status == .notApplicable)
        #expect(cells[1].reason == "las is undefined for inverted (L is empty: the explanation alone gives ŷ on "
            + "none of 60 instances)")

        // Only 20 instances of each group: the same gap, but too few decisive observations.
        let small = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        try await save(small, .faithful, (0..<40).map { [1, 0, $0 % 2 == 0 ? 1 : 0] })
        try await save(small, .shuffled, (0..<40).map { [0, 0, $0 % 2 == 0 ? 1 : 0] })
        let undecided = try await matrix(small, scorers: ["las"]).cells[0]
        #expect(undecided.status == .undecided && undecided.n == 20)
        #expect(undecided.reason == "20 decisive observations, fewer than 30")
        // Nothing stored for inverted at all.
        let missing = try await matrix(small, scorers: ["las"]).cells[1]
        #expect(missing.status == .notApplicable && missing.n == 0)
        #expect(missing.reason == "no observations of faithful and inverted on the same instances")
    }

    @Test func failsWhenTheWinnerLoses() async throws {
        let store = try ResultStore(url: try ResultStoreTests.temporaryStoreURL())
        try await save(store, .faithful, (0..<60).map { [0, 0, $0 % 2 == 0 ? 1 : 0] })
        try await save(store, .shuffled, (0..<60).map { [1, 0, $0 % 2 == 0 ? 1 : 0] })
        try await save(store, .inverted, (0..<60).map { [0, 0, $0 % 2 == 0 ? 1 : 0] })
        let matrix = try await matrix(store, scorers: ["las"])
        #expect(matrix.cells.map(\.status) == [.fail, .fail])
        #expect(!matrix.passes)
        #expect(matrix.tally == "0 pass, 2 fail, 0 undecided (fewer than 30 decisive observations), 0 not applicable")
    }
}
