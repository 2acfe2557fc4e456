import CandorProtocol

/// A way of scoring explanations (DESIGN §6): it derives probes for an (instance, explanation, source), turns the
/// model's answers to them into a per-instance observation, and aggregates observations into one number.
///
/// Aggregation is not always a mean (LAS, micro F1 are not), so the bootstrap resamples observations and calls
/// the scorer's own ``aggregate(_:)``. Each scorer lives in one file whose doc comment gives its formula and the
/// paper it follows, and carries worked examples that `ScorerConformance` checks.
public protocol Scorer: Sendable {
    /// The id used in `suite.yaml`, on the command line and in results.
    static var id: String { get }
    /// Bumped whenever the scorer's numbers could change; results record it so stale ones are recomputed.
    static var version: Int { get }
    static var family: ScorerFamily { get }
    static var direction: ScoreDirection { get }
    /// One line for `--help` and the leaderboard.
    static var summary: String { get }
    /// The explanation sources it scores.
    static var sources: [ExplanationSource] { get }
    /// The names of the entries of an observation vector, in order.
    static var observationNames: [String] { get }
    /// Worked examples, computed by hand, that `ScorerConformance` runs.
    static var examples: [ScorerExample] { get }

    init()

    /// The id its results are kept under: ``id`` (static) unless the instance is configured apart, as a
    /// simulatability scorer judged by an external simulator is (`las@judge`), so that different judges' numbers are
    /// never mixed.
    var id: String { get }
    /// Why the scorer cannot run for this model on this suite, or nil when it can.
    func inapplicability(model: ModelDescriptor, suite: Suite) -> String?
    /// The probes it needs answered by the subject model for this item (none for agreement scorers).
    func probes(for item: ScoringItem, context: ScoringContext) -> [Probe]
    /// The observation for one item from the answers to its probes.
    func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation
    /// Observations for all items of one (suite, source) at once; scorers that fit something across instances
    /// (a cross-fitted simulator) override it. The default observes each item on its own.
    func observeAll(_ items: [ScoringItem], answers: [ProbeAnswers], context: ScoringContext) async -> [Observation]
    /// One number from the observations of the applicable instances; nil when it is undefined (e.g. no instance).
    func aggregate(_ observations: [[Double]]) -> Double?
    /// Secondary numbers reported beside the aggregate (e.g. AOPC, coverage of a sub-case).
    func details(_ observations: [[Double]]) -> [String: Double]
    /// How many cases the aggregate actually rests on: the observations for a mean, the denominator's total for a
    /// ratio (e.g. the insertions that flipped a prediction). The sanity matrix leaves a cell undecided below 30.
    func decisiveCount(_ observations: [[Double]]) -> Int
    /// Why ``aggregate(_:)`` is nil on these observations, in words (e.g. LAS: "¬L is empty"); nil when it is not,
    /// or when there is nothing more to say than that there are no observations.
    func undefinedReason(_ observations: [[Double]]) -> String?
}

extension Scorer {
    public var id: String { Self.id }

    public func inapplicability(model: ModelDescriptor, suite: Suite) -> String? { nil }

    public func undefinedReason(_ observations: [[Double]]) -> String? { nil }

    public func probes(for item: ScoringItem, context: ScoringContext) -> [Probe] { [] }

    public func observeAll(_ items: [ScoringItem], answers: [ProbeAnswers],
                           context: ScoringContext) async -> [Observation] {
        zip(items, answers).map { observe($0, answers: $1, context: context) }
    }

    /// The mean of the first entry of each observation.
    public func aggregate(_ observations: [[Double]]) -> Double? {
        Aggregation.mean(observations, entry: 0)
    }

    public func details(_ observations: [[Double]]) -> [String: Double] { [:] }

    public func decisiveCount(_ observations: [[Double]]) -> Int { observations.count }
}

/// Shared aggregation rules, so that every scorer averages and ratios the same way.
public enum Aggregation {
    /// The mean of entry `entry` over the observations where it is a number (NaN marks "not available").
    public static func mean(_ observations: [[Double]], entry: Int) -> Double? {
        var total = 0.0
        var count = 0
        for observation in observations where observation.count > entry && !observation[entry].isNaN {
            total += observation[entry]
            count += 1
        }
        return count == 0 ? nil : total / Double(count)
    }

