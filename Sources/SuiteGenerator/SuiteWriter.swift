import Candor
import Foundation

/// Writes one suite's folder: `suite.yaml`, `train.jsonl`, `test.jsonl` and the card `README.md`.
/// Every byte depends only on the recipe and its seed.
struct SuiteWriter {
    static let trainSize = 2400
    static let testSize = 600
    /// P(shortcut | label = shortcut label) and P(shortcut | other label) in `train`.
    static let trainShortcutRates = (withLabel: 0.95, otherwise: 0.02)
    /// P(shortcut) in `test`, whatever the label.
    static let testShortcutRate = 0.3

    var recipe: any Recipe

    func write(into suitesFolder: URL) throws {
        let folder = suitesFolder.appendingPathComponent(recipe.id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = SeededRandom(seed: recipe.seed)
        var stats: [String: SplitStats] = [:]
        for (split, size) in [("train", Self.trainSize), ("test", Self.testSize)] {
            let instances = makeSplit(split, size: size, random: &random)
            var text = ""
            for instance in instances { text += InstanceLine.json(instance) + "\n" }
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(split).jsonl"))
            stats[split] = SplitStats(instances, shortcutLabel: recipe.shortcutLabel, labels: recipe.labels)
        }
        try Data(recipe.suiteYAML.utf8).write(to: folder.appendingPathComponent("suite.yaml"))
        try Data(card(train: stats["train"]!, test: stats["test"]!).utf8)
            .write(to: folder.appendingPathComponent("README.md"))
    }

    private func makeSplit(_ split: String, size: Int, random: inout SeededRandom) -> [GeneratedInstance] {
        let labels = random.shuffled((0..<size).map { recipe.labels[$0 % recipe.labels.count] })
        return labels.enumerated().map { index, label in
            let shortcut: Bool
            if split == "train" {
                shortcut = random.chance(label == recipe.shortcutLabel
                    ? Self.trainShortcutRates.withLabel : Self.trainShortcutRates.otherwise)
            } else {
                shortcut = random.chance(Self.testShortcutRate)
            }
            let instance = recipe.makeInstance(index: index, split: split, label: label, shortcut: shortcut,
                                               random: &random)
            precondition(instance.label == label && instance.shortcut == shortcut,
                         "\(recipe.id): recipe changed the label or shortcut it was asked for")
            return instance
        }
    }

    private func card(train: SplitStats, test: SplitStats) -> String {
        func balance(_ stats: SplitStats) -> String {
            recipe.labels.map { "\($0) \(stats.labelCounts[$0, default: 0])" }.joined(separator: ", ")
        }
        return """
        \(recipe.cardBody.trimmingCharacters(in: .whitespacesAndNewlines))

        ## Sizes

        | split | instances | labels | shortcut share | shortcut correlation with `\(recipe.shortcutLabel)` | mean rationale tokens |
        |---|---|---|---|---|---|
        | train | \(train.count) | \(balance(train)) | \(format(train.shortcutShare)) | \(format(train.shortcutCorrelation)) | \(format(train.meanRationaleSize)) |
        | test | \(test.count) | \(balance(test)) | \(format(test.shortcutShare)) | \(format(test.shortcutCorrelation)) | \(format(test.meanRationaleSize)) |

        ## How it was generated

        `swift run SuiteGenerator` writes this folder from the recipe `Sources/SuiteGenerator/Recipes/` with seed \
        \(recipe.seed). Labels are balanced exactly; in `train` the shortcut appears in \
        \(Int(Self.trainShortcutRates.withLabel * 100)) % of `\(recipe.shortcutLabel)` instances and \
        \(Int(Self.trainShortcutRates.otherwise * 100)) % of the others; in `test` in \
        \(Int(Self.testShortcutRate * 100)) % of all instances, whatever the label. Regenerating gives \
        byte-identical files (a test checks it).

        ## Licence

        The texts and values are Candor's own, written for this suite; no sentence comes from an existing \
        dataset. They are distributed under the same licence as Candor.

        """
    }

    private func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

/// Counts that the card reports.
struct SplitStats {
    var count: Int
    var labelCounts: [String: Int]
    var shortcutShare: Double
    /// Pearson (phi) correlation of the shortcut flag with `label == shortcut label`.
    var shortcutCorrelation: Double
    var meanRationaleSize: Double

    init(_ instances: [GeneratedInstance], shortcutLabel: String, labels: [String]) {
        count = instances.count
        labelCounts = Dictionary(grouping: instances, by: \.label).mapValues(\.count)
        let n = Double(instances.count)
        let s = instances.map { $0.shortcut ? 1.0 : 0.0 }
        let y = instances.map { $0.label == shortcutLabel ? 1.0 : 0.0 }
        shortcutShare = s.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var covariance = 0.0
        for i in 0..<instances.count { covariance += (s[i] - shortcutShare) * (y[i] - meanY) }
        covariance /= n
        let spread = (shortcutShare * (1 - shortcutShare) * meanY * (1 - meanY)).squareRoot()
        shortcutCorrelation = spread > 0 ? covariance / spread : 0
        meanRationaleSize = instances.map { instance in
            instance.rationale.reduce(0) { total, piece in
                switch piece {
                case .span(_, let start, let end): total + end - start
                case .features(_, let names): total + names.count
                }
            }
        }.reduce(0) { $0 + Double($1) } / n
    }
}

/// JSON for one instance line, keys in the documented order (id, input, label, rationale, explanation, shortcut).
enum InstanceLine {
    static func json(_ instance: GeneratedInstance) -> String {
        var fields: [String] = []
        for (name, value) in instance.input {
            fields.append("\(string(name)):\(json(value))")
        }
        let rationale = instance.rationale.map { piece -> String in
            switch piece {
            case .span(let field, let start, let end):
                "{\"field\":\(string(field)),\"start\":\(start),\"end\":\(end)}"
            case .features(let field, let names):
                "{\"field\":\(string(field)),\"features\":[\(names.map(string).joined(separator: ","))]}"
            }
        }
        return "{\"id\":\(string(instance.id)),\"input\":{\(fields.joined(separator: ","))},"
            + "\"label\":\(string(instance.label)),\"rationale\":[\(rationale.joined(separator: ","))],"
            + "\"explanation\":\(string(instance.explanation)),\"shortcut\":\(instance.shortcut)}"
    }

    static func json(_ value: GeneratedValue) -> String {
        switch value {
        case .text(let text): return string(text)
        case .textList(let items), .choices(let items):
            return "[\(items.map(string).joined(separator: ","))]"
        case .table(let cells):
            let body = cells.map { name, cell -> String in
                switch cell {
                case .number(let number): "\(string(name)):\(numberText(number))"
                case .category(let category): "\(string(name)):\(string(category))"
                }
            }
            return "{\(body.joined(separator: ","))}"
        }
    }

    /// A number as JSON: whole numbers without a fraction, others in Swift's shortest round-trip form.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
