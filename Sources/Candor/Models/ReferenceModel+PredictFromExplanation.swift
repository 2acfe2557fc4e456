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
    /// - **Multiple choice**: with the choices in the request's input (its only field), every choice is scored
    ///   with the text's tokens other than the choices' words as the question. A choice the text merely names
    ///   does not win by being named: the explanation must carry the evidence for it, or explanation-only would
    ///   reward any text that restates the answer. Without the choices, the label is null: the model cannot tell.
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
        guard let c = task.inputs.firstIndex(where: { $0.type == .choices }),
              let items = input?[task.inputs[c].name]?.items else {
            return nil
        }
        guard items.count == task.labels.count else {
            throw ReferenceModelError(
                "input field '\(task.inputs[c].name)': expected \(task.labels.count) choices, found \(items.count)")
        }
        let itemTokens = items.map { Tokenizer.tokenize($0).map { $0.lowercased() } }
        let choiceWords = Set(itemTokens.joined())
        // Like text suites, the quoted pieces are what the explanation cites (all of it when nothing is quoted).
        let question = Self.mentionedSegments(of: text).joined().filter { !choiceWords.contains($0.lowercased()) }
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
        let logits = scored.logits
        let best = items.indices.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) }
        return best.map { task.labels[$0] }
    }
}
