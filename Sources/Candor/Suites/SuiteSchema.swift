import CandorProtocol
import Foundation
import Yams

/// JSON Schemas of a suite's files, format 1: `suite.yaml` (read as the JSON it maps to) and one line of a split.
///
/// For people who build suites with other tools: a schema catches wrong keys and types before `candor suites
/// validate` is run. It cannot say everything `Suites/FORMAT.md` says (that ids are unique, that spans fit their
/// field's tokens, that an input has exactly the task's fields), so the validator stays the authority; the
/// schemas use the same small subset of JSON Schema as ``ProtocolSchema``.
public enum SuiteSchema {
    /// `suite` (the manifest) and `instance` (one line of a split).
    public static let files: [String: JSONValue] = ["suite": suite, "instance": instance]

    /// Both schemas as one JSON Schema document, under `$defs`.
    public static var document: JSONValue {
        .object([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": .string("Candor suite, format \(Suite.supportedFormat)"),
            "description": "suite: the mapping in suite.yaml; instance: one line of a split file (JSON lines).",
            "$defs": .object(files),
        ])
    }

    /// ``document`` as pretty-printed JSON with sorted keys, ending in a newline.
    public static var documentText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The JSON value a YAML document maps to, to check `suite.yaml` against ``files``["suite"].
    /// - Throws: the YAML parser's error when `yaml` is not YAML.
    public static func jsonValue(ofYAML yaml: String) throws -> JSONValue {
        convert(try Yams.load(yaml: yaml))
    }

    private static func convert(_ value: Any?) -> JSONValue {
        switch value {
        case nil: .null
        case let flag as Bool: .bool(flag)
        case let number as Int: .number(Double(number))
        case let number as Double: .number(number)
        case let text as String: .string(text)
        case let items as [Any]: .array(items.map(convert))
        case let mapping as [String: Any]: .object(mapping.mapValues(convert))
        case let other?: .string("\(other)")
        }
    }

    static let words: JSONValue = ["type": "array", "items": ["type": "string", "minLength": 1]]

    static let feature: JSONValue = [
        "type": "object", "required": ["name", "kind"], "additionalProperties": false,
        "properties": [
            "name": ["type": "string", "minLength": 1],
            "kind": ["type": "string", "enum": ["number", "category"]],
        ],
    ]

    static let field: JSONValue = [
        "type": "object", "required": ["name", "type"], "additionalProperties": false,
        "properties": [
            "name": ["type": "string", "minLength": 1],
            "type": ["type": "string", "enum": ["text", "text-list", "choices", "table"]],
            "features": ["type": "array", "items": feature, "description": "Required on a table, only there."],
        ],
    ]

    static let suite: JSONValue = [
        "type": "object", "additionalProperties": false,
        "description": "suite.yaml: what a suite is, its task and where its splits are (Suites/FORMAT.md).",
        "required": ["id", "version", "title", "task", "explanations", "probes", "scorers", "splits", "provenance"],
        "properties": [
            "format": ["type": "integer", "minimum": 1, "description": "Missing means 1."],
            "id": ["type": "string", "minLength": 1, "description": "Letters a-z, digits and -; the folder's name."],
            "version": ["type": "string", "minLength": 1],
            "title": ["type": "string", "minLength": 1],
            "task": [
                "type": "object", "required": ["kind", "labels", "inputs"], "additionalProperties": false,
                "properties": [
                    "kind": ["type": "string", "enum": ["classification", "multiple-choice"]],
                    "labels": words,
                    "inputs": ["type": "array", "items": field],
                ],
            ],
            "explanations": ["type": "array", "items": ["type": "string", "enum": ["highlights", "text", "features"]]],
            "probes": [
                "type": "object", "required": ["insertion-words", "cue"], "additionalProperties": false,
                "properties": [
                    "insertion-words": words,
                    "cue": ["type": "string", "description": "Contains {label}."],
                ],
            ],
            "scorers": words,
            "splits": [
                "type": "object", "additionalProperties": ["type": "string", "minLength": 1],
                "description": "Split name → file name in the suite's folder; test is required.",
            ],
            "provenance": ["type": "string", "minLength": 1],
            "licence": ["type": "string"],
        ],
    ]

    static let rationale: JSONValue = [
        "type": "object", "required": ["field"], "additionalProperties": false,
        "description": "A span of tokens [start, end) of a text field, or cited features of a table field.",
        "properties": [
            "field": ["type": "string"],
            "start": ["type": "integer", "minimum": 0],
            "end": ["type": "integer", "minimum": 1],
            "features": words,
        ],
    ]

    static let instance: JSONValue = [
        "type": "object", "required": ["id", "input", "label"], "additionalProperties": false,
        "description": "One line of a split file.",
        "properties": [
            "id": ["type": "string", "minLength": 1],
            "input": [
                "type": "object",
                "additionalProperties": ["type": ["string", "array", "object"]],
                "description": "text: a string; text-list, choices: arrays of strings; table: feature → value.",
            ],
            "label": ["type": "string"],
            "rationale": ["type": "array", "items": rationale],
            "explanation": ["type": "string"],
            "shortcut": ["type": "boolean"],
        ],
    ]
}
