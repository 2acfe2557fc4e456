/// How the runner sends requests.
public struct RunOptions: Sendable, Hashable {
    /// Requests per call to the model (and instances read per step).
    public var batchSize: Int
    /// Responses per transaction of the store (see ``ResponseWriter``).
    public var commitSize: Int
    /// Recorded with the run, so a result says how it was produced.
    public var commandLine: String
    /// A pause after every batch. For tests only: it makes a fast model slow enough to be killed mid-run.
    public var batchDelay: Duration?
    /// Run only this shard's test instances (phase 1 and the probes of phase 2); nil runs them all.
    public var shard: Shard?

    public init(batchSize: Int = 64, commitSize: Int = 64, commandLine: String = "", batchDelay: Duration? = nil,
                shard: Shard? = nil) {
        self.batchSize = max(1, batchSize)
        self.commitSize = max(1, commitSize)
        self.commandLine = commandLine
        self.batchDelay = batchDelay
        self.shard = shard
    }

    /// The environment variable that sets ``batchDelay`` in milliseconds. For tests only.
    public static let batchDelayVariable = "CANDOR_TEST_BATCH_DELAY_MS"

    /// ``batchDelay`` as `environment` sets it, or nil when unset or not a positive whole number.
    public static func batchDelay(from environment: [String: String]) -> Duration? {
        guard let text = environment[batchDelayVariable], let milliseconds = Int(text), milliseconds > 0 else {
            return nil
        }
        return .milliseconds(milliseconds)
    }
}
