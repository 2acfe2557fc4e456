import CandorProtocol
import Foundation

extension ReferenceModel {
    /// The prediction the model's own weights give from only what an explanation mentions.
    ///
    /// The request carries an explanation and no input, so the explanation's text stands in for the input:
    /// - **Text fields**: the mentioned tokens are those inside double quotes (“…” or "…") when the text quotes
    ///   anything, otherwise all its tokens. They are featurized as the tokens of every text field (unigrams and
    ///   bigrams within a quote; no overlap/novel pair features, which need two separate fields), and the label
    ///   with the highest logit wins.
    /// - **Tables**: each feature named in the text (`debt_ratio` or `debt ratio`, any case) with the number or
    ///   category level that follows it (after `=`, `:`, `of`, `is`, `at`) takes that value; every other feature
    ///   sits at its training mean.
    /// - **Multiple choice**: with the choices in the request's input (its only field), the choices named in the
    ///   text are scored with the text's other tokens as the question (one named choice wins outright; none named
    ///   means all are scored). Without them, a letter written as `(B)` is the answer; otherwise the label is
    ///   null: the model cannot tell.
    func predictFromExplanation(_ request: Request) throws -> Response {
        let text = request.explanation?.text ?? ""
        if task.kind == .multipleChoice {
            return Response(id: request.id, label: try chooseFromExplanation(text, input: request.input))
        }
        var fields: [ReferenceInput.Field] = []
        let segments = Self.mentionedSegments(of: text)
        let tokens = segments.flatMap { $0 }
        var ranges: [Range<Int>] = []
        var start = 0
        for segment in segments {
            ranges.append(start..<start + segment.count)
            start += segment.count
        }
        for spec in task.inputs {
            switch spec.type {
            case .text, .textList, .choices: fields.append(.tokens(tokens, segments: ranges))
            case .table: fields.append(.table(Self.namedCells(in: text, field: spec)))
            }
        }
        let scored = classifier.score(ReferenceInput(fields: fields), pairFeatures: false)
        return Response(id: request.id, label: task.labels[scored.predicted],
                        probabilities: probabilities(scored.probabilities))
    }

    /// The quoted pieces of `text`, tokenized; the whole text as one piece when nothing is quoted.
    static func mentionedSegments(of text: String) -> [[String]] {
        var pieces: [String] = []
        var current: String? = nil
        for character in text {
            if current == nil, character == "“" || character == "\"" {
                current = ""
            } else if current != nil, character == "”" || character == "\"" {
                pieces.append(current!)
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        let quoted = pieces.map(Tokenizer.tokenize).filter { !$0.isEmpty }
        return quoted.isEmpty ? [Tokenizer.tokenize(text)] : quoted
    }

    /// The table cells that `text` names with a value.
    static func namedCells(in text: String, field spec: InputField) -> [String: TableValue] {
        let lower = text.lowercased()
        var cells: [String: TableValue] = [:]
        for feature in spec.features {
            let name = feature.name.lowercased()
            let spaced = name.replacingOccurrences(of: "_", with: " ")
            for spelling in spaced == name ? [name] : [name, spaced] {
                guard let range = lower.range(of: spelling) else { continue }
                var rest = lower[range.upperBound...].drop { $0 == " " }
                for connector in ["=", ":", "of ", "is ", "at "] where rest.hasPrefix(connector) {
                    rest = rest.dropFirst(connector.count).drop { $0 == " " }
                    break
                }
                let word = String(rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != ")" })
                switch feature.kind {
                case .number:
                    let number = word.hasSuffix(".") ? String(word.dropLast()) : word
                    if let value = Double(number) { cells[feature.name] = .number(value) }
                case .category:
                    let level = word.hasSuffix(".") ? String(word.dropLast()) : word
                    if !level.isEmpty { cells[feature.name] = .category(level) }
                }
                if cells[feature.name] != nil { break }
            }
        }
        return cells
    }

    /// The letter a multiple-choice explanation points to, or nil when it cannot tell.
    func chooseFromExplanation(_ text: String, input: [String: WireField]?) throws -> String? {
        let tokens = Tokenizer.tokenize(text)
        guard let c = task.inputs.firstIndex(where: { $0.type == .choices }),
              let items = input?[task.inputs[c].name]?.items else {
            for i in tokens.indices.dropFirst().dropLast()
            where tokens[i - 1] == "(" && tokens[i + 1] == ")" && task.labels.contains(tokens[i]) {
                return tokens[i]
            }
            return nil
        }
        guard items.count == task.labels.count else {
            throw ReferenceModelError(
                "input field '\(task.inputs[c].name)': expected \(task.labels.count) choices, found \(items.count)")
        }
        let lower = tokens.map { $0.lowercased() }
        let itemTokens = items.map { Tokenizer.tokenize($0).map { $0.lowercased() } }
        let named = itemTokens.indices.filter { j in
            let item = itemTokens[j]
            guard !item.isEmpty, item.count <= lower.count else { return false }
            return (0...(lower.count - item.count)).contains { Array(lower[$0..<$0 + item.count]) == item }
        }
        if named.count == 1 { return task.labels[named[0]] }
        let choiceWords = Set(itemTokens.joined())
        let question = tokens.filter { !choiceWords.contains($0.lowercased()) }
        var fields: [ReferenceInput.Field] = []
        for (f, spec) in task.inputs.enumerated() {
            if f == c {
                var flat: [String] = []
                var ranges: [Range<Int>] = []
                for item in items {
                    let start = flat.count
                    flat += Tokenizer.tokenize(item)
                    ranges.append(start..<flat.count)
                }
                fields.append(.tokens(flat, segments: ranges))
            } else if spec.type == .table {
                fields.append(.table([:]))
            } else {
                fields.append(.tokens(question, segments: [0..<question.count]))
            }
        }
        let scored = classifier.score(ReferenceInput(fields: fields))
        let candidates = named.isEmpty ? Array(items.indices) : named
        let logits = scored.logits
        let best = candidates.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) }
        return best.map { task.labels[$0] }
    }
}
