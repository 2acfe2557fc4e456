/// A set of erasable pieces of an input: tokens of text fields and features of table fields.
///
/// Erasure probes remove evidence (ERASER's x∖r) or keep only it (r); a table feature is "removed" by replacing it
/// with its train-split baseline, since a table cannot lose a column.
public struct Evidence: Sendable, Hashable {
    /// Text or text-list field → token indices.
    public var tokens: [String: [Int]]
    /// Table field → feature names.
    public var features: [String: [String]]

    public init(tokens: [String: [Int]] = [:], features: [String: [String]] = [:]) {
        self.tokens = tokens
        self.features = features
    }

    /// The highlighted tokens and cited features of an explanation.
    public init(_ explanation: ResolvedExplanation) {
        self.init(tokens: explanation.highlights, features: explanation.features)
    }

    public var count: Int {
        tokens.values.reduce(0) { $0 + $1.count } + features.values.reduce(0) { $0 + $1.count }
    }

    /// `input` without this evidence.
    public func erased(from input: [String: FieldValue],
                       baseline: [String: [String: TableValue]]) -> [String: FieldValue] {
        InputEdit.replacing(features, in: InputEdit.removing(tokens, from: input), with: baseline)
    }

    /// `input` reduced to this evidence.
    public func kept(in input: [String: FieldValue],
                     baseline: [String: [String: TableValue]]) -> [String: FieldValue] {
        InputEdit.keepingFeatures(features, in: InputEdit.keeping(tokens, of: input), with: baseline)
    }

    /// One erasable piece.
    public enum Unit: Sendable, Hashable {
        case token(field: String, index: Int)
        case feature(field: String, name: String)
    }

    /// Evidence made of the given units.
    public init(units: some Sequence<Unit>) {
        self.init()
        for unit in units {
            switch unit {
            case .token(let field, let index): tokens[field, default: []].append(index)
            case .feature(let field, let name): features[field, default: []].append(name)
            }
        }
        tokens = tokens.mapValues { $0.sorted() }
    }

    /// Every erasable unit of `instance`, in field order.
    public static func units(of instance: Instance, task: TaskSpec) -> [Unit] {
        var units: [Unit] = []
        for field in task.inputs {
            guard let value = instance.input[field.name] else { continue }
            switch field.type {
            case .text, .textList:
                units += value.tokens.indices.map { .token(field: field.name, index: $0) }
            case .table:
                units += field.features.map { .feature(field: field.name, name: $0.name) }
            case .choices:
                continue
            }
        }
        return units
    }

    /// The units of `instance` ranked by the explanation's weights, largest first (ties keep field order), or nil
    /// when the explanation has no weights for any unit.
    public static func ranked(_ instance: Instance, task: TaskSpec, by explanation: ResolvedExplanation) -> [Unit]? {
        guard explanation.hasWeights else { return nil }
        let weighted = units(of: instance, task: task).enumerated().map { position, unit -> (Unit, Double, Int) in
            let weight: Double
            switch unit {
            case .token(let field, let index):
                weight = explanation.weights[field].map { $0[index] } ?? -.infinity
            case .feature(let field, let name):
                weight = explanation.featureWeights[field]?[name] ?? -.infinity
            }
            return (unit, weight, position)
        }
        return weighted.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map(\.0)
    }

    /// The AOPC bins of ERASER, in per cent of the units: 1, 5, 10, 20 and 50.
    public static let aopcBins: [Int] = [1, 5, 10, 20, 50]

    /// How many units a bin of `percent` takes out of `count`: ⌈percent × count / 100⌉ (integer arithmetic, so
    /// no rounding error), at least 1 when there are units.
    public static func size(ofBin percent: Int, count: Int) -> Int {
        count == 0 ? 0 : max(1, (percent * count + 99) / 100)
    }
}
