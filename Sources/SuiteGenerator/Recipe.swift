import Candor

/// How one shipped suite is generated. The framework (``SuiteWriter``) decides each instance's label (balanced)
/// and whether it carries the planted shortcut (correlated with ``shortcutLabel`` in `train`, independent of the
/// label in `test`); the recipe writes an instance with that label and shortcut, by its own label rule.
protocol Recipe {
    /// The suite id, also its folder name under `Suites/`.
    var id: String { get }
    var seed: UInt64 { get }
    /// The labels, in the order of `task.labels`.
    var labels: [String] { get }
    /// The label the shortcut goes with in `train`.
    var shortcutLabel: String { get }
    /// `suite.yaml`, written out by hand so that its layout and comments stay readable.
    var suiteYAML: String { get }
    /// The card's sections that only the recipe knows: what the suite tests, its analogue, the label rule,
    /// the traps, the shortcut. Markdown; the writer adds sizes, balance and how it was generated.
    var cardBody: String { get }

    /// One instance with the given label and shortcut. `index` is unique within the split.
    func makeInstance(index: Int, split: String, label: String, shortcut: Bool,
                      random: inout SeededRandom) -> GeneratedInstance
}

/// An instance as a recipe makes it; written out as one JSONL line.
struct GeneratedInstance {
    var id: String
    /// Field name → value, in the task's field order.
    var input: [(name: String, value: GeneratedValue)]
    var label: String
    var rationale: [GeneratedRationale]
    var explanation: String
    var shortcut: Bool
}

enum GeneratedValue {
    case text(String)
    case textList([String])
    case choices([String])
    /// Feature name → value, in the table's feature order.
    case table([(name: String, value: GeneratedCell)])
}

enum GeneratedCell {
    case number(Double)
    case category(String)
}

enum GeneratedRationale {
    case span(field: String, start: Int, end: Int)
    case features(field: String, names: [String])
}
