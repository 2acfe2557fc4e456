import CandorProtocol

/// What phase 1 (explain every test instance) came to for one model on one suite.
public struct SuiteRunSummary: Sendable, Hashable {
    public var suite: String
    public var modelKey: String
    /// Test instances read.
    public var instances: Int
    /// Instances whose answer is `ok` (new or from the store).
    public var answered: Int
    /// Answered instances whose predicted label is the gold label.
    public var correct: Int
    /// Test instances whose gold label is the most frequent `train` label; nil without a `train` split.
    public var majorityCorrect: Int?
    /// Requests sent to the model in this run.
    public var sent: Int
    /// Instances answered from the store (earlier runs, or an identical input earlier in this run).
    public var reused: Int
    /// Instances without an `ok` answer, by status (refusals from the store included).
    public var failures: [OutcomeStatus: Int]
    /// Seconds from the first instance read to the last outcome handed to the store.
    public var wallSeconds: Double

    public init(suite: String, modelKey: String, instances: Int = 0, answered: Int = 0, correct: Int = 0,
                majorityCorrect: Int? = nil, sent: Int = 0, reused: Int = 0, failures: [OutcomeStatus: Int] = [:],
                wallSeconds: Double = 0) {
        self.suite = suite
        self.modelKey = modelKey
        self.instances = instances
        self.answered = answered
        self.correct = correct
        self.majorityCorrect = majorityCorrect
        self.sent = sent
        self.reused = reused
        self.failures = failures
        self.wallSeconds = wallSeconds
    }

    /// Correct over answered: the model's accuracy where it answered. Nil when it answered nothing.
    public var accuracy: Double? {
        answered > 0 ? Double(correct) / Double(answered) : nil
    }

    /// The accuracy on test of always predicting the most frequent train label.
    public var majorityBaseline: Double? {
        guard let majorityCorrect, instances > 0 else { return nil }
        return Double(majorityCorrect) / Double(instances)
    }

    /// Instances without an `ok` answer.
    public var failureCount: Int { failures.values.reduce(0, +) }
}
