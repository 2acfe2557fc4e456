/// What an erased table feature is replaced by: its `train` split mean (numbers) or mode (categories; ties go to
/// the value that sorts first), per table field.
public enum TableBaseline {
    public static func compute(task: TaskSpec, train: some Sequence<Instance>)
        -> [String: [String: TableValue]] {
        let tables = task.inputs.filter { $0.type == .table }
        guard !tables.isEmpty else { return [:] }
        var sums: [String: [String: (total: Double, count: Int)]] = [:]
        var categories: [String: [String: [String: Int]]] = [:]
        for instance in train {
            for field in tables {
                guard case .table(let cells) = instance.input[field.name] else { continue }
                for (name, value) in cells {
                    switch value {
                    case .number(let number):
                        let old = sums[field.name, default: [:]][name, default: (0, 0)]
                        sums[field.name, default: [:]][name] = (old.total + number, old.count + 1)
                    case .category(let category):
                        categories[field.name, default: [:]][name, default: [:]][category, default: 0] += 1
                    }
                }
            }
        }
        var baseline: [String: [String: TableValue]] = [:]
        for field in tables {
            var values: [String: TableValue] = [:]
            for feature in field.features {
                if let sum = sums[field.name]?[feature.name], sum.count > 0 {
                    values[feature.name] = .number(sum.total / Double(sum.count))
                } else if let counts = categories[field.name]?[feature.name],
                          let mode = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
                    values[feature.name] = .category(mode.key)
                }
            }
            baseline[field.name] = values
        }
        return baseline
    }
}
