import Foundation
import Yams

// PROVISIONAL: a minimal loader so that other parts can read suites while full validation is written.
// It will be replaced by the validating loader with the same API.

/// Loads suites from their folders.
public enum SuiteLoader {
    /// Loads and validates the suite in `directory`.
    public static func load(_ directory: URL) throws -> Suite {
        let yamlURL = directory.appendingPathComponent("suite.yaml")
        let yamlText = try String(contentsOf: yamlURL, encoding: .utf8)
        guard let root = try Yams.load(yaml: yamlText) as? [String: Any] else {
            throw SuiteError(message: "\(yamlURL.path): not a mapping")
        }
        let taskNode = root["task"] as? [String: Any] ?? [:]
        let inputs = (taskNode["inputs"] as? [[String: Any]] ?? []).map { field -> InputField in
            let features = (field["features"] as? [[String: Any]] ?? []).map {
                InputField.Feature(name: $0["name"] as? String ?? "",
                                   kind: InputField.Feature.Kind(rawValue: $0["kind"] as? String ?? "") ?? .number)
            }
            return InputField(name: field["name"] as? String ?? "",
                              type: InputField.FieldType(rawValue: field["type"] as? String ?? "") ?? .text,
                              features: features)
        }
        let task = TaskSpec(kind: TaskSpec.Kind(rawValue: taskNode["kind"] as? String ?? "") ?? .classification,
                            labels: taskNode["labels"] as? [String] ?? [], inputs: inputs)
        let probesNode = root["probes"] as? [String: Any] ?? [:]
        let splitsNode = root["splits"] as? [String: String] ?? [:]
        let splits = splitsNode.keys.sorted { ($0 == "train" ? 0 : 1, $0) < ($1 == "train" ? 0 : 1, $1) }
            .map { Suite.Split(name: $0, file: splitsNode[$0]!) }
        var hashed = Data(yamlText.utf8)
        for split in splits {
            hashed.append(try Data(contentsOf: directory.appendingPathComponent(split.file)))
        }
        return Suite(
            format: root["format"] as? Int ?? 1,
            id: root["id"] as? String ?? directory.lastPathComponent,
            version: root["version"] as? String ?? "",
            title: root["title"] as? String ?? "",
            task: task,
            explanations: (root["explanations"] as? [String] ?? []).compactMap(ExplanationKind.init(rawValue:)),
            probes: ProbeSpec(insertionWords: probesNode["insertion-words"] as? [String] ?? [],
                              cue: probesNode["cue"] as? String),
            scorers: root["scorers"] as? [String] ?? [],
            splits: splits,
            provenance: root["provenance"] as? String ?? "",
            licence: root["licence"] as? String,
            directory: directory,
            contentHash: RequestHash.sha256(hashed))
    }

    /// Every suite in the subfolders of `folder` that hold a `suite.yaml`, sorted by id.
    public static func loadAll(in folder: URL) throws -> [Suite] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.compactMap { name in
            let directory = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("suite.yaml").path)
            else { return nil }
            return try load(directory)
        }.sorted { $0.id < $1.id }
    }
}

/// A suite that could not be loaded.
public struct SuiteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Suite {
    /// The instances of a split, in file order.
    public func instances(split name: String) throws -> [Instance] {
        guard let url = url(ofSplit: name) else {
            throw SuiteError(message: "suite \(id) has no split \(name)")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw SuiteError(message: "\(url.path): not an object")
            }
            return Instance(json: object, task: task)
        }
    }
}

extension Instance {
    init(json object: [String: Any], task: TaskSpec) {
        var input: [String: FieldValue] = [:]
        let inputObject = object["input"] as? [String: Any] ?? [:]
        for field in task.inputs {
            switch field.type {
            case .text: input[field.name] = .text(inputObject[field.name] as? String ?? "")
            case .textList: input[field.name] = .textList(inputObject[field.name] as? [String] ?? [])
            case .choices: input[field.name] = .choices(inputObject[field.name] as? [String] ?? [])
            case .table:
                let cells = inputObject[field.name] as? [String: Any] ?? [:]
                input[field.name] = .table(cells.mapValues { value in
                    if let text = value as? String { return .category(text) }
                    return .number((value as? NSNumber)?.doubleValue ?? 0)
                })
            }
        }
        let rationale = (object["rationale"] as? [[String: Any]] ?? []).map { piece -> Rationale in
            let field = piece["field"] as? String ?? ""
            if let names = piece["features"] as? [String] { return .features(field: field, names: names) }
            return .span(field: field, start: piece["start"] as? Int ?? 0, end: piece["end"] as? Int ?? 0)
        }
        self.init(id: object["id"] as? String ?? "", input: input, label: object["label"] as? String ?? "",
                  rationale: rationale, explanation: object["explanation"] as? String,
                  shortcut: object["shortcut"] as? Bool)
    }
}
