/// One example of a suite: its input, gold label, reference rationale and explanation.
public struct Instance: Sendable, Hashable {
    public var id: String
    /// Field name → value, for every field of the task's inputs.
    public var input: [String: FieldValue]
    public var label: String
    /// The evidence that decides the label (token spans of text fields, or cited table features).
    public var rationale: [Rationale]
    /// The reference free-text explanation.
    public var explanation: String?
    /// Whether the suite's planted shortcut occurs in this instance (nil when the suite plants none).
    public var shortcut: Bool?

    public init(id: String, input: [String: FieldValue], label: String, rationale: [Rationale] = [],
                explanation: String? = nil, shortcut: Bool? = nil) {
        self.id = id
        self.input = input
        self.label = label
        self.rationale = rationale
        self.explanation = explanation
        self.shortcut = shortcut
    }
}

/// The value of one input field.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    /// Sentences, tokenized in order and flattened; spans index the flattened tokens.
    case textList([String])
    case choices([String])
    case table([String: TableValue])

    /// The tokens of a text or text-list field (the choices' tokens, flattened, for `choices`; none for a table).
    public var tokens: [String] {
        switch self {
        case .text(let text): Tokenizer.tokenize(text)
        case .textList(let sentences): sentences.flatMap(Tokenizer.tokenize)
        case .choices(let items): items.flatMap(Tokenizer.tokenize)
        case .table: []
        }
    }
}

/// One cell of a table field.
public enum TableValue: Sendable, Hashable {
    case number(Double)
    case category(String)
}

/// One piece of reference evidence.
public enum Rationale: Sendable, Hashable {
    /// Tokens `[start, end)` of a text or text-list field.
    case span(field: String, start: Int, end: Int)
    /// Cited features of a table field.
    case features(field: String, names: [String])

    public var field: String {
        switch self {
        case .span(let field, _, _), .features(let field, _): field
        }
    }
}
