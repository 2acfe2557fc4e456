import Foundation

/// `candor refresh`, the job CI runs: brings every results file up to date and regenerates the leaderboard.
///
/// The reference model (with its explainer variants and the scorers' sanity matrix) and every submission are
/// checked with ``ResultsFreshness``; only those whose results are missing or stale are run — through the store,
/// so an answer already stored is never asked again — scored and exported. The leaderboard is then rebuilt from
/// every results file. A submission that cannot be started is reported and the others still run.
public struct LeaderboardRefresh: Sendable {
    public var store: ResultStore
    public var suites: [Suite]
    public var scorers: [any Scorer]
    public var bootstrap: Bootstrap
    public var submissions: [Submission]
    /// The folder submissions' commands and working directories are relative to.
    public var root: URL
    public var resultsFolder: URL
    public var leaderboardFile: URL
    /// Run everything, stale or not.
    public var force: Bool
    public var batchSize: Int
    /// Recorded with the reference model's runs.
    public var commandLine: String
    /// Where each submission's stderr is saved (`<folder>/<name>/stderr-<worker>.log`); nil keeps none.
    public var logFolder: URL?
    public var progress: ProgressReporter?

    public init(store: ResultStore, suites: [Suite], scorers: [any Scorer], bootstrap: Bootstrap,
                submissions: [Submission], root: URL, resultsFolder: URL, leaderboardFile: URL, force: Bool = false,
                batchSize: Int = 64, commandLine: String = "", logFolder: URL? = nil,
                progress: ProgressReporter? = nil) {
        self.store = store
        self.suites = suites
        self.scorers = scorers
        self.bootstrap = bootstrap
        self.submissions = submissions
        self.root = root
        self.resultsFolder = resultsFolder
        self.leaderboardFile = leaderboardFile
        self.force = force
        self.batchSize = batchSize
        self.commandLine = commandLine
        self.logFolder = logFolder
        self.progress = progress
    }

    /// The name the reference model's entry goes by in a report.
    public static let referenceEntryName = "reference"

    /// What happened to one model.
    public struct Entry: Sendable {
        /// `reference` (for all its variants) or the submission's name.
        public var name: String
        /// Why it was stale; empty when it was fresh.
        public var reasons: [String]
        /// Whether it was run.
        public var ran: Bool
        public var explained: [SuiteRunSummary] = []
        public var scored: [ScoringRunner.Summary] = []
        /// Why it could not be run, when it could not.
        public var error: String?
    }

    public struct Report: Sendable {
        public var reference: Entry
        public var submissions: [Entry]
        /// The sanity matrix, when the reference model ran.
        public var sanity: SanityMatrix?
        /// The results files written.
        public var written: [URL]
        /// The models on the regenerated leaderboard.
        public var models: Int

        /// The submissions that could not be run.
        public var failed: [Entry] { submissions.filter { $0.error != nil } }
    }

    public func run() async throws -> Report {
        let existing = try ResultsFiles.readAll(in: resultsFolder)
        let byName = Dictionary(existing.models.map { ($0.model.name, $0) }, uniquingKeysWith: { first, _ in first })
        var written: [URL] = []

        var reasons: [String] = []
        for variant in ReferenceModel.Variant.allCases {
            let name = ResultsExporter.leaderboardName(key: ReferenceModel.key(of: variant), declaredName: "")
            for reason in ResultsFreshness.staleness(of: byName[name], suites: suites, scorers: scorers,
                                                     submission: nil) {
                reasons.append("\(name): \(reason)")
            }
        }
        if existing.sanity == nil { reasons.append("no \(ResultsFiles.sanityFileName)") }
        var reference = Entry(name: Self.referenceEntryName, reasons: reasons, ran: false)
        var sanity: SanityMatrix?
        if force || !reasons.isEmpty {
            let (entry, matrix, files) = try await runReference(reasons: reasons)
            reference = entry
            sanity = matrix
            written += files
        }

        var entries: [Entry] = []
        for submission in submissions {
            let name = submission.name
            let reasons = ResultsFreshness.staleness(of: byName[name], suites: suites, scorers: scorers,
                                                     submission: submission.fileHash)
            guard force || !reasons.isEmpty else {
                entries.append(Entry(name: name, reasons: [], ran: false))
                continue
            }
            let (entry, files) = await run(submission, reasons: reasons)
            entries.append(entry)
            written += files
        }

        let (models, matrix) = try ResultsFiles.readAll(in: resultsFolder)
        let updated = LeaderboardDocument.updated(try? String(contentsOf: leaderboardFile, encoding: .utf8),
                                                  results: models, sanity: matrix)
        try Data(updated.utf8).write(to: leaderboardFile, options: .atomic)
        return Report(reference: reference, submissions: entries, sanity: sanity, written: written,
                      models: models.count)
    }

    func runner(commandLine: String) -> Runner {
        Runner(store: store, options: RunOptions(batchSize: batchSize, commandLine: commandLine), progress: progress)
    }

    func scoringRunner() -> ScoringRunner {
        ScoringRunner(store: store, scorers: scorers, bootstrap: bootstrap, batchSize: batchSize, progress: progress)
    }

    func runReference(reasons: [String]) async throws -> (Entry, SanityMatrix, [URL]) {
        let report = try await runner(commandLine: commandLine).run(
            suites: suites, provider: ReferenceModelProvider(variants: ReferenceModel.Variant.allCases),
            scoring: scoringRunner())
        let matrix = try await SanityCheck.matrix(store: store, suites: suites, scorers: scorers, bootstrap: bootstrap)
        try ResultsFiles.write(matrix, to: resultsFolder.appendingPathComponent(ResultsFiles.sanityFileName))
        let keys = ReferenceModel.Variant.allCases.map(ReferenceModel.key(of:))
        let files = try await ResultsExporter(store: store).exportAll(suites: suites, to: resultsFolder, only: keys)
        let entry = Entry(name: Self.referenceEntryName, reasons: reasons, ran: true, explained: report.explained,
                          scored: report.scored)
        return (entry, matrix, files)
    }

    /// Runs one submission; a failure to start it (or a store error during its run) is reported in the entry.
    func run(_ submission: Submission, reasons: [String]) async -> (Entry, [URL]) {
        var entry = Entry(name: submission.name, reasons: reasons, ran: true)
        let logs = logFolder?.appendingPathComponent(ResultsFiles.fileName(forModel: submission.name)
            .replacingOccurrences(of: ".json", with: ""))
        let provider = ProcessModelProvider(configuration: submission.configuration(root: root, logDirectory: logs))
        do {
            let model = try await provider.launched()
            let command = ShellWords.join(["candor", "run", "--submission", submission.name])
            let report = try await runner(commandLine: command).run(suites: suites, provider: provider,
                                                                    scoring: scoringRunner())
            await provider.shutdown()
            entry.explained = report.explained
            entry.scored = report.scored
            let files = try await ResultsExporter(store: store).exportAll(
                suites: suites, to: resultsFolder, only: [model.key], submissions: [model.key: submission.fileHash])
            return (entry, files)
        } catch {
            await provider.shutdown()
            entry.error = "\(error)"
            return (entry, [])
        }
    }
}
