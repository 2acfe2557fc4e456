import Foundation

/// Writes an imported suite in suite format 1 (`Suites/FORMAT.md`): instances streamed to one JSONL file per
/// split as they come, then `suite.yaml` and the card `README.md`, then the whole suite loaded back through the
/// validating loader, so an import either yields a suite that validates or fails.
///
/// Files are written into a hidden staging folder beside the destination and moved into place only when the
/// import has finished, so an import that fails half-way leaves nothing behind (and no folder that a second try
/// would refuse as not empty).
///
/// The suite's id is the folder's name. A source without a `test` split gets its `val` (or else `dev`) split as
/// `test`, and the card says so.
final class ImportedSuiteWriter {
    let directory: URL
    let id: String
    private let overwrite: Bool
    private let staging: URL
    private var finished = false
    private var handles: [String: FileHandle] = [:]
    private var buffers: [String: [UInt8]] = [:]
    private var counts: [String: Int] = [:]
    private var ids: Set<String> = []
    private var skipped: [String: Int] = [:]
    private var notes: [String: Int] = [:]

    /// Prepares to write the suite folder `directory` (created when missing).
    /// - Parameter overwrite: replace the `suite.yaml`, `README.md` and `*.jsonl` of a suite already there;
    ///   without it, a folder that holds anything is refused.
    /// - Throws: ``ImportError`` when the folder's name is not a suite id or the folder is in use.
    init(directory: URL, overwrite: Bool) throws {
        let folder = directory.standardizedFileURL
        let name = folder.lastPathComponent
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0)
            || $0 == "-" }) else {
            throw ImportError(file: directory.relativeString, line: nil, field: "--out",
                              found: "the folder name \"\(name)\"",
                              expected: "a suite id as the folder name: lower-case letters, digits and '-' only")
        }
        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        if !existing.isEmpty && !overwrite {
            throw ImportError(file: directory.relativeString, line: nil, field: "--out",
                              found: "a folder that is not empty",
                              expected: "a new or empty folder (or --overwrite to replace a suite there)")
        }
        let parent = folder.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(name).importing-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        self.directory = folder
        self.id = name
        self.overwrite = overwrite
    }

    deinit {
        for handle in handles.values { try? handle.close() }
        if !finished { try? FileManager.default.removeItem(at: staging) }
    }

    /// Appends `instance` to `split`; an id already written is skipped and counted instead.
    func add(_ instance: Instance, split: String) throws {
        guard ids.insert(instance.id).inserted else {
            skip("an id already imported (the source repeats it)")
            return
        }
        var line = Self.line(instance)
        line.append(0x0A)
        buffers[split, default: []].append(contentsOf: line)
        counts[split, default: 0] += 1
        if buffers[split, default: []].count >= 1 << 16 { try flush(split) }
    }

    /// Counts a source record that was not imported.
    func skip(_ reason: String) {
        skipped[reason, default: 0] += 1
    }

    /// Counts something worth knowing about a record that was imported all the same.
    func note(_ text: String) {
        notes[text, default: 0] += 1
    }

    /// How many instances `split` has so far.
    func count(of split: String) -> Int { counts[split] ?? 0 }

    /// Writes `suite.yaml` and `README.md`, loads the suite back and reports.
    /// - Throws: ``ImportError`` when nothing was imported into any split that can be `test`, or
    ///   ``SuiteValidationError`` when the written suite does not validate (a fault of the importer).
    func finish(_ suite: ImportedSuite) throws -> ImportReport {
        for split in Array(buffers.keys) { try flush(split) }
        for handle in handles.values { try handle.close() }
        handles = [:]
        var order = ["train", "val", "dev", "test"].filter { counts[$0] != nil }
        order += counts.keys.filter { !order.contains($0) }.sorted()
        var names = Dictionary(uniqueKeysWithValues: order.map { ($0, $0) })
        var notes = suite.notes
        if counts["test"] == nil {
            guard let stand = ["val", "dev"].first(where: { counts[$0] != nil }) else {
                throw ImportError(file: directory.lastPathComponent, line: nil, field: nil,
                                  found: "no instance imported into a test, val or dev split"
                                      + (skipped.isEmpty ? "" : " (\(skipped.values.reduce(0, +)) skipped)"),
                                  expected: "at least one instance for the suite's test split")
            }
            names[stand] = "test"
            notes.append("The source has no test split; its \(stand) split is the suite's test split.")
        }
        try yaml(suite, order: order, names: names).write(to: staging.appendingPathComponent("suite.yaml"),
                                                         atomically: true, encoding: .utf8)
        try card(suite, order: order, names: names, notes: notes)
            .write(to: staging.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try moveIntoPlace()
        let loaded = try SuiteLoader.load(directory)
        return ImportReport(suite: loaded, imported: order.map { (names[$0]!, counts[$0]!) }, skipped: skipped,
                            notes: self.notes)
    }

    /// Replaces the destination's suite files (with `overwrite`) by the staged ones.
    private func moveIntoPlace() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        if overwrite {
            for file in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            where file == "suite.yaml" || file == "README.md" || file.hasSuffix(".jsonl") {
                try manager.removeItem(at: directory.appendingPathComponent(file))
            }
        }
        for file in try manager.contentsOfDirectory(atPath: staging.path) {
            try manager.moveItem(at: staging.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        try manager.removeItem(at: staging)
        finished = true
    }

    private func flush(_ split: String) throws {
        guard let bytes = buffers[split], !bytes.isEmpty else { return }
        let handle: FileHandle
        if let open = handles[split] {
            handle = open
        } else {
            let url = staging.appendingPathComponent("\(split).jsonl")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            handle = try FileHandle(forWritingTo: url)
            handles[split] = handle
        }
        try handle.write(contentsOf: bytes)
        buffers[split] = []
    }

    /// One instance line, keys in the order of the format's example and input fields sorted by name, so that
    /// importing the same source twice gives the same bytes.
    static func line(_ instance: Instance) -> [UInt8] {
        var text = "{\"id\":" + ReportJSON.quote(instance.id) + ",\"input\":{"
        text += instance.input.keys.sorted().map { name in
            ReportJSON.quote(name) + ":" + value(instance.input[name]!)
        }.joined(separator: ",")
        text += "},\"label\":" + ReportJSON.quote(instance.label)
        if !instance.rationale.isEmpty {
            text += ",\"rationale\":[" + instance.rationale.map { entry in
                switch entry {
                case .span(let field, let start, let end):
                    "{\"field\":\(ReportJSON.quote(field)),\"start\":\(start),\"end\":\(end)}"
                case .features(let field, let names):
                    "{\"field\":\(ReportJSON.quote(field)),\"features\":["
                        + names.map(ReportJSON.quote).joined(separator: ",") + "]}"
                }
            }.joined(separator: ",") + "]"
        }
        if let explanation = instance.explanation { text += ",\"explanation\":" + ReportJSON.quote(explanation) }
        if let shortcut = instance.shortcut { text += ",\"shortcut\":\(shortcut)" }
        return Array((text + "}").utf8)
    }

    private static func value(_ field: FieldValue) -> String {
        switch field {
        case .text(let text): ReportJSON.quote(text)
        case .textList(let items), .choices(let items): "[" + items.map(ReportJSON.quote).joined(separator: ",") + "]"
        case .table(let cells):
            "{" + cells.keys.sorted().map { key in
                switch cells[key]! {
                case .number(let number): ReportJSON.quote(key) + ":" + ReportJSON.format(number)
                case .category(let text): ReportJSON.quote(key) + ":" + ReportJSON.quote(text)
                }
            }.joined(separator: ",") + "}"
        }
    }

    private func yaml(_ suite: ImportedSuite, order: [String], names: [String: String]) -> String {
        let q = ReportJSON.quote
        var lines = [
            "format: 1",
            "id: \"\(id)\"",
            "version: 1.0.0",
            "title: \(q(suite.title))",
            "task:",
            "  kind: \(suite.task.kind.rawValue)",
            "  labels: [" + suite.task.labels.map(q).joined(separator: ", ") + "]",
            "  inputs:",
        ]
        for field in suite.task.inputs {
            lines.append("    - {name: \(q(field.name)), type: \(field.type.rawValue)}")
        }
        lines.append("explanations: [" + suite.explanations.map(\.rawValue).joined(separator: ", ") + "]")
        lines.append("probes:")
        lines.append("  insertion-words: [" + ImportedSuite.insertionWords.joined(separator: ", ") + "]")
        lines.append("  cue: \(q(ImportedSuite.cue))")
        lines.append("scorers: [" + suite.scorers.joined(separator: ", ") + "]")
        lines.append("splits: {" + order.map { "\(names[$0]!): \($0).jsonl" }.joined(separator: ", ") + "}")
        lines.append("provenance: \(q(suite.provenance))")
        lines.append("licence: \(q(suite.licence))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func card(_ suite: ImportedSuite, order: [String], names: [String: String], notes: [String]) -> String {
        var text = "# \(suite.title)\n\n"
        text += "Imported with `candor import`. Provenance: \(suite.provenance)\n\n"
        text += "Licence: \(suite.licence)\n\n"
        text += "| split | file | instances |\n|---|---|---|\n"
        for split in order { text += "| \(names[split]!) | \(split).jsonl | \(counts[split]!) |\n" }
        if !skipped.isEmpty {
            text += "\nSource records not imported:\n\n"
            for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) { text += "- \(count): \(reason)\n" }
        }
        if !notes.isEmpty {
            text += "\nHow the source was converted:\n\n"
            for note in notes { text += "- \(note)\n" }
        }
        return text
    }
}
