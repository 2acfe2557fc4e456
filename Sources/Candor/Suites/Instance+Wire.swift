import CandorProtocol

extension TaskSpec {
    /// The task as a model sees it in a request.
    public var descriptor: TaskDescriptor {
        TaskDescriptor(kind: kind.rawValue, labels: labels)
    }
}

extension FieldValue {
    /// The field as it travels in a request: text with its tokens (and sentence ranges for a text list),
    /// choices as items, a table as feature → value.
    public var wire: WireField {
        switch self {
        case .text(let text):
            return WireField(text: text, tokens: Tokenizer.tokenize(text))
        case .textList(let sentences):
            var tokens: [String] = []
            var ranges: [[Int]] = []
            for sentence in sentences {
                let start = tokens.count
                tokens += Tokenizer.tokenize(sentence)
                ranges.append([start, tokens.count])
            }
            return WireField(text: sentences.joined(separator: " "), tokens: tokens, sentences: ranges)
        case .choices(let items):
            return WireField(items: items)
        case .table(let cells):
            return WireField(table: cells.mapValues { cell in
                switch cell {
                case .number(let value): .number(value)
                case .category(let value): .string(value)
                }
            })
        }
    }
}

extension Instance {
    /// The instance's input as it travels in a request. Never includes the label or the reference explanation.
    public var wireInput: [String: WireField] {
        input.mapValues(\.wire)
    }
}
