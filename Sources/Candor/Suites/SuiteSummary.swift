import Foundation

/// What `candor suites show` reports about a suite: label balance, rationale size and the planted shortcut's
/// correlation per split, and a few instances with their rationale marked.
///
/// Computed by streaming each split once, so it works on suites of any size.
public struct SuiteSummary: Sendable {
    /// Counts of one split.
    public struct SplitStatistics: Sendable, Hashable {
        public var name: String
        public var count: Int = 0
        /// Label → instances with it.
        public var labelCounts: [String: Int] = [:]
        /// Rationale tokens of all instances: the distinct tokens their spans cover plus the distinct features
        /// they cite.
        public var rationaleUnits: Int = 0
        /// Tokens (or features, for a table) of the fields that each instance's rationale points into, summed.
        public var rationaleFieldUnits: Int = 0
        /// Instances that say whether the shortcut occurs (those with a `shortcut` flag).
        public var flagged: Int = 0
        /// Label → flagged instances with that label.
        public var flaggedLabelCounts: [String: Int] = [:]
        /// Label → instances with the shortcut and that label.
        public var shortcutLabelCounts: [String: Int] = [:]

        public init(name: String) {
            self.name = name
        }

        /// Mean rationale length in tokens (cited features count one each).
        public var meanRationaleLength: Double {
            count == 0 ? 0 : Double(rationaleUnits) / Double(count)
        }

        /// The rationale's share of the tokens of the fields it points into; nil when no instance has a rationale.
        public var rationaleShare: Double? {
            rationaleFieldUnits == 0 ? nil : Double(rationaleUnits) / Double(rationaleFieldUnits)
        }

        /// Phi of the shortcut flag with `label == label`, over flagged instances; nil when undefined (a margin
        /// of the 2×2 table is empty).
        public func shortcutCorrelation(with label: String) -> Double? {
            let shortcutTotal = shortcutLabelCounts.values.reduce(0, +)
            let n11 = shortcutLabelCounts[label, default: 0]
            let n10 = shortcutTotal - n11
            let n01 = flaggedLabelCounts[label, default: 0] - n11
            let n00 = flagged - n11 - n10 - n01
            return SuiteSummary.phi(n11: n11, n10: n10, n01: n01, n00: n00)
        }
    }

    public var suite: Suite
    /// One entry per split, in the order of `splits`.
    public var splits: [SplitStatistics]
    /// The label whose indicator correlates most strongly (largest |phi|, then largest phi) with the shortcut flag
    /// in `train` (the first split when there is no `train`); nil when phi is undefined for every label.
    public var shortcutLabel: String?
    /// The first three instances of `test` (of the first split when there is no `test`).
    public var examples: [Instance]

    /// How many example instances a summary keeps.
    public static let exampleCount = 3

    /// Streams every split of `suite` once.
    public init(_ suite: Suite) throws {
        self.suite = suite
        let exampleSplit = suite.splits.contains { $0.name == "test" } ? "test" : suite.splits.first?.name
        var splits: [SplitStatistics] = []
        var examples: [Instance] = []
        for split in suite.splits {
            var statistics = SplitStatistics(name: split.name)
            try suite.forEachInstance(split: split.name) { instance in
                statistics.add(instance)
                if split.name == exampleSplit, examples.count < Self.exampleCount { examples.append(instance) }
            }
            splits.append(statistics)
        }
        self.splits = splits
        self.examples = examples
        let reference = splits.first { $0.name == "train" } ?? splits.first
        // On a tie in |phi| (always so with two labels: phi flips sign) the label the shortcut goes with wins.
        var best: (label: String, phi: Double)?
        for label in suite.task.labels {
            guard let phi = reference?.shortcutCorrelation(with: label) else { continue }
            if let current = best, (abs(phi), phi) <= (abs(current.phi), current.phi) { continue }
            best = (label, phi)
        }
        shortcutLabel = best?.label
    }

    /// The phi coefficient of a 2×2 table: `(n11·n00 − n10·n01) / √((n11+n10)(n01+n00)(n11+n01)(n10+n00))`,
    /// where `n11` counts instances with both properties. Nil when a margin is zero.
    public static func phi(n11: Int, n10: Int, n01: Int, n00: Int) -> Double? {
        let margins = [n11 + n10, n01 + n00, n11 + n01, n10 + n00].map(Double.init)
        let denominator = margins.reduce(1, *).squareRoot()
        guard denominator > 0 else { return nil }
        return (Double(n11) * Double(n00) - Double(n10) * Double(n01)) / denominator
    }

