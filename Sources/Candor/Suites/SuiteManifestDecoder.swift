import Yams

/// Reads a composed `suite.yaml` node tree into a ``SuiteManifest``, recording every problem with its line.
///
/// Works on Yams' `Node` tree rather than `Decodable` so that each problem keeps the line of the node it is
/// about, and so that every problem is found in one pass instead of stopping at the first.
struct SuiteManifestDecoder: Sendable {
    /// The file as messages name it (`<suite folder>/suite.yaml`).
    let file: String
    /// The suite folder's name, which `id` must equal.
    let folderName: String
    private(set) var log = IssueLog()

    init(file: String, folderName: String) {
        self.file = file
        self.folderName = folderName
    }

    private static let topKeys = ["format", "id", "version", "title", "task", "explanations", "probes", "scorers",
                                  "splits", "provenance", "licence"]
    private static let topRequired: [String: String] = [
        "id": "a string equal to the folder's name", "version": "a version string such as 1.0.0",
        "title": "a string", "task": "a mapping with kind, labels and inputs",
        "explanations": "a list of highlights, text or features", "probes": "a mapping with insertion-words and cue",
        "scorers": "a list of scorer ids", "splits": "a mapping from split name to file name, with test",
        "provenance": "a string",
    ]

    mutating func decode(_ root: Node?) -> SuiteManifest {
        var manifest = SuiteManifest()
        guard let root else {
            issue(line: 1, field: nil, found: "an empty document",
                  expected: "a mapping with " + Self.topKeys.joined(separator: ", "))
            return manifest
        }
        // The format decides how everything else is read, so a newer one stops here.
        if let formatNode = root.mapping?.first(where: { $0.key.scalar?.string == "format" })?.value,
           let format = integer(formatNode, at: "format") {
            if format > Suite.supportedFormat {
                issue(formatNode, field: "format", found: "\(format)",
                      expected: "at most \(Suite.supportedFormat) (format \(format) is newer than this Candor "
                          + "supports (\(Suite.supportedFormat)))")
                manifest.isNewerFormat = true
                return manifest
            }
            if format < 1 {
                issue(formatNode, field: "format", found: "\(format)", expected: "\(Suite.supportedFormat)")
            }
            manifest.format = format
        }
        guard let fields = mapping(root, at: nil, allowed: Self.topKeys, required: Self.topRequired) else {
            return manifest
        }
        if let node = fields["id"], let id = string(node, at: "id") {
            if id.isEmpty || !id.unicodeScalars.allSatisfy(Self.isIDCharacter) {
                issue(node, field: "id", found: JSONLineValue.quoted(id),
                      expected: "lower-case letters, digits and '-' only")
            } else if id != folderName {
                issue(node, field: "id", found: JSONLineValue.quoted(id),
                      expected: "\(JSONLineValue.quoted(folderName)) (the name of the suite's folder)")
            } else {
                manifest.id = id
            }
        }
        manifest.version = fields["version"].flatMap { nonEmptyString($0, at: "version") }
        manifest.title = fields["title"].flatMap { nonEmptyString($0, at: "title") }
        manifest.provenance = fields["provenance"].flatMap { nonEmptyString($0, at: "provenance") }
        manifest.licence = fields["licence"].flatMap { string($0, at: "licence") }
        if let node = fields["task"] { manifest.task = task(node) }
        if let node = fields["explanations"] { manifest.explanations = explanations(node) }
        if let node = fields["probes"] { manifest.probes = probes(node) }
        if let node = fields["scorers"] { manifest.scorers = stringList(node, at: "scorers") ?? [] }
        if let node = fields["splits"] { manifest.splits = splits(node) }
        log.sortByLine()
        return manifest
    }

    // MARK: - Sections

    private mutating func task(_ node: Node) -> PartialTask {
        var task = PartialTask()
        guard let fields = mapping(node, at: "task", allowed: ["kind", "labels", "inputs"], required: [
            "kind": "classification or multiple-choice", "labels": "a list of labels",
            "inputs": "a list of input fields",
        ]) else { return task }
        if let node = fields["kind"] {
            task.kind = choice(node, at: "task.kind", of: TaskSpec.Kind.self)
        }
        if let node = fields["labels"], let list = stringList(node, at: "task.labels") {
            let before = log.count
            if list.isEmpty {
                issue(node, field: "task.labels", found: "an empty list", expected: "at least one label")
            }
            var seen: Set<String> = []
            for (index, label) in list.enumerated() {
                if label.isEmpty {
                    issue(node.sequence?[index] ?? node, field: "task.labels[\(index)]", found: "an empty label",
                          expected: "a non-empty string")
                } else if !seen.insert(label).inserted {
                    issue(node.sequence?[index] ?? node, field: "task.labels[\(index)]",
                          found: "\(JSONLineValue.quoted(label)) again", expected: "each label once")
                }
            }
            if task.kind == .multipleChoice, !list.isEmpty {
                let letters = (0..<list.count).map { Self.letter($0) }
                if list != letters {
                    issue(node, field: "task.labels", found: list.joined(separator: ", "),
                          expected: letters.joined(separator: ", ") + " (the letters of the choices, in order)")
                }
            }
            if log.count == before { task.labels = list }
        }
        if let node = fields["inputs"] {
            let before = log.count
            let inputs = inputFields(node)
            if task.kind == .multipleChoice, let inputs {
                let choiceFields = inputs.filter { $0.type == .choices }.count
                if choiceFields != 1 {
                    issue(node, field: "task.inputs", found: "\(choiceFields) fields of type choices",
                          expected: "exactly one for a multiple-choice task")
                }
            }
            if log.count == before { task.inputs = inputs }
        }
        return task
    }

