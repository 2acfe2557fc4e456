extension ResolvedExplanation {
    /// The suite's reference explanation of `instance`: its rationale spans and cited features, and its text.
    public static func reference(for instance: Instance, task: TaskSpec) -> ResolvedExplanation {
        var highlights: [String: Set<Int>] = [:]
        var cited: [String: Set<String>] = [:]
        for piece in instance.rationale {
            switch piece {
            case .span(let field, let start, let end):
                highlights[field, default: []].formUnion(start..<end)
            case .features(let field, let names):
                cited[field, default: []].formUnion(names)
            }
        }
        var features: [String: [String]] = [:]
        for (field, names) in cited {
            features[field] = (task.field(named: field)?.features.map(\.name) ?? []).filter(names.contains)
        }
        return ResolvedExplanation(highlights: highlights.mapValues { $0.sorted() }, features: features,
                                   text: instance.explanation)
    }

    /// The random control for `instance`: in every field, as many random tokens (or features) as `matching`
    /// highlights there, random weights where `matching` has weights, and `text` (the reference text of another
    /// instance). Seeded by the instance id, so it is the same on every run.
    public static func random(matching: ResolvedExplanation, instance: Instance, task: TaskSpec,
                              text: String?) -> ResolvedExplanation {
        var random = SeededGenerator(seed: StableHash.of(instance.id, "random-source"))
        var result = ResolvedExplanation(text: text)
        for field in task.inputs {
            guard let value = instance.input[field.name] else { continue }
            switch field.type {
            case .text, .textList:
                let count = value.tokens.count
                let wanted = min(matching.highlights[field.name]?.count ?? 0, count)
                if wanted > 0 {
                    result.highlights[field.name] = random.sample(Array(0..<count), count: wanted).sorted()
                }
                if matching.weights[field.name] != nil {
                    result.weights[field.name] = (0..<count).map { _ in random.uniform(-1, 1) }
                }
            case .table:
                let names = field.features.map(\.name)
                let wanted = min(matching.features[field.name]?.count ?? 0, names.count)
                if wanted > 0 {
                    let chosen = Set(random.sample(names, count: wanted))
                    result.features[field.name] = names.filter(chosen.contains)
                }
                if matching.featureWeights[field.name] != nil {
                    result.featureWeights[field.name] = Dictionary(
                        uniqueKeysWithValues: names.map { ($0, random.uniform(-1, 1)) })
                }
            case .choices:
                continue
            }
        }
        return result
    }
}
