/// The JSON-lines protocol between Candor and a model process, version 1.
///
/// One JSON object per `\n`-terminated line. Candor writes requests to the model's stdin and reads responses
/// from its stdout, matched by `id`. Decoding is strict about the types of known keys and ignores unknown keys,
/// so a newer peer can add fields without breaking an older one.
public enum CandorWire {
    /// The protocol version this build speaks.
    public static let version = 1
}

/// An operation a request asks for.
public enum Operation: String, Codable, Sendable, Hashable, CaseIterable {
    case hello
    case explain
    case predict
    case predictFromExplanation = "predict-from-explanation"
    case simulate
}

/// Something a model declares it can do in its `hello`.
///
/// Kept as an open string set so that a model announcing a capability this build does not know is not refused.
public struct Capability: RawRepresentable, Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public static func < (lhs: Capability, rhs: Capability) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    /// Answers carry a probability for every label.
    public static let probabilities = Capability("probabilities")
    /// Explanations carry highlighted tokens (by index or quote).
    public static let highlights = Capability("highlights")
    /// Explanations carry free text.
    public static let text = Capability("text")
    /// Explanations carry a weight per token or feature.
    public static let weights = Capability("weights")
    /// Explanations cite table features.
    public static let features = Capability("features")
    /// The model answers `predict-from-explanation`.
    public static let predictFromExplanation = Capability("predict-from-explanation")
    /// The model answers `simulate` (it can act as a simulator of another model).
    public static let simulate = Capability("simulate")
}

/// The handshake, sent first by Candor (`name`, `version`, `capabilities` absent) and answered by the model.
public struct Hello: Codable, Sendable, Hashable {
    public var candor: Int
    public var op: Operation
    public var name: String?
    public var version: String?
    public var capabilities: [Capability]?

    public init(candor: Int = CandorWire.version, name: String? = nil, version: String? = nil,
                capabilities: [Capability]? = nil) {
        self.candor = candor
        self.op = .hello
        self.name = name
        self.version = version
        self.capabilities = capabilities
    }
}

/// The task a request belongs to, as the model sees it.
public struct TaskDescriptor: Codable, Sendable, Hashable {
    /// `classification` or `multiple-choice`.
    public var kind: String
    public var labels: [String]

    public init(kind: String, labels: [String]) {
        self.kind = kind
        self.labels = labels
    }
}

/// One input field on the wire: a text (with its tokens, and sentence ranges for a list of texts),
/// a list of choices, or a table of named features.
public struct WireField: Codable, Sendable, Hashable {
    public var text: String?
    public var tokens: [String]?
    /// For a `text-list` field: the `[start, end)` token range of each sentence within `tokens`.
    public var sentences: [[Int]]?
    /// For a `choices` field.
    public var items: [String]?
    /// For a `table` field: feature name → number or string.
    public var table: [String: JSONValue]?

    public init(text: String? = nil, tokens: [String]? = nil, sentences: [[Int]]? = nil,
                items: [String]? = nil, table: [String: JSONValue]? = nil) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.items = items
        self.table = table
    }
}

/// A highlighted piece of evidence: token indices of a field, a verbatim quote, or cited table features.
public struct Highlight: Codable, Sendable, Hashable {
    public var field: String
    public var tokens: [Int]?
    public var quote: String?
    public var features: [String]?

    public init(field: String, tokens: [Int]? = nil, quote: String? = nil, features: [String]? = nil) {
        self.field = field
        self.tokens = tokens
        self.quote = quote
        self.features = features
    }
}

/// Importance weights for one field: one value per token (`values`) or per table feature (`features`).
public struct FieldWeights: Codable, Sendable, Hashable {
    public var field: String
    public var values: [Double]?
    public var features: [String: Double]?

    public init(field: String, values: [Double]? = nil, features: [String: Double]? = nil) {
        self.field = field
        self.values = values
        self.features = features
    }
}

/// An explanation: free text, highlights and weights, each optional.
public struct WireExplanation: Codable, Sendable, Hashable {
    public var text: String?
    public var highlights: [Highlight]?
    public var weights: [FieldWeights]?

    public init(text: String? = nil, highlights: [Highlight]? = nil, weights: [FieldWeights]? = nil) {
        self.text = text
        self.highlights = highlights
        self.weights = weights
    }
}

/// An earlier input shown to a simulator, with the subject model's label and explanation.
public struct SimulationExample: Codable, Sendable, Hashable {
    public var input: [String: WireField]?
    public var label: String?
    public var explanation: WireExplanation?

    public init(input: [String: WireField]? = nil, label: String? = nil, explanation: WireExplanation? = nil) {
        self.input = input
        self.label = label
        self.explanation = explanation
    }
}

/// A request from Candor to a model. Never carries the gold label or the reference explanation.
public struct Request: Codable, Sendable, Hashable {
    public var op: Operation
    public var id: String
    public var suite: String
    public var task: TaskDescriptor
    public var input: [String: WireField]?
    public var explanation: WireExplanation?
    public var examples: [SimulationExample]?

    public init(op: Operation, id: String, suite: String, task: TaskDescriptor,
                input: [String: WireField]? = nil, explanation: WireExplanation? = nil,
                examples: [SimulationExample]? = nil) {
        self.op = op
        self.id = id
        self.suite = suite
        self.task = task
        self.input = input
        self.explanation = explanation
        self.examples = examples
    }
}

/// A model's answer to one request. `label` is absent (null) when a simulator cannot tell; `error` is a refusal.
public struct Response: Codable, Sendable, Hashable {
    public var id: String
    public var label: String?
    public var probabilities: [String: Double]?
    public var explanation: WireExplanation?
    public var error: String?

    public init(id: String, label: String? = nil, probabilities: [String: Double]? = nil,
                explanation: WireExplanation? = nil, error: String? = nil) {
        self.id = id
        self.label = label
        self.probabilities = probabilities
        self.explanation = explanation
        self.error = error
    }
}
