/// Edits of an instance's input that probes are built from. Each edit gives a valid input of the suite: text is
/// rebuilt from the kept tokens joined by spaces, so tokenizing it again gives exactly those tokens.
public enum InputEdit {
    /// `input` without the given tokens of each text field (erasure, ERASER's x∖r).
    public static func removing(_ tokens: [String: [Int]], from input: [String: FieldValue]) -> [String: FieldValue] {
        input.reduce(into: [:]) { result, entry in
            let drop = Set(tokens[entry.key] ?? [])
            result[entry.key] = drop.isEmpty ? entry.value : filter(entry.value) { !drop.contains($0) }
        }
    }

    /// `input` with only the given tokens of each text field (ERASER's r). Fields without highlights keep no tokens;
    /// choices and tables are unchanged.
    public static func keeping(_ tokens: [String: [Int]], of input: [String: FieldValue]) -> [String: FieldValue] {
        input.reduce(into: [:]) { result, entry in
            let keep = Set(tokens[entry.key] ?? [])
            result[entry.key] = filter(entry.value) { keep.contains($0) }
        }
    }

    /// `input` with `word` inserted before token `position` of text field `field` (at the end when `position` is
    /// the token count).
    public static func inserting(_ word: String, at position: Int, in field: String,
                                 of input: [String: FieldValue]) -> [String: FieldValue] {
        var result = input
        switch input[field] {
        case .text(let text):
            var tokens = Tokenizer.tokenize(text)
            tokens.insert(word, at: min(max(position, 0), tokens.count))
            result[field] = .text(tokens.joined(separator: " "))
        case .textList(let sentences):
            var edited = sentences.map(Tokenizer.tokenize)
            let target = min(max(position, 0), edited.reduce(0) { $0 + $1.count })
            var start = 0
            var placed = false
            for index in edited.indices where !placed {
                if target < start + edited[index].count {
                    edited[index].insert(word, at: target - start)
                    placed = true
                }
                start += edited[index].count
            }
            if !placed {
                if edited.isEmpty { edited = [[word]] } else { edited[edited.count - 1].append(word) }
            }
            result[field] = .textList(edited.map { $0.joined(separator: " ") })
        default:
            break
        }
        return result
    }

    /// `input` with `sentence` appended to text field `field` (as a last sentence of a text list).
    public static func appending(_ sentence: String, to field: String,
                                 of input: [String: FieldValue]) -> [String: FieldValue] {
        var result = input
        switch input[field] {
        case .text(let text): result[field] = .text(text.isEmpty ? sentence : text + " " + sentence)
        case .textList(let sentences): result[field] = .textList(sentences + [sentence])
        default: break
        }
        return result
    }

    /// `input` with the given features of each table field replaced by their baseline values (the train split's
    /// mean for a number, its mode for a category).
    public static func replacing(_ features: [String: [String]], in input: [String: FieldValue],
                                 with baseline: [String: [String: TableValue]]) -> [String: FieldValue] {
        var result = input
        for (field, names) in features {
            guard case .table(var cells) = input[field], let defaults = baseline[field] else { continue }
            for name in names { if let value = defaults[name] { cells[name] = value } }
            result[field] = .table(cells)
        }
        return result
    }

    /// `input` with every feature of each table field *except* the given ones replaced by its baseline value.
    public static func keepingFeatures(_ features: [String: [String]], in input: [String: FieldValue],
                                       with baseline: [String: [String: TableValue]]) -> [String: FieldValue] {
        var result = input
        for (field, value) in input {
            guard case .table(var cells) = value, let defaults = baseline[field] else { continue }
            let keep = Set(features[field] ?? [])
            for (name, replacement) in defaults where !keep.contains(name) { cells[name] = replacement }
            result[field] = .table(cells)
        }
        return result
    }

    private static func filter(_ value: FieldValue, keep: (Int) -> Bool) -> FieldValue {
        switch value {
        case .text(let text):
            let tokens = Tokenizer.tokenize(text)
            return .text(tokens.indices.filter(keep).map { tokens[$0] }.joined(separator: " "))
        case .textList(let sentences):
            var offset = 0
            var edited: [String] = []
            for sentence in sentences {
                let tokens = Tokenizer.tokenize(sentence)
                edited.append(tokens.indices.filter { keep(offset + $0) }.map { tokens[$0] }.joined(separator: " "))
                offset += tokens.count
            }
            return .textList(edited)
        case .choices, .table:
            return value
        }
    }
}
