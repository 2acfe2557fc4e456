import CandorProtocol
import Foundation

/// Writes the reference model's explanations from its attributions, in each variant.
///
/// Faithful explanations follow one rule. The weight of a slot (token or table feature) is its contribution to
/// the margin of the predicted label over the runner-up (see ``ReferenceClassifier``). The highlights are the
/// slots with positive contribution, strongest first, at most `max(1, ⌈20 % of the slots⌉)`, and at least one
/// (the strongest, even when nothing is positive) whenever the input has a slot. The text names the predicted
/// label, the highlighted evidence as quotes (contiguous highlighted tokens form one quote, the same words quoted
/// once; at most four quotes, strongest first) and, when there is any, up to two different words among the
/// strongest slots pointing the other way, as long as what is named against stays smaller than what is named for:
/// "Predicted positive mainly because of “wonderful” and “a joy”; “dull” pointed the other way."
///
/// The other variants keep the prediction and change only the explanation: `shuffled` moves every weight by a
/// permutation seeded from the input and highlights where the faithful highlights moved; `inverted` hands the
/// largest weights to the least important slots and highlights as many of the lowest-ranked slots; `plausible`
/// gives the suite's reference rationale (weight 1 on it, 0 elsewhere) and reference text.
struct ReferenceExplainer: Sendable {
    let task: TaskSpec

    /// The explanation of `scored` in `variant`; `reference` is the suite instance with the same input, if any.
    func explain(_ scored: ReferenceClassifier.Scored, input: ReferenceInput, variant: ReferenceModel.Variant,
                 reference: Instance?) -> WireExplanation {
        let contributions = scored.contributions
        let n = contributions.count
        let order = contributions.indices.sorted {
            contributions[$0] > contributions[$1] || (contributions[$0] == contributions[$1] && $0 < $1)
        }
        let positives = contributions.filter { $0 > 0 }.count
        let limit = max(1, Int((0.2 * Double(n)).rounded(.up)))
        let count = n == 0 ? 0 : max(1, min(positives, limit))
        var weights = contributions
        var chosen = Array(order.prefix(count))
        switch variant {
        case .faithful:
            break
        case .shuffled:
            var shuffle = ReferenceShuffle(key: input.key)
            let moves = shuffle.permutation(of: n)
            for j in 0..<n { weights[moves[j]] = contributions[j] }
            chosen = chosen.map { moves[$0] }
        case .inverted:
            for (rank, slot) in order.enumerated() { weights[slot] = contributions[order[n - 1 - rank]] }
            chosen = Array(order.suffix(count).reversed())
        case .plausible:
            return plausible(scored, input: input, reference: reference)
        }
        return WireExplanation(text: sentence(scored, input: input, chosen: chosen, weights: weights),
                               highlights: highlights(scored, input: input, chosen: chosen),
                               weights: fieldWeights(scored, input: input, weights: weights))
    }

    /// The reference rationale and text of the matching suite instance; an empty explanation when there is none.
    func plausible(_ scored: ReferenceClassifier.Scored, input: ReferenceInput, reference: Instance?)
        -> WireExplanation {
        var weights = [Double](repeating: 0, count: scored.slots.count)
        var chosen: [Int] = []
        let positions = Dictionary(uniqueKeysWithValues: scored.slots.enumerated().map { ($1, $0) })
        for piece in reference?.rationale ?? [] {
            guard let f = task.inputs.firstIndex(where: { $0.name == piece.field }) else { continue }
            let marked: [Int]
            switch piece {
            case .span(_, let start, let end): marked = Array(start..<max(start, end))
            case .features(_, let names):
                marked = names.compactMap { name in task.inputs[f].features.firstIndex { $0.name == name } }
            }
            for position in marked {
                guard let index = positions[ReferenceFeaturizer.Slot(field: f, position: position)] else { continue }
                weights[index] = 1
                chosen.append(index)
            }
        }
        return WireExplanation(text: reference?.explanation ?? "",
                               highlights: highlights(scored, input: input, chosen: chosen),
                               weights: fieldWeights(scored, input: input, weights: weights))
    }

    /// Highlights grouped by field in task order: token indices in ascending order, or table features in the
    /// order chosen (strongest first).
    func highlights(_ scored: ReferenceClassifier.Scored, input: ReferenceInput, chosen: [Int]) -> [Highlight] {
        var byField: [Int: [Int]] = [:]
        for index in chosen {
            byField[scored.slots[index].field, default: []].append(scored.slots[index].position)
        }
        return byField.keys.sorted().map { f in
            let spec = task.inputs[f]
            if spec.type == .table {
                return Highlight(field: spec.name, features: byField[f]!.map { spec.features[$0].name })
            }
            return Highlight(field: spec.name, tokens: byField[f]!.sorted())
        }
    }

