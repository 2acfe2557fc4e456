import Foundation

/// A benchmark definition: `suite.yaml` plus its JSONL splits, loaded and validated.
public struct Suite: Sendable {
    /// The newest `format:` this build reads.
    public static let supportedFormat = 1

    public var format: Int
    public var id: String
    public var version: String
    public var title: String
    public var task: TaskSpec
    /// What the model is asked to explain with (`highlights`, `text`, `features`).
    public var explanations: [ExplanationKind]
    public var probes: ProbeSpec
    /// Scorer ids enabled for this suite.
    public var scorers: [String]
    /// Split name → file name, in the order written.
    public var splits: [Split]
    public var provenance: String
    public var licence: String?
    /// The folder the suite was loaded from.
    public var directory: URL
    /// SHA-256 over `suite.yaml` and every split file, hex; recorded with every result.
    public var contentHash: String

    public init(format: Int = Suite.supportedFormat, id: String, version: String, title: String, task: TaskSpec,
                explanations: [ExplanationKind], probes: ProbeSpec, scorers: [String], splits: [Split],
                provenance: String, licence: String? = nil, directory: URL, contentHash: String) {
        self.format = format
        self.id = id
        self.version = version
        self.title = title
        self.task = task
        self.explanations = explanations
        self.probes = probes
        self.scorers = scorers
        self.splits = splits
        self.provenance = provenance
        self.licence = licence
        self.directory = directory
        self.contentHash = contentHash
    }

    /// A named split and its JSONL file, relative to the suite's folder.
    public struct Split: Sendable, Hashable {
        public var name: String
        public var file: String
        /// How many instances the file held when the suite was loaded (nil for a suite built in code).
        public var instanceCount: Int?
        public init(name: String, file: String, instanceCount: Int? = nil) {
            self.name = name
            self.file = file
            self.instanceCount = instanceCount
        }
    }

    /// The URL of a split's file, or nil when the suite has no such split.
    public func url(ofSplit name: String) -> URL? {
        splits.first { $0.name == name }.map { directory.appendingPathComponent($0.file) }
    }
}

/// What a model is asked to explain with.
public enum ExplanationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case highlights
    case text
    case features
}

/// The task of a suite: its kind, label set and input fields.
public struct TaskSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case classification
        case multipleChoice = "multiple-choice"
    }

    public var kind: Kind
    /// For `multiple-choice`, the letters `A`, `B`, … in the order of the choices.
    public var labels: [String]
    /// The fields of an instance's input, in order.
    public var inputs: [InputField]

    public init(kind: Kind, labels: [String], inputs: [InputField]) {
        self.kind = kind
        self.labels = labels
        self.inputs = inputs
    }

    /// The field named `name`, if the task has it.
    public func field(named name: String) -> InputField? {
        inputs.first { $0.name == name }
    }
}

/// One input field of a task.
public struct InputField: Sendable, Hashable {
    public enum FieldType: String, Sendable, Hashable, CaseIterable, Codable {
        case text
        case textList = "text-list"
        case choices
        case table
    }

    public var name: String
    public var type: FieldType
    /// For a `table`: its features in order, each numeric or categorical.
    public var features: [Feature]

    public init(name: String, type: FieldType, features: [Feature] = []) {
        self.name = name
        self.type = type
        self.features = features
    }

    /// One feature of a table field.
    public struct Feature: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
            case number
            case category
        }
        public var name: String
        public var kind: Kind
        public init(name: String, kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }
}

/// What the suite gives its probes: the counterfactual insertion lexicon and the bias cue.
public struct ProbeSpec: Sendable, Hashable {
    /// Words inserted at seeded positions by insertion probes.
    public var insertionWords: [String]
    /// The bias cue appended to the input; `{label}` is replaced by the cued label.
    public var cue: String?

    public init(insertionWords: [String] = [], cue: String? = nil) {
        self.insertionWords = insertionWords
        self.cue = cue
    }
}
