import Foundation
import CandorProtocol

/// An explanation resolved against an instance's tokens: what every scorer reads.
///
/// Highlights given by index are kept when in range; quotes are resolved to the first case-insensitive whole-token
/// match in their field; an explanation with text only is mapped to the input tokens its text mentions.
public struct ResolvedExplanation: Sendable, Hashable {
    /// Text or text-list field → highlighted token indices, ascending, without duplicates.
    public var highlights: [String: [Int]]
    /// Table field → cited feature names, in the table's feature order.
    public var features: [String: [String]]
    /// Text or text-list field → one weight per token (only where the explanation gave a full vector).
    public var weights: [String: [Double]]
    /// Table field → feature → weight.
    public var featureWeights: [String: [String: Double]]
    /// The free text, if any.
    public var text: String?

    public init(highlights: [String: [Int]] = [:], features: [String: [String]] = [:],
                weights: [String: [Double]] = [:], featureWeights: [String: [String: Double]] = [:],
                text: String? = nil) {
        self.highlights = highlights
        self.features = features
        self.weights = weights
        self.featureWeights = featureWeights
        self.text = text
    }

    /// How many tokens and features are highlighted in all.
    public var size: Int {
        highlights.values.reduce(0) { $0 + $1.count } + features.values.reduce(0) { $0 + $1.count }
    }

    /// True when nothing is highlighted or cited.
    public var isEmpty: Bool { size == 0 }

    /// True when the explanation carries weights for some field.
    public var hasWeights: Bool { !weights.isEmpty || !featureWeights.isEmpty }

    /// The explanation as it travels to a model (for `predict-from-explanation` and `simulate`).
    public var wire: WireExplanation {
        var wireHighlights: [Highlight] = []
        for field in highlights.keys.sorted() where !(highlights[field] ?? []).isEmpty {
            wireHighlights.append(Highlight(field: field, tokens: highlights[field]))
        }
        for field in features.keys.sorted() where !(features[field] ?? []).isEmpty {
            wireHighlights.append(Highlight(field: field, features: features[field]))
        }
        return WireExplanation(text: text, highlights: wireHighlights.isEmpty ? nil : wireHighlights)
    }
}

extension ResolvedExplanation {
    /// Resolves a model's explanation of `instance`.
    public init(_ explanation: WireExplanation?, of instance: Instance, task: TaskSpec) {
        self.init(text: explanation?.text)
        guard let explanation else { return }
        var highlighted: [String: Set<Int>] = [:]
        var cited: [String: Set<String>] = [:]
        for highlight in explanation.highlights ?? [] {
            guard let field = task.field(named: highlight.field), let value = instance.input[field.name] else {
                continue
            }
            if field.type == .table {
                let names = Set(field.features.map(\.name))
                for name in highlight.features ?? [] where names.contains(name) {
                    cited[field.name, default: []].insert(name)
                }
                continue
            }
            let tokens = value.tokens
            for index in highlight.tokens ?? [] where tokens.indices.contains(index) {
                highlighted[field.name, default: []].insert(index)
            }
            if let quote = highlight.quote, let range = Self.locate(quote: quote, in: tokens) {
                highlighted[field.name, default: []].formUnion(range)
            }
        }
        for weights in explanation.weights ?? [] {
            guard let field = task.field(named: weights.field), let value = instance.input[field.name] else {
                continue
            }
            if field.type == .table, let featureWeights = weights.features {
                let names = Set(field.features.map(\.name))
                self.featureWeights[field.name] = featureWeights.filter { names.contains($0.key) }
            } else if let values = weights.values, values.count == value.tokens.count,
                      values.allSatisfy(\.isFinite) {
                self.weights[field.name] = values
            }
        }
        if highlighted.isEmpty && cited.isEmpty, let text = explanation.text {
            let mentioned = Self.mentions(of: text, in: instance, task: task)
            highlighted = mentioned.highlights.mapValues(Set.init)
            cited = mentioned.features.mapValues(Set.init)
        }
        highlights = highlighted.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
        features = [:]
        for (field, names) in cited where !names.isEmpty {
            features[field] = (task.field(named: field)?.features.map(\.name) ?? []).filter(names.contains)
        }
    }

    /// The token range of the first case-insensitive whole-token match of `quote` in `tokens`.
    public static func locate(quote: String, in tokens: [String]) -> Range<Int>? {
        let needle = Tokenizer.tokenize(quote).map { $0.lowercased() }
        guard !needle.isEmpty, needle.count <= tokens.count else { return nil }
        let haystack = tokens.map { $0.lowercased() }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }

    /// The input tokens and table features a free text mentions: every token of a text field whose lower-cased
    /// form is a word of the text (punctuation and a few function words excluded), and every table feature whose
    /// name (with `_` read as a space) occurs in the text.
    public static func mentions(of text: String, in instance: Instance, task: TaskSpec)
        -> (highlights: [String: [Int]], features: [String: [String]]) {
        let words = Set(Tokenizer.tokenize(text).map { $0.lowercased() }.filter(Self.isContentWord))
        let lowered = text.lowercased()
        var highlights: [String: [Int]] = [:]
        var features: [String: [String]] = [:]
        for field in task.inputs {
            guard let value = instance.input[field.name] else { continue }
            switch field.type {
            case .text, .textList:
                let indices = value.tokens.enumerated().filter { words.contains($0.element.lowercased()) }
                    .map(\.offset)
                if !indices.isEmpty { highlights[field.name] = indices }
            case .table:
                let named = field.features.map(\.name).filter { name in
                    lowered.contains(name.lowercased()) ||
                        lowered.contains(name.lowercased().replacingOccurrences(of: "_", with: " "))
                }
                if !named.isEmpty { features[field.name] = named }
            case .choices:
                continue
            }
        }
        return (highlights, features)
    }

    /// Words too common to count as mentioning a token.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was",
        "were", "be", "it", "its", "this", "that", "as", "by", "from", "so", "because", "mainly", "label",
        "predicted", "answer", "which", "there", "their", "they", "he", "she", "i", "you", "we",
    ]

    static func isContentWord(_ word: String) -> Bool {
        !functionWords.contains(word) && word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

extension ResolvedExplanation {
    /// The highlighted tokens as quotes, one per run of consecutive tokens, with cited features: how an
    /// explanation travels without its input.
    public func quotes(in instance: Instance) -> [Highlight] {
        var result: [Highlight] = []
        for field in highlights.keys.sorted() {
            guard let tokens = instance.input[field]?.tokens, let indices = highlights[field] else { continue }
            var run: [Int] = []
            for index in indices {
                if let last = run.last, index != last + 1 {
                    result.append(Highlight(field: field, quote: run.map { tokens[$0] }.joined(separator: " ")))
                    run = []
                }
                run.append(index)
            }
            if !run.isEmpty {
                result.append(Highlight(field: field, quote: run.map { tokens[$0] }.joined(separator: " ")))
            }
        }
        for field in features.keys.sorted() where !(features[field] ?? []).isEmpty {
            result.append(Highlight(field: field, features: features[field]))
        }
        return result
    }
}
