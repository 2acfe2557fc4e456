/// Numbers every token and feature of an instance once, in field order, so that agreement metrics compare one
/// set of predicted units with one set of reference units per instance (ERASER compares per document; an
/// instance's fields play that part, and spans never cross a field).
struct AgreementUnits {
    /// Field → offset of its first unit.
    private var offsets: [String: Int] = [:]
    /// Table field → feature name → its position among the field's features.
    private var featurePositions: [String: [String: Int]] = [:]
    /// How many units the instance has.
    private(set) var count = 0

    init(_ instance: Instance, task: TaskSpec) {
        for field in task.inputs {
            guard let value = instance.input[field.name] else { continue }
            offsets[field.name] = count
            switch field.type {
            case .text, .textList:
                count += value.tokens.count
            case .table:
                featurePositions[field.name] = Dictionary(
                    uniqueKeysWithValues: field.features.enumerated().map { ($0.element.name, $0.offset) })
                count += field.features.count
            case .choices:
                continue
            }
        }
    }

    /// The units an explanation highlights or cites.
    func units(of explanation: ResolvedExplanation) -> Set<Int> {
        var units: Set<Int> = []
        for (field, indices) in explanation.highlights {
            guard let offset = offsets[field] else { continue }
            units.formUnion(indices.map { offset + $0 })
        }
        for (field, names) in explanation.features {
            guard let offset = offsets[field], let positions = featurePositions[field] else { continue }
            units.formUnion(names.compactMap { positions[$0] }.map { offset + $0 })
        }
        return units
    }

    /// Runs of consecutive units that stay within one field: an explanation's spans.
    func spans(of explanation: ResolvedExplanation) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for field in offsets.keys.sorted() {
            let local = ResolvedExplanation(highlights: explanation.highlights.filter { $0.key == field },
                                            features: explanation.features.filter { $0.key == field })
            let units = self.units(of: local).sorted()
            var start: Int? = nil
            var previous = -2
            for unit in units {
                if unit != previous + 1 {
                    if let open = start { spans.append(open..<(previous + 1)) }
                    start = unit
                }
                previous = unit
            }
            if let open = start { spans.append(open..<(previous + 1)) }
        }
        return spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// One weight per unit, or nil when the explanation lacks weights for some text or table field.
    func weights(of explanation: ResolvedExplanation, task: TaskSpec) -> [Double]? {
        var weights = [Double](repeating: 0, count: count)
        for field in task.inputs {
            guard let offset = offsets[field.name] else { continue }
            switch field.type {
            case .text, .textList:
                guard let values = explanation.weights[field.name] else { return nil }
                for (index, value) in values.enumerated() where offset + index < count {
                    weights[offset + index] = value
                }
            case .table:
                guard let values = explanation.featureWeights[field.name] else { return nil }
                for (name, position) in featurePositions[field.name] ?? [:] {
                    weights[offset + position] = values[name] ?? 0
                }
            case .choices:
                continue
            }
        }
        return weights
    }
}
