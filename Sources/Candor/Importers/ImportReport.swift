/// What an import did: the suite it wrote (loaded back, so it is known to validate) and what it counted.
public struct ImportReport: Sendable {
    /// The written suite, as ``SuiteLoader`` loads it.
    public var suite: Suite
    /// Instances written per split, in the order of the suite's splits.
    public var imported: [(split: String, count: Int)]
    /// Source records not imported, by reason.
    public var skipped: [String: Int]
    /// Things worth knowing that did not stop a record (e.g. a highlight that could not be placed), by kind.
    public var notes: [String: Int]

    public init(suite: Suite, imported: [(split: String, count: Int)], skipped: [String: Int],
                notes: [String: Int]) {
        self.suite = suite
        self.imported = imported
        self.skipped = skipped
        self.notes = notes
    }

    /// How many instances were written in all.
    public var importedCount: Int { imported.reduce(0) { $0 + $1.count } }
    /// How many source records were skipped in all.
    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// A few lines for a person: counts per split, then each skip reason and note with its count.
    public var text: String {
        var lines = ["imported \(importedCount) instances into \(suite.id) ("
            + imported.map { "\($0.split) \($0.count)" }.joined(separator: ", ") + ")"]
        lines.append("skipped \(skippedCount)" + (skipped.isEmpty ? "" : ":"))
        for (reason, count) in skipped.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append("  \(count)  \(reason)")
        }
        if !notes.isEmpty {
            lines.append("notes:")
            for (note, count) in notes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                lines.append("  \(count)  \(note)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
