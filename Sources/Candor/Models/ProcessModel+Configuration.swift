import Foundation

extension ProcessModel {
    /// How to run an external model and how patient to be with it.
    ///
    /// Only `command` and `environment` can change what the model answers, so only they (with the model's
    /// version, and its name) go into the model's store key; workers, limits and timeouts do not.
    public struct Configuration: Sendable, Hashable {
        /// The program and its arguments; the program is looked up on `PATH`.
        public var command: [String]
        /// The name the model goes by in the store key and on the leaderboard (a submission's name, `--name`);
        /// nil uses the name the model declares in its `hello`. Two submissions of one program then never share
        /// a leaderboard row.
        public var name: String?
        /// The directory the model runs in; nil runs it in Candor's own.
        public var workingDirectory: URL?
        /// Variables added to (or replacing those of) Candor's own environment.
        public var environment: [String: String]
        /// How many copies of the process run side by side.
        public var workers: Int
        /// How many requests may be outstanding per process.
        public var maxInFlight: Int
        /// How long one request may go unanswered before the process counts as hung.
        public var timeout: Duration
        /// How long a process may take to answer `hello` after it starts.
        public var startupTimeout: Duration
        /// How many times each worker restarts its process after a crash, a hang or a broken pipe.
        public var restarts: Int
        /// The longest stdout line accepted, in bytes (the `\n` not counted).
        public var maxLine: Int
        /// How long a process may take to exit after its stdin is closed before it is sent SIGTERM (and as
        /// long again before SIGKILL).
        public var gracePeriod: Duration
        /// Where each worker's stderr is saved (`stderr-<worker>.log`); nil keeps only the last lines, for
        /// error messages.
        public var logDirectory: URL?
        /// How many bytes of stderr each worker saves before writing `[truncated]`.
        public var stderrLimit: Int

        public init(command: [String], name: String? = nil, workingDirectory: URL? = nil,
                    environment: [String: String] = [:],
                    workers: Int = 1, maxInFlight: Int = 32, timeout: Duration = .seconds(60),
                    startupTimeout: Duration = .seconds(30), restarts: Int = 3, maxLine: Int = 1 << 20,
                    gracePeriod: Duration = .seconds(5), logDirectory: URL? = nil, stderrLimit: Int = 1 << 20) {
            self.command = command
            self.name = name
            self.workingDirectory = workingDirectory
            self.environment = environment
            self.workers = workers
            self.maxInFlight = maxInFlight
            self.timeout = timeout
            self.startupTimeout = startupTimeout
            self.restarts = restarts
            self.maxLine = maxLine
            self.gracePeriod = gracePeriod
            self.logDirectory = logDirectory
            self.stderrLimit = stderrLimit
        }

        /// The problems that would make this configuration unusable, in words; empty when it is fine.
        func problems() -> [String] {
            var problems: [String] = []
            if command.first?.isEmpty ?? true { problems.append("the command is empty") }
            if let name, name.isEmpty || name.contains(where: { $0.isNewline || $0 == ":" }) {
                problems.append("the name must be non-empty, on one line and without ':', found "
                    + name.debugDescription)
            }
            if workers < 1 { problems.append("workers must be at least 1, found \(workers)") }
            if maxInFlight < 1 { problems.append("max-in-flight must be at least 1, found \(maxInFlight)") }
            if restarts < 0 { problems.append("restarts must be 0 or more, found \(restarts)") }
            if maxLine < 64 { problems.append("max-line must be at least 64 bytes, found \(maxLine)") }
            if timeout <= .zero { problems.append("timeout must be positive, found \(timeout)") }
            if startupTimeout <= .zero { problems.append("startup timeout must be positive, found \(startupTimeout)") }
            if gracePeriod < .zero { problems.append("grace period must not be negative, found \(gracePeriod)") }
            return problems
        }
    }

    /// Counters over the life of a process model.
    public struct Statistics: Sendable, Hashable {
        /// Protocol incidents seen, all of them (only the first 1,000 are kept in ``ProcessModel/incidents``).
        public var incidents: Int
        /// Processes restarted, over all workers.
        public var restarts: Int
        /// The most bytes held at once for one unfinished stdout line: stays at most `maxLine` whatever the
        /// model prints.
        public var largestLineBuffered: Int
        /// Bytes the model wrote to stderr, over all workers and restarts.
        public var stderrBytes: Int
        /// Processes that did not exit within the grace period after ``ProcessModel/shutdown()`` closed their
        /// stdin, and so were sent SIGTERM (and perhaps SIGKILL): a model should exit at the end of its input.
        public var signalledAtShutdown: Int
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number for deadlines.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
