/// What `suite.yaml` declares, as far as it could be decoded; the loader adds the folder and the content hash.
struct SuiteManifest: Sendable {
    var format = Suite.supportedFormat
    var id: String?
    var version: String?
    var title: String?
    /// The parts of the task that decoded without problems; instance lines are checked against those that did,
    /// so one broken part of `task` does not hide every problem of the data, nor multiply into one per line.
    var task = PartialTask()
    var explanations: [ExplanationKind] = []
    var probes = ProbeSpec()
    var scorers: [String] = []
    /// The splits in the order written, each with the `suite.yaml` line naming its file.
    var splits: [(split: Suite.Split, line: Int?)] = []
    var provenance: String?
    var licence: String?
    /// Set when `format:` is newer than this build reads; nothing else is then checked.
    var isNewerFormat = false
}
