/// The numbers the leaderboard's headline shows, derived from results files only.
public struct LeaderboardSummary: Sendable, Hashable, Codable {
    public var rows: [Row]
    /// The scorers' sanity matrix, when the results folder has one.
    public var sanity: SanityMatrix?

    /// One model's headline.
    public struct Row: Sendable, Hashable, Codable {
        public var model: String
        public var version: String
        public var families: [FamilyScore]
        /// The share of failed requests over all its suites.
        public var failureRate: Double
    }

    /// One family's headline for one model.
    public struct FamilyScore: Sendable, Hashable, Codable {
        public var family: ScorerFamily
        /// Mean over (suite, scorer) of (self − random) / (reference − random): 0 is the random floor, 1 the
        /// reference line; only pairs whose reference and random intervals are apart count; nil when none does.
        public var standardized: Double?
        /// Suites where self beats reference: at least one scorer of the family says `better` and none `worse`.
        public var suitesWon: Int
        /// Suites where the family had any comparison.
        public var suitesCompared: Int
    }

    public init(results: [ModelResults], sanity: SanityMatrix? = nil) {
        self.sanity = sanity
        rows = results.map { model in
            let families = ScorerFamily.allCases.map { family in
                Self.score(model, family: family)
            }
            let requests = model.suites.reduce(0) { $0 + $1.requests }
            let failed = model.suites.reduce(0) { $0 + $1.failures.values.reduce(0, +) }
            return Row(model: model.model.name, version: model.model.version, families: families,
                       failureRate: requests == 0 ? 0 : Double(failed) / Double(requests))
        }
    }

    /// Whether the reference and random intervals do not overlap: only then is (reference − random) a scale to
    /// divide by; where they overlap the ratio would be noise blown up by a near-zero denominator.
    static func separated(_ a: ScoreEntry, _ b: ScoreEntry) -> Bool {
        guard let aValue = a.value, let bValue = b.value else { return false }
        let (aLow, aHigh) = (a.low ?? aValue, a.high ?? aValue)
        let (bLow, bHigh) = (b.low ?? bValue, b.high ?? bValue)
        return aLow > bHigh || aHigh < bLow
    }

    static func score(_ model: ModelResults, family: ScorerFamily) -> FamilyScore {
        // Only the built-in simulator's numbers: an external judge's (`las@judge`) would make models that were judged
        // differently incomparable.
        let ids = Set(model.scorers.filter { $0.family == family && $0.judge == nil }.map(\.id))
        var standardized: [Double] = []
        var won = 0
        var compared = 0
        for suite in model.suites {
            for id in ids.sorted() {
                let entry = { (source: ExplanationSource) in
                    suite.scores.first { $0.scorer == id && $0.source == source }
                }
                guard let own = entry(.self)?.value, let reference = entry(.reference),
                      let random = entry(.random), let line = reference.value, let floor = random.value,
                      Self.separated(reference, random)
                else { continue }
                standardized.append((own - floor) / (line - floor))
            }
            let verdicts = suite.comparisons.filter { ids.contains($0.scorer) }.compactMap(\.verdict)
            if !verdicts.isEmpty {
                compared += 1
                if verdicts.contains(.better) && !verdicts.contains(.worse) { won += 1 }
            }
        }
        return FamilyScore(family: family,
                           standardized: standardized.isEmpty ? nil
                               : standardized.reduce(0, +) / Double(standardized.count),
                           suitesWon: won, suitesCompared: compared)
    }
}