    /// The report `candor suites show` prints.
    public var report: String {
        var lines: [String] = []
        lines.append("\(suite.id) \(suite.version): \(suite.title)")
        let inputs = suite.task.inputs.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ")
        lines.append("task: \(suite.task.kind.rawValue); labels: \(suite.task.labels.joined(separator: ", ")); "
            + "inputs: \(inputs)")
        lines.append("content hash: \(suite.contentHash)")
        lines.append("")
        var table = TextTable(header: ["split", "instances"] + suite.task.labels
            + ["rationale tokens (mean)", "share of field tokens"])
        for split in splits {
            let balance = suite.task.labels.map { label -> String in
                let count = split.labelCounts[label, default: 0]
                return "\(count) (\(Self.percent(split.count == 0 ? 0 : Double(count) / Double(split.count))))"
            }
            table.add([split.name, "\(split.count)"] + balance
                + [Self.decimal(split.meanRationaleLength), split.rationaleShare.map(Self.percent) ?? "-"])
        }
        lines.append(table.text)
        lines.append("")
        if let label = shortcutLabel {
            let values = splits.map { split in
                "\(split.shortcutCorrelation(with: label).map(Self.decimal) ?? "undefined") in \(split.name)"
            }
            lines.append("shortcut: phi of the shortcut flag with label == \(label): "
                + values.joined(separator: ", "))
        } else {
            lines.append("shortcut: none marked (no instance has a shortcut flag that varies with a label)")
        }
        if !examples.isEmpty {
            lines.append("")
            lines.append("examples (rationale in [brackets]):")
            for instance in examples {
                lines.append("")
                lines.append("\(instance.id): label \(instance.label)"
                    + (instance.shortcut == true ? ", shortcut present" : ""))
                for field in suite.task.inputs {
                    guard let value = instance.input[field.name] else { continue }
                    lines += Self.render(field: field, value: value, rationale: instance.rationale)
                }
                if let explanation = instance.explanation { lines.append("  explanation: \(explanation)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Rendering

    /// A field's lines, rationale tokens (or cited features) in brackets.
    static func render(field: InputField, value: FieldValue, rationale: [Rationale]) -> [String] {
        let name = field.name
        switch value {
        case .text(let text):
            return ["  \(name): " + mark(text, tokens: covered(by: rationale, field: name), offset: 0)]
        case .textList(let sentences):
            let marked = covered(by: rationale, field: name)
            var offset = 0
            return sentences.enumerated().map { index, sentence in
                let line = "  \(name)[\(index)]: " + mark(sentence, tokens: marked, offset: offset)
                offset += Tokenizer.tokens(of: sentence).count
                return line
            }
        case .choices(let items):
            return ["  \(name): " + items.enumerated().map { index, item in
                "\(SuiteManifestDecoder.letter(index))) \(item)"
            }.joined(separator: "  ")]
        case .table(let cells):
            var cited: Set<String> = []
            for case .features(let fieldName, let names) in rationale where fieldName == name {
                cited.formUnion(names)
            }
            let shown = field.features.compactMap { feature -> String? in
                guard let cell = cells[feature.name] else { return nil }
                let text = "\(feature.name)=\(cellText(cell))"
                return cited.contains(feature.name) ? "[\(text)]" : text
            }
            return ["  \(name): " + shown.joined(separator: ", ")]
        }
    }

    /// The token indices of `field` that spans of `rationale` cover.
    static func covered(by rationale: [Rationale], field: String) -> Set<Int> {
        var tokens: Set<Int> = []
        for case .span(let name, let start, let end) in rationale where name == field && start < end {
            tokens.formUnion(start..<end)
        }
        return tokens
    }

    /// `text` with each run of marked tokens in brackets; `offset` is the index of its first token in the field.
    static func mark(_ text: String, tokens marked: Set<Int>, offset: Int) -> String {
        let tokens = Tokenizer.tokens(of: text)
        var result = ""
        var cursor = text.startIndex
        for (index, token) in tokens.enumerated() {
            let isMarked = marked.contains(offset + index)
            let previousMarked = index > 0 && marked.contains(offset + index - 1)
            let nextMarked = index + 1 < tokens.count && marked.contains(offset + index + 1)
            result += text[cursor..<token.range.lowerBound]
            if isMarked && !previousMarked { result += "[" }
            result += token.text
            if isMarked && !nextMarked { result += "]" }
            cursor = token.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    static func cellText(_ cell: TableValue) -> String {
        switch cell {
        case .number(let value):
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .category(let text): text
        }
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}

extension SuiteSummary.SplitStatistics {
    mutating func add(_ instance: Instance) {
        count += 1
        labelCounts[instance.label, default: 0] += 1
        if let shortcut = instance.shortcut {
            flagged += 1
            flaggedLabelCounts[instance.label, default: 0] += 1
            if shortcut { shortcutLabelCounts[instance.label, default: 0] += 1 }
        }
        var spans: [String: Set<Int>] = [:]
        var cited: [String: Set<String>] = [:]
        for piece in instance.rationale {
            switch piece {
            case .span(let field, let start, let end) where start < end:
                spans[field, default: []].formUnion(start..<end)
            case .features(let field, let names):
                cited[field, default: []].formUnion(names)
            case .span:
                continue
            }
        }
        for (field, tokens) in spans {
            rationaleUnits += tokens.count
            rationaleFieldUnits += instance.input[field].map(InstanceDecoder.tokenCount(of:)) ?? 0
        }
        for (field, names) in cited {
            rationaleUnits += names.count
            if case .table(let cells)? = instance.input[field] { rationaleFieldUnits += cells.count }
        }
    }
}
