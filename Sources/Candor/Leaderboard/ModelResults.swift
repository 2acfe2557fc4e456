import CandorProtocol
import Foundation

/// The exported results of one model: what `Results/<model>.json` holds and the leaderboard is built from.
///
/// Everything a reader needs to trust a number travels with it: Candor's version, each suite's version and content
/// hash, each scorer's version, n, coverage and the interval. Encoded with sorted keys so files diff cleanly.
public struct ModelResults: Codable, Sendable, Hashable {
    /// The version of the results format.
    public static let formatVersion = 1

    public var format: Int
    public var candorVersion: String
    public var model: ModelEntry
    public var scorers: [ScorerEntry]
    public var suites: [SuiteResults]

    public init(format: Int = ModelResults.formatVersion, candorVersion: String = CandorInfo.version,
                model: ModelEntry, scorers: [ScorerEntry], suites: [SuiteResults]) {
        self.format = format
        self.candorVersion = candorVersion
        self.model = model
        self.scorers = scorers
        self.suites = suites
    }

    /// The model as it declared itself, and how to reproduce its row.
    public struct ModelEntry: Codable, Sendable, Hashable {
        /// The leaderboard name (e.g. `reference`, `reference-shuffled`, a submission's name).
        public var name: String
        public var version: String
        public var capabilities: [String]
        /// The store key (model and adapter configuration).
        public var key: String
        /// The command that reproduces these results.
        public var command: String
        /// SHA-256 of the submission file the model was run from (absent for the reference model and for models
        /// run by hand): `candor refresh` runs the model again when the file changes.
        public var submission: String?

        public init(name: String, version: String, capabilities: [String], key: String, command: String,
                    submission: String? = nil) {
            self.name = name
            self.version = version
            self.capabilities = capabilities
            self.key = key
            self.command = command
            self.submission = submission
        }
    }

    /// A scorer as used for these results.
    public struct ScorerEntry: Codable, Sendable, Hashable {
        public var id: String
        public var version: Int
        public var family: ScorerFamily
        public var direction: ScoreDirection
        /// The external simulator that judged a simulatability scorer (its id is then `scorer@judge`); absent for
        /// the built-in simulator and every other scorer.
        public var judge: String?

        public init(id: String, version: Int, family: ScorerFamily, direction: ScoreDirection, judge: String? = nil) {
            self.id = id
            self.version = version
            self.family = family
            self.direction = direction
            self.judge = judge
        }

        public init(_ scorer: any Scorer.Type) {
            self.init(id: scorer.id, version: scorer.version, family: scorer.family, direction: scorer.direction)
        }

        /// The entry of a stored scorer id: a registered id, or `id@judge` for a scorer judged by an external
        /// simulator; nil for an id Candor does not know.
        public init?(storedID: String) {
            let parsed = Scorers.parse(storedID: storedID)
            guard let scorer = try? Scorers.named(parsed.id) else { return nil }
            self.init(scorer)
            if let judge = parsed.judge {
                id = storedID
                self.judge = judge
            }
        }
    }
}

/// One suite's results for one model.
public struct SuiteResults: Codable, Sendable, Hashable {
    public var id: String
    public var version: String
    public var contentHash: String
    /// Test instances.
    public var instances: Int
    /// Accuracy of the model's predictions against the gold labels, over answered instances.
    public var accuracy: Double?
    /// Accuracy of always predicting the train split's most frequent label.
    public var majorityBaseline: Double?
    /// Requests that did not end `ok`, by status.
    public var failures: [String: Int]
    /// Every request of this suite (explain and probes) that reached the model or the store.
    public var requests: Int
    public var scores: [ScoreEntry]
    public var comparisons: [ComparisonEntry]

    public init(id: String, version: String, contentHash: String, instances: Int, accuracy: Double?,
                majorityBaseline: Double?, failures: [String: Int], requests: Int, scores: [ScoreEntry],
                comparisons: [ComparisonEntry]) {
        self.id = id
        self.version = version
        self.contentHash = contentHash
        self.instances = instances
        self.accuracy = accuracy
        self.majorityBaseline = majorityBaseline
        self.failures = failures
        self.requests = requests
        self.scores = scores
        self.comparisons = comparisons
    }

    /// The failure share of this suite's requests.
    public var failureRate: Double {
        requests == 0 ? 0 : Double(failures.values.reduce(0, +)) / Double(requests)
    }
}

/// One (scorer, source) number with its interval.
public struct ScoreEntry: Codable, Sendable, Hashable {
    public var scorer: String
    public var source: ExplanationSource
    /// nil when the scorer did not apply (see `notApplicable`).
    public var value: Double?
    public var low: Double?
    public var high: Double?
    /// Instances that contributed an observation.
    public var n: Int
    /// n over the suite's instances.
    public var coverage: Double
    /// Why the scorer gave no number, or why some instances were left out (most common reason first).
    public var notApplicable: [String]
    /// Secondary numbers (AOPC, flip rate, …).
    public var details: [String: Double]

    public init(scorer: String, source: ExplanationSource, value: Double?, low: Double?, high: Double?, n: Int,
                coverage: Double, notApplicable: [String] = [], details: [String: Double] = [:]) {
        self.scorer = scorer
        self.source = source
        self.value = value
        self.low = low
        self.high = high
        self.n = n
        self.coverage = coverage
        self.notApplicable = notApplicable
        self.details = details
    }
}

/// The paired self − reference difference of one scorer on one suite.
public struct ComparisonEntry: Codable, Sendable, Hashable {
    public var scorer: String
    public var difference: Double?
    public var low: Double?
    public var high: Double?
    /// Instances where both sources had an observation.
    public var n: Int
    /// Whether `self` beats `reference` (the 95 % interval of the difference excludes 0 in the scorer's better
    /// direction); nil when the comparison could not be made.
    public var verdict: PairedComparison.Verdict?

    public init(scorer: String, difference: Double?, low: Double?, high: Double?, n: Int,
                verdict: PairedComparison.Verdict?) {
        self.scorer = scorer
        self.difference = difference
        self.low = low
        self.high = high
        self.n = n
        self.verdict = verdict
    }
}