    /// One weight per token of each text or text-list field, or per feature of each table field.
    func fieldWeights(_ scored: ReferenceClassifier.Scored, input: ReferenceInput, weights: [Double])
        -> [FieldWeights] {
        var result: [FieldWeights] = []
        var cursor = 0
        for f in task.inputs.indices where task.inputs[f].type != .choices {
            let spec = task.inputs[f]
            let count = scored.slots[cursor...].prefix { $0.field == f }.count
            let values = Array(weights[cursor..<cursor + count])
            cursor += count
            if spec.type == .table {
                result.append(FieldWeights(field: spec.name, features: Dictionary(
                    uniqueKeysWithValues: zip(spec.features.map(\.name), values))))
            } else {
                result.append(FieldWeights(field: spec.name, values: values))
            }
        }
        return result
    }

    /// The sentence naming the label, the chosen evidence and, when present, the strongest evidence against.
    func sentence(_ scored: ReferenceClassifier.Scored, input: ReferenceInput, chosen: [Int], weights: [Double])
        -> String {
        var opening = "Predicted \(task.labels[scored.predicted])"
        if task.kind == .multipleChoice, let c = task.inputs.firstIndex(where: { $0.type == .choices }),
           case .tokens(let tokens, let items) = input.fields[c], scored.predicted < items.count {
            let choice = tokens[items[scored.predicted]].joined(separator: " ")
            opening = "Chose “\(choice)” (\(task.labels[scored.predicted]))"
        }
        let quotes = quotes(scored, input: input, chosen: chosen, weights: weights)
        guard !quotes.isEmpty else { return opening + "." }
        let support = quotes.prefix(4)
        let supportSum = support.reduce(0) { $0 + max(0, $1.weight) }
        var against: [String] = []
        var againstSum = 0.0
        let chosenSet = Set(chosen)
        let negatives = weights.indices.filter { weights[$0] < 0 && !chosenSet.contains($0) }
            .sorted { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
        for index in negatives where against.count < 2 && againstSum - weights[index] < supportSum {
            let quoted = quote(of: [index], scored: scored, input: input)
            guard !against.contains(quoted) else { continue }
            against.append(quoted)
            againstSum -= weights[index]
        }
        var text = "\(opening) mainly because of \(Self.list(support.map(\.text)))"
        if !against.isEmpty {
            text += "; \(Self.list(against)) pointed the other way"
        }
        return text + "."
    }

    /// The chosen slots as quotes: runs of adjacent tokens of one field form one quote, repeated quotes merge;
    /// strongest first.
    func quotes(_ scored: ReferenceClassifier.Scored, input: ReferenceInput, chosen: [Int], weights: [Double])
        -> [(text: String, weight: Double)] {
        var runs: [[Int]] = []
        for index in chosen.sorted() {
            if let last = runs.last?.last, task.inputs[scored.slots[index].field].type != .table,
               scored.slots[last].field == scored.slots[index].field,
               scored.slots[last].position + 1 == scored.slots[index].position {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        // The same words at several places are one piece of evidence: quote them once, with their summed weight.
        var weighted: [(text: String, weight: Double)] = []
        for run in runs {
            let text = quote(of: run, scored: scored, input: input)
            let weight = run.reduce(0) { $0 + weights[$1] }
            if let same = weighted.firstIndex(where: { $0.text == text }) {
                weighted[same].weight += weight
            } else {
                weighted.append((text, weight))
            }
        }
        return weighted.enumerated().sorted {
            $0.element.weight > $1.element.weight || ($0.element.weight == $1.element.weight && $0.offset < $1.offset)
        }.map(\.element)
    }

    /// “tokens” for a run of tokens; `feature = value` for a table feature.
    func quote(of run: [Int], scored: ReferenceClassifier.Scored, input: ReferenceInput) -> String {
        let first = scored.slots[run[0]]
        switch input.fields[first.field] {
        case .tokens(let tokens, _):
            return "“" + run.map { tokens[scored.slots[$0].position] }.joined(separator: " ") + "”"
        case .table(let cells):
            let feature = task.inputs[first.field].features[first.position].name
            switch cells[feature] {
            case .number(let value)?: return "\(feature) = \(Self.format(value))"
            case .category(let level)?: return "\(feature) = \(level)"
            case nil: return "\(feature) missing"
            }
        }
    }

    /// A number as written in a table: integers without a decimal point.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// “a”, “a and b”, “a, b and c”.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
