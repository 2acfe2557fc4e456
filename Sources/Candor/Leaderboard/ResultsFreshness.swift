/// Whether a model's results file still says what running it now would say: the check `candor refresh` makes
/// before running anything, so that CI runs only what changed.
///
/// Results are stale when there are none; when a suite is missing from them, or its version or content hash
/// differs from the suite on disk; when a scorer a suite enables is missing from them or has another version
/// than this Candor's; or when the submission file's hash differs from the one recorded. Candor's own version
/// alone does not make results stale: scorers carry their own versions for exactly that.
public enum ResultsFreshness {
    /// Why `results` are stale, in words, one reason each; empty when they are fresh.
    /// - Parameters:
    ///   - suites: The suites the results should cover.
    ///   - scorers: The scorers in use; each suite is expected to have those it enables.
    ///   - submission: The hash of the submission file the model would run from now (nil for the reference
    ///     model, which has none).
    public static func staleness(of results: ModelResults?, suites: [Suite], scorers: [any Scorer],
                                 submission: String?) -> [String] {
        guard let results else { return ["no results file"] }
        var reasons: [String] = []
        if results.model.submission != submission {
            reasons.append(results.model.submission == nil ? "the results record no submission file"
                           : "the submission file changed")
        }
        let recorded = Dictionary(results.scorers.map { ($0.id, $0.version) }, uniquingKeysWith: { first, _ in first })
        var reported: Set<String> = []
        for suite in suites {
            guard let entry = results.suites.first(where: { $0.id == suite.id }) else {
                reasons.append("suite \(suite.id): no results")
                continue
            }
            if entry.version != suite.version {
                reasons.append("suite \(suite.id): version \(entry.version) in the results, \(suite.version) now")
            } else if entry.contentHash != suite.contentHash {
                reasons.append("suite \(suite.id): its content changed (hash \(entry.contentHash.prefix(12)) in the "
                    + "results, \(suite.contentHash.prefix(12)) now)")
            }
            for scorer in ScoringRunner.enabled(scorers, for: suite) where !reported.contains(scorer.id) {
                let current = type(of: scorer).version
                if let version = recorded[scorer.id] {
                    if version != current {
                        reasons.append("scorer \(scorer.id): version \(version) in the results, \(current) now")
                        reported.insert(scorer.id)
                    }
                } else {
                    reasons.append("scorer \(scorer.id): no results")
                    reported.insert(scorer.id)
                }
            }
        }
        return reasons
    }
}