    private mutating func inputFields(_ node: Node) -> [InputField]? {
        guard let items = sequence(node, at: "task.inputs") else { return nil }
        if items.isEmpty {
            issue(node, field: "task.inputs", found: "an empty list", expected: "at least one input field")
            return nil
        }
        var fields: [InputField] = []
        var names: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "task.inputs[\(index)]"
            guard let keys = mapping(item, at: path, allowed: ["name", "type", "features"], required: [
                "name": "a string", "type": "one of text, text-list, choices, table",
            ]) else { continue }
            var name: String?
            if let node = keys["name"], let text = nonEmptyString(node, at: path + ".name") {
                if names.insert(text).inserted {
                    name = text
                } else {
                    issue(node, field: path + ".name", found: "\(JSONLineValue.quoted(text)) again",
                          expected: "each field name once")
                }
            }
            let type = keys["type"].flatMap { choice($0, at: path + ".type", of: InputField.FieldType.self) }
            var features: [InputField.Feature] = []
            if let featuresNode = keys["features"] {
                if let type, type != .table {
                    issue(featuresNode, field: path + ".features", found: "features on a \(type.rawValue) field",
                          expected: "features only on a table field")
                } else {
                    features = tableFeatures(featuresNode, at: path + ".features") ?? []
                }
            } else if type == .table {
                issue(item, field: path + ".features", found: "nothing",
                      expected: "a list of the table's features")
            }
            if let name, let type {
                fields.append(InputField(name: name, type: type, features: features))
            }
        }
        return fields
    }

    private mutating func tableFeatures(_ node: Node, at path: String) -> [InputField.Feature]? {
        guard let items = sequence(node, at: path) else { return nil }
        if items.isEmpty {
            issue(node, field: path, found: "an empty list", expected: "at least one feature")
        }
        var features: [InputField.Feature] = []
        var names: Set<String> = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let keys = mapping(item, at: itemPath, allowed: ["name", "kind"], required: [
                "name": "a string", "kind": "number or category",
            ]) else { continue }
            var name: String?
            if let node = keys["name"], let text = nonEmptyString(node, at: itemPath + ".name") {
                if names.insert(text).inserted {
                    name = text
                } else {
                    issue(node, field: itemPath + ".name", found: "\(JSONLineValue.quoted(text)) again",
                          expected: "each feature name once")
                }
            }
            let kind = keys["kind"].flatMap { choice($0, at: itemPath + ".kind", of: InputField.Feature.Kind.self) }
            if let name, let kind { features.append(InputField.Feature(name: name, kind: kind)) }
        }
        return features
    }

    private mutating func explanations(_ node: Node) -> [ExplanationKind] {
        guard let items = sequence(node, at: "explanations") else { return [] }
        if items.isEmpty {
            issue(node, field: "explanations", found: "an empty list", expected: "at least one of "
                + ExplanationKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return items.enumerated().compactMap { index, item in
            choice(item, at: "explanations[\(index)]", of: ExplanationKind.self)
        }
    }

    private mutating func probes(_ node: Node) -> ProbeSpec {
        var probes = ProbeSpec()
        guard let fields = mapping(node, at: "probes", allowed: ["insertion-words", "cue"], required: [
            "insertion-words": "a list of words", "cue": "a string containing {label}",
        ]) else { return probes }
        if let node = fields["insertion-words"], let words = stringList(node, at: "probes.insertion-words") {
            if words.isEmpty {
                issue(node, field: "probes.insertion-words", found: "an empty list", expected: "at least one word")
            }
            for (index, word) in words.enumerated()
            where word.isEmpty || word.unicodeScalars.contains(where: \.properties.isWhitespace) {
                issue(node.sequence?[index] ?? node, field: "probes.insertion-words[\(index)]",
                      found: JSONLineValue.quoted(word), expected: "one word, without spaces")
            }
            probes.insertionWords = words
        }
        if let node = fields["cue"], let cue = string(node, at: "probes.cue") {
            if cue.contains("{label}") {
                probes.cue = cue
            } else {
                issue(node, field: "probes.cue", found: JSONLineValue.quoted(cue),
                      expected: "a text containing {label}, where the cued label goes")
            }
        }
        return probes
    }

    private mutating func splits(_ node: Node) -> [(split: Suite.Split, line: Int?)] {
        guard let mapping = node.mapping else {
            issue(node, field: "splits", found: Self.summary(of: node),
                  expected: "a mapping from split name to file name")
            return []
        }
        var splits: [(split: Suite.Split, line: Int?)] = []
        var files: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.scalar?.string, !name.isEmpty else {
                issue(keyNode, field: "splits", found: Self.summary(of: keyNode), expected: "a split name")
                continue
            }
            let path = "splits.\(name)"
            guard let file = nonEmptyString(valueNode, at: path) else { continue }
            if file.contains("/") || file.hasPrefix(".") {
                issue(valueNode, field: path, found: JSONLineValue.quoted(file),
                      expected: "a file name inside the suite's folder")
            } else if let other = files[file] {
                issue(valueNode, field: path, found: "\(JSONLineValue.quoted(file)), already the file of split "
                      + other, expected: "a file of its own")
            } else {
                files[file] = name
                splits.append((Suite.Split(name: name, file: file), valueNode.mark?.line))
            }
        }
        if !mapping.contains(where: { $0.key.scalar?.string == "test" }) {
            issue(node, field: "splits.test", found: "nothing", expected: "a file name (every suite has a test split)")
        }
        return splits
    }

    // MARK: - Typed reads

    /// The keys of a mapping node, after reporting unknown keys (at their lines) and missing required ones (at the
    /// mapping's line, with what each should hold).
    private mutating func mapping(_ node: Node, at path: String?, allowed: [String],
                                  required: [String: String]) -> [String: Node]? {
        guard let mapping = node.mapping else {
            issue(node, field: path, found: Self.summary(of: node), expected: "a mapping with "
                + allowed.filter { required[$0] != nil }.joined(separator: ", "))
            return nil
        }
        var fields: [String: Node] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyPath = path.map { "\($0).\(key)" } ?? key
            if allowed.contains(key) {
                fields[key] = valueNode
            } else {
                issue(keyNode, field: keyPath, found: "an unknown key",
                      expected: "one of " + allowed.joined(separator: ", "))
            }
        }
        for key in allowed where fields[key] == nil {
            if let expectation = required[key] {
                issue(node, field: path.map { "\($0).\(key)" } ?? key, found: "nothing", expected: expectation)
            }
        }
        return fields
    }

    private mutating func sequence(_ node: Node, at path: String) -> [Node]? {
        guard let sequence = node.sequence else {
            issue(node, field: path, found: Self.summary(of: node), expected: "a list")
            return nil
        }
        return Array(sequence)
    }

    private mutating func string(_ node: Node, at path: String) -> String? {
        guard let scalar = node.scalar, node.tag.rawValue != Tag.Name.null.rawValue else {
            issue(node, field: path, found: Self.summary(of: node), expected: "a string")
            return nil
        }
        return scalar.string
    }

    private mutating func nonEmptyString(_ node: Node, at path: String) -> String? {
        guard let text = string(node, at: path) else { return nil }
        if text.isEmpty {
            issue(node, field: path, found: "an empty string", expected: "a non-empty string")
            return nil
        }
        return text
    }

    private mutating func stringList(_ node: Node, at path: String) -> [String]? {
        guard let items = sequence(node, at: path) else { return nil }
        var strings: [String] = []
        var ok = true
        for (index, item) in items.enumerated() {
            if let text = string(item, at: "\(path)[\(index)]") { strings.append(text) } else { ok = false }
        }
        return ok ? strings : nil
    }

    private mutating func integer(_ node: Node, at path: String) -> Int? {
        guard node.tag.rawValue == Tag.Name.int.rawValue, let value = node.int else {
            issue(node, field: path, found: Self.summary(of: node), expected: "an integer")
            return nil
        }
        return value
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(
        _ node: Node, at path: String, of type: T.Type
    ) -> T? where T.RawValue == String {
        guard let text = string(node, at: path) else { return nil }
        if let value = T(rawValue: text) { return value }
        issue(node, field: path, found: JSONLineValue.quoted(text),
              expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        return nil
    }

    // MARK: - Reporting

    private mutating func issue(_ node: Node, field: String?, found: String, expected: String) {
        issue(line: node.mark?.line, field: field, found: found, expected: expected)
    }

    private mutating func issue(line: Int?, field: String?, found: String, expected: String) {
        log.add(file: file, line: line, field: field, found: found, expected: expected)
    }

    /// What a node is, for messages.
    static func summary(of node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            node.tag.rawValue == Tag.Name.null.rawValue ? "nothing" : JSONLineValue.quoted(scalar.string)
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// `A`, `B`, …, `Z`, then `AA`, `AB`, … (spreadsheet columns), the labels of choices in order.
    static func letter(_ index: Int) -> String {
        var index = index
        var text = ""
        repeat {
            text = String(UnicodeScalar(UInt8(65 + index % 26))) + text
            index = index / 26 - 1
        } while index >= 0
        return text
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }
}
