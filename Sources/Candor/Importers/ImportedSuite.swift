/// What an importer knows about the suite it wrote, besides the instances: written into `suite.yaml` and the
/// suite's card.
public struct ImportedSuite: Sendable, Hashable {
    public var title: String
    public var task: TaskSpec
    public var explanations: [ExplanationKind]
    /// Where the data came from: the dataset, the files read (by name, never by path) and the importer.
    public var provenance: String
    /// The source's licence, as its distributors state it.
    public var licence: String
    /// How the source was turned into instances (token conversion, label choice), for the suite's card.
    public var notes: [String]

    public init(title: String, task: TaskSpec, explanations: [ExplanationKind], provenance: String,
                licence: String, notes: [String] = []) {
        self.title = title
        self.task = task
        self.explanations = explanations
        self.provenance = provenance
        self.licence = licence
        self.notes = notes
    }

    /// Scorers that apply to the explanation kinds the suite's references carry: agreement scorers need the
    /// matching reference (spans for token-f1, iou-f1 and auprc; text for rouge-l and chrf), and the faithfulness
    /// scorers need only the model.
    var scorers: [String] {
        var ids = ["comprehensiveness", "sufficiency", "counterfactual-mention", "bias-cue", "explanation-only"]
        if explanations.contains(.highlights) { ids += ["token-f1", "iou-f1", "auprc"] }
        if explanations.contains(.text) { ids += ["rouge-l", "chrf"] }
        return ids
    }

    /// Counterfactual insertion words for imported suites: adverbs that fit almost anywhere in English text and
    /// should not change a label on their own.
    static let insertionWords = ["truly", "reportedly", "apparently", "certainly", "barely", "honestly"]
    /// The bias cue of imported suites.
    static let cue = "A reader who saw this before says the answer is {label}."
}

/// What an import did: the suite it wrote (loaded back, so it is known to validate) and what it counted.
public struct ImportReport: Sendable {
    /// The written suite, as ``SuiteLoader`` loads it.
    public var suite: Suite
    /// Instances written per split, in the order of the suite's splits.
    public var imported: [(split: String, count: Int)]
    /// Source records not imported, by reason.
    public var skipped: [String: Int]
    /// Things worth knowing that did not stop a record (e.g. a highlight that could not be placed), by kind.
    public var notes: [String: Int]

    public init(suite: Suite, imported: [(split: String, count: Int)], skipped: [String: Int],
                notes: [String: Int]) {
        self.suite = suite
        self.imported = imported
        self.skipped = skipped
        self.notes = notes
    }

    /// How many instances were written in all.
    public var importedCount: Int { imported.reduce(0) { $0 + $1.count } }
    /// How many source records were skipped in all.
    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// A few lines for a person: counts per split, then each skip reason and note with its count.
    public var text: String {
        var lines = ["imported \(importedCount) instances into \(suite.id) ("
            + imported.map { "\($0.split) \($0.count)" }.joined(separator: ", ") + ")"]
        lines.append("skipped \(skippedCount)" + (skipped.isEmpty ? "" : ":"))
        for (reason, count) in skipped.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append("  \(count)  \(reason)")
        }
        if !notes.isEmpty {
            lines.append("notes:")
            for (note, count) in notes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                lines.append("  \(count)  \(note)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
