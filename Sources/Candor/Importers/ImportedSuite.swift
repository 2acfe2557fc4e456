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