    /// Σ entry `numerator` / Σ entry `denominator` (a micro average); nil when the denominator sums to 0.
    public static func ratio(_ observations: [[Double]], numerator: Int, denominator: Int) -> Double? {
        var top = 0.0
        var bottom = 0.0
        for observation in observations {
            top += observation[numerator]
            bottom += observation[denominator]
        }
        return bottom == 0 ? nil : top / bottom
    }
}

/// The model's prediction on the original input, which every scorer compares against (ŷ).
public struct Prediction: Sendable, Hashable {
    public var label: String
    public var probabilities: [String: Double]?

    public init(label: String, probabilities: [String: Double]? = nil) {
        self.label = label
        self.probabilities = probabilities
    }

    public init?(_ response: Response?) {
        guard let response, let label = response.label else { return nil }
        self.init(label: label, probabilities: response.probabilities)
    }

    /// p(`label`), or the label-flip stand-in (1 for the predicted label, 0 otherwise) without probabilities.
    public func probability(of label: String) -> Double {
        if let probabilities { return probabilities[label] ?? 0 }
        return label == self.label ? 1 : 0
    }
}

/// One (instance, source) that a scorer looks at.
public struct ScoringItem: Sendable {
    public var instance: Instance
    public var source: ExplanationSource
    /// The model's prediction on the original input.
    public var prediction: Prediction
    /// The explanation of this source, resolved against the instance.
    public var explanation: ResolvedExplanation

    public init(instance: Instance, source: ExplanationSource, prediction: Prediction,
                explanation: ResolvedExplanation) {
        self.instance = instance
        self.source = source
        self.prediction = prediction
        self.explanation = explanation
    }
}

/// What a scorer knows beyond the item: the suite and train-split baselines.
public struct ScoringContext: Sendable {
    public var suite: Suite
    /// Table field → feature → its train-split mean (numbers) or mode (categories).
    public var baseline: [String: [String: TableValue]]
    public var model: ModelDescriptor

    public init(suite: Suite, baseline: [String: [String: TableValue]] = [:], model: ModelDescriptor) {
        self.suite = suite
        self.baseline = baseline
        self.model = model
    }

    public var task: TaskSpec { suite.task }
}

/// A follow-up question to the subject model, derived from an item. Probes with equal content are sent once.
public struct Probe: Sendable, Hashable {
    /// Unique within the item, e.g. `erase`, `keep`, `aopc-erase-5`, `insert-2`.
    public var name: String
    public var op: Operation
    public var input: [String: FieldValue]?
    public var explanation: WireExplanation?

    public init(name: String, op: Operation, input: [String: FieldValue]? = nil,
                explanation: WireExplanation? = nil) {
        self.name = name
        self.op = op
        self.input = input
        self.explanation = explanation
    }

    /// The protocol request for this probe.
    public func request(id: String, suite: Suite) -> Request {
        Request(op: op, id: id, suite: suite.id, task: suite.task.descriptor,
                input: input?.mapValues(\.wire), explanation: explanation)
    }
}

/// The model's answers to an item's probes, by probe name; a probe that failed is absent.
public typealias ProbeAnswers = [String: Response]

/// One instance's contribution to a scorer.
public enum Observation: Sendable, Hashable {
    /// The scorer's numbers for this instance (NaN marks an entry that is not available).
    case values([Double])
    /// The scorer does not apply to this instance, and why (recorded and counted in coverage).
    case notApplicable(String)

    public var values: [Double]? {
        if case .values(let values) = self { return values }
        return nil
    }
}

/// A worked example: an item, the answers to its probes, and the observation computed by hand.
public struct ScorerExample: Sendable {
    public var name: String
    public var item: ScoringItem
    public var context: ScoringContext
    public var answers: ProbeAnswers
    public var expected: Observation
    /// Other items observed together with `item`, with the answers to their probes, for scorers that fit across
    /// instances (a cross-fitted simulator learns from these); `expected` is still the observation of `item`.
    public var companions: [(item: ScoringItem, answers: ProbeAnswers)]

    public init(name: String, item: ScoringItem, context: ScoringContext, answers: ProbeAnswers,
                expected: Observation, companions: [(item: ScoringItem, answers: ProbeAnswers)] = []) {
        self.name = name
        self.item = item
        self.context = context
        self.answers = answers
        self.expected = expected
        self.companions = companions
    }
}
