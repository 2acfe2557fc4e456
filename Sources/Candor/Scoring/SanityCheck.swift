/// Computes the sanity matrix (DESIGN §6) from the store: the reference model's explainer variants, whose
/// faithfulness is known by construction, scored by every scorer on every suite.
public enum SanityCheck {
    /// The comparisons a scorer of `family` must win: (winner, other) variant pairs.
    public static func pairs(for family: ScorerFamily) -> [(winner: ReferenceModel.Variant, other: ReferenceModel.Variant)] {
        switch family {
        case .faithfulness, .simulatability: [(.faithful, .shuffled), (.faithful, .inverted)]
        case .agreement: [(.plausible, .faithful), (.plausible, .shuffled), (.plausible, .inverted)]
        }
    }

    /// The matrix over `suites` and `scorers`, from the `self` observations of the variants already in `store`.
    public static func matrix(store: ResultStore, suites: [Suite], scorers: [any Scorer],
                              bootstrap: Bootstrap) async throws -> SanityMatrix {
        var cells: [SanityMatrix.Cell] = []
        let runs = try await store.runs()
        for suite in suites {
            for scorer in ScoringRunner.enabled(scorers, for: suite) {
                let type = type(of: scorer)
                for (winner, other) in pairs(for: type.family) {
                    let a = try await observations(store, suite, scorer, winner)
                    let b = try await observations(store, suite, scorer, other)
                    var left: [[Double]] = []
                    var right: [[Double]] = []
                    // In instance-id order: a dictionary's order changes from run to run, and the bootstrap's
                    // resamples pick instances by position.
                    for (id, values) in a.sorted(by: { $0.key < $1.key }) where !values.isEmpty {
                        if let paired = b[id], !paired.isEmpty {
                            left.append(values)
                            right.append(paired)
                        }
                    }
                    let decisive = min(scorer.decisiveCount(left), scorer.decisiveCount(right))
                    let comparison = left.isEmpty ? nil
                        : bootstrap.compare(subject: left, reference: right, direction: type.direction) {
                            scorer.aggregate($0)
                        }
                    // Oriented so that a positive difference means the winner is better.
                    let sign = type.direction == .higherIsBetter ? 1.0 : -1.0
                    let status: SanityMatrix.Status
                    var reason: String?
                    if left.isEmpty {
                        status = .notApplicable
                        let model = runs.last { $0.modelKey == ReferenceModel.key(of: winner) }?.descriptor
                        reason = model.flatMap { scorer.inapplicability(model: $0, suite: suite) }
                            ?? "no observations of \(winner.rawValue) and \(other.rawValue) on the same instances"
                    } else if let undefined = [(winner, left), (other, right)]
                        .first(where: { scorer.aggregate($0.1) == nil }) {
                        status = .notApplicable
                        reason = "\(scorer.id) is undefined for \(undefined.0.rawValue)"
                            + (scorer.undefinedReason(undefined.1).map { " (\($0))" } ?? "")
                    } else if let comparison, decisive >= SanityMatrix.minimumObservations {
                        status = comparison.verdict == .better ? .pass : .fail
                    } else {
                        status = .undecided
                        reason = "\(decisive) decisive observations, fewer than \(SanityMatrix.minimumObservations)"
                    }
                    let low = comparison.map { sign > 0 ? $0.difference.low : -$0.difference.high }
                    let high = comparison.map { sign > 0 ? $0.difference.high : -$0.difference.low }
                    cells.append(SanityMatrix.Cell(
                        suite: suite.id, scorer: scorer.id, family: type.family, winner: winner.rawValue,
                        other: other.rawValue, difference: comparison.map { sign * $0.difference.value },
                        low: low, high: high, n: decisive, status: status, reason: reason))
                }
            }
        }
        return SanityMatrix(cells: cells)
    }

    static func observations(_ store: ResultStore, _ suite: Suite, _ scorer: any Scorer,
                             _ variant: ReferenceModel.Variant) async throws -> [String: [Double]] {
        let key = ReferenceModel.key(of: variant)
        var result: [String: [Double]] = [:]
        for record in try await store.observations(modelKey: key, suite: suite.id, scorer: scorer.id, source: "self") {
            result[record.instanceID] = record.values
        }
        return result
    }
}
