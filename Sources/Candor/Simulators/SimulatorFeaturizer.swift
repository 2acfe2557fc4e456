/// The built-in simulator's bag-of-words features, and which of them an explanation points at.
///
/// Every feature of an input is a term built from its tokens (or table cells), and a term is *explained* when it
/// involves a token or feature the explanation points at:
/// - **Classification**, one row per input: text and text-list tokens, lower-cased, as counts `field:token`;
///   table numbers as their value `field.feature` (standardised later, per fold); table categories as indicators
///   `field.feature=level`. A term is explained when its token is a word the explanation highlights in that field
///   (wherever the word occurs) or its cell is a feature the explanation cites, whatever its value: on an edited
///   input where the cited "employment = unemployed" became "employed", the simulator reads the change of a cited
///   feature (``LinearSimulator``'s counterfactual reading compares it with the original's).
/// - **Multiple choice**, one row per choice (letter `L`): its position `at:L`; the choice's tokens `choice:c`;
///   `echo` for a choice token that also occurs in the question; and question-word × choice-token pairs
///   `pair:q|c`, over the question's content words only (function words and punctuation pair with every choice
///   and would crowd the knowledge, e.g. `pair:penguins|zoo`, out of the vocabulary). A term is explained when
///   one of its tokens is highlighted (`at:L` never is: a position is no evidence).
///
/// Explanation text reaches the features only through the input tokens and features it mentions (Candor's
/// resolution of text-only explanations, ``ResolvedExplanation``), so words that are not in the input, the name of
/// the predicted label among them, carry nothing.
struct SimulatorFeaturizer: Sendable {
    let task: TaskSpec

    /// One row of features: every term, and the explained terms among them (a sub-multiset of `all`).
    struct Row: Sendable, Hashable {
        var all: [String: Double] = [:]
        var evidence: [String: Double] = [:]

        mutating func add(_ name: String, _ value: Double, explained: Bool) {
            all[name, default: 0] += value
            if explained { evidence[name, default: 0] += value }
        }
    }

    /// What an explanation points at, read off its own instance so it can be applied to any input.
    struct Pointers: Sendable, Hashable {
        /// Text, text-list or choices field → the lower-cased words highlighted in it.
        var words: [String: Set<String>] = [:]
        /// Table field → cited feature → its value in the explained instance.
        var features: [String: [String: TableValue]] = [:]

        init(_ explanation: ResolvedExplanation, of instance: Instance) {
            for (field, indices) in explanation.highlights {
                guard let tokens = instance.input[field]?.tokens else { continue }
                let highlighted = indices.filter(tokens.indices.contains).map { tokens[$0].lowercased() }
                if !highlighted.isEmpty { words[field] = Set(highlighted) }
            }
            for (field, names) in explanation.features {
                guard case .table(let cells)? = instance.input[field] else { continue }
                let cited = cells.filter { names.contains($0.key) }
                if !cited.isEmpty { features[field] = cited }
            }
        }

        init() {}
    }

    /// The names of the numeric table features (`field.feature`), standardised per fold.
    var numericNames: Set<String> {
        var names: Set<String> = []
        for field in task.inputs where field.type == .table {
            for feature in field.features where feature.kind == .number { names.insert("\(field.name).\(feature.name)") }
        }
        return names
    }

    /// The rows of `input`: one for classification, one per choice for multiple choice.
    func rows(of input: [String: FieldValue], pointers: Pointers) -> [Row] {
        task.kind == .multipleChoice ? choiceRows(of: input, pointers: pointers)
            : [classificationRow(of: input, pointers: pointers)]
    }

    func classificationRow(of input: [String: FieldValue], pointers: Pointers) -> Row {
        var row = Row()
        for field in task.inputs {
            guard let value = input[field.name] else { continue }
            switch value {
            case .text, .textList:
                let words = pointers.words[field.name] ?? []
                for token in value.tokens {
                    let word = token.lowercased()
                    row.add("\(field.name):\(word)", 1, explained: words.contains(word))
                }
            case .table(let cells):
                let cited = pointers.features[field.name] ?? [:]
                for feature in field.features {
                    let explained = cells[feature.name] != nil && cited[feature.name] != nil
                    switch cells[feature.name] {
                    case .number(let number)?:
                        row.add("\(field.name).\(feature.name)", number, explained: explained)
                    case .category(let level)?:
                        row.add("\(field.name).\(feature.name)=\(level)", 1, explained: explained)
                    case nil:
                        continue
                    }
                }
            case .choices:
                continue
            }
        }
        return row
    }

    func choiceRows(of input: [String: FieldValue], pointers: Pointers) -> [Row] {
        guard let choicesField = task.inputs.first(where: { $0.type == .choices }),
              case .choices(let items)? = input[choicesField.name] else { return [] }
        var question: [(word: String, explained: Bool)] = []
        for field in task.inputs where field.type == .text || field.type == .textList {
            let words = pointers.words[field.name] ?? []
            for token in input[field.name]?.tokens ?? [] {
                let word = token.lowercased()
                guard ResolvedExplanation.isContentWord(word) else { continue }
                question.append((word, words.contains(word)))
            }
        }
        let questionWords = Set(question.map(\.word))
        let explainedChoices = pointers.words[choicesField.name] ?? []
        return items.enumerated().map { index, item in
            let letter = index < task.labels.count ? task.labels[index] : "\(index)"
            var row = Row()
            row.add("at:\(letter)", 1, explained: false)
            for token in Tokenizer.tokenize(item) {
                let word = token.lowercased()
                let explained = explainedChoices.contains(word)
                row.add("choice:\(word)", 1, explained: explained)
                if questionWords.contains(word) { row.add("echo", 1, explained: explained) }
                for term in question {
                    row.add("pair:\(term.word)|\(word)", 1, explained: explained || term.explained)
                }
            }
            return row
        }
    }
}
