import Foundation

/// JSON Schemas of every protocol message, version 1: what `candor schema protocol` prints.
///
/// Written by hand rather than derived from the `Codable` types, because a schema is a promise to people: it
/// says which fields are required, which values are allowed, and where unknown keys are welcome. Messages
/// Candor sends are closed (`additionalProperties: false`, since this version sends exactly these keys);
/// messages a model sends are open, because Candor ignores keys it does not know. Tests keep the schemas, the
/// types and the examples in PROTOCOL.md in step: every example there is validated against these schemas, and
/// so are requests built from the shipped suites and the reference model's answers to them.
///
/// Only a small subset of JSON Schema (draft 2020-12) is used: `type` (a name or a list of names), `enum`,
/// `required`, `properties`, `additionalProperties`, `items`, `minimum`, `maximum`, `minLength` and
/// `description`, so any validator, and a very small one, can check a message.
public enum ProtocolSchema {
    /// Message name → schema, for every message of the protocol.
    ///
    /// `hello` is Candor's opening; `hello-answer` the model's reply; `explain`, `predict`,
    /// `predict-from-explanation` and `simulate` are requests; `response` is an answer and `error` a refusal.
    public static let messages: [String: JSONValue] = [
        "hello": candorHello,
        "hello-answer": modelHello,
        "explain": request(.explain, required: ["input"],
                           description: "Asks for the model's prediction on `input` and its own explanation of it."),
        "predict": request(.predict, required: ["input"],
                           description: "Asks for a prediction on `input`; an explanation is not required."),
        "predict-from-explanation": request(
            .predictFromExplanation, required: ["explanation"],
            description: "Asks for a prediction from an explanation alone. `input` is absent, except that a "
                + "multiple-choice request carries its `choices` field."),
        "simulate": request(
            .simulate, required: [],
            description: "Asks a simulator what another model answers on `input`, helped by `examples` of its "
                + "earlier answers; `input` and `explanation` are each optional."),
        "response": response,
        "error": refusal,
    ]

    /// The names of ``messages`` in the order the protocol uses them.
    public static let order = [
        "hello", "hello-answer", "explain", "predict", "predict-from-explanation", "simulate", "response", "error",
    ]

    /// All the schemas as one JSON Schema document, the messages under `$defs`.
    public static var document: JSONValue {
        .object([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": .string("Candor protocol, version \(CandorWire.version)"),
            "description": .string("One JSON object per line on the model's stdin (requests) and stdout "
                + "(answers). Messages Candor sends are closed; messages a model sends may carry keys Candor ignores."),
            "$defs": .object(messages),
        ])
    }

    /// ``document`` as pretty-printed JSON with sorted keys, ending in a newline.
    public static var documentText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of strings, numbers and booleans built in this file cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: Messages

    static let candorHello: JSONValue = object(
        description: "Candor's first line to a model process, once per process.",
        required: ["candor", "op"], closed: true,
        properties: [
            "candor": integer(minimum: 1, "The newest protocol version Candor speaks."),
            "op": constant("hello"),
        ])

    static let modelHello: JSONValue = object(
        description: "The model's reply to Candor's hello, before anything else.",
        required: ["candor", "op", "name"], closed: false,
        properties: [
            "candor": integer(minimum: 1, "The protocol version the model speaks: at most Candor's."),
            "op": constant("hello"),
            "name": .object(["type": "string", "minLength": 1,
                             "description": "The model's name, as the store and the leaderboard show it."]),
            "version": string("The model's own version; a new version gets fresh answers."),
            "capabilities": .object([
                "type": "array", "items": string("A capability; unknown ones are kept and ignored."),
                "description": .string("What the model can do: probabilities, highlights, text, weights, "
                    + "features, predict-from-explanation, simulate. Missing means none."),
            ]),
        ])

    static func request(_ operation: Operation, required: [String], description: String) -> JSONValue {
        var properties: [String: JSONValue] = [
            "op": constant(operation.rawValue),
            "id": string("Chosen by Candor, unique within one run of the model; copy it into the answer."),
            "suite": string("The suite the request comes from."),
            "task": task,
            "input": input,
        ]
        if operation == .predictFromExplanation || operation == .simulate {
            properties["explanation"] = explanation
        }
        if operation == .simulate {
            properties["examples"] = .object([
                "type": "array", "items": example,
                "description": "Earlier inputs with the subject model's label and explanation.",
            ])
        }
        return object(description: description, required: ["op", "id", "suite", "task"] + required, closed: true,
                      properties: properties)
    }

    static let response: JSONValue = object(
        description: "The model's answer to one request.",
        required: ["id"], closed: false,
        properties: [
            "id": string("The request's id."),
            "label": .object([
                "type": ["string", "null"],
                "description": "One of the task's labels; null only in answer to simulate (cannot tell).",
            ]),
            "probabilities": .object([
                "type": "object", "additionalProperties": probability,
                "description": "Label → probability, for every label; they sum to 1.",
            ]),
            "explanation": explanation,
        ])

    static let refusal: JSONValue = object(
        description: "A refusal instead of an answer: recorded as a model error and not retried.",
        required: ["id", "error"], closed: false,
        properties: [
            "id": string("The request's id."),
            "error": string("Why the model does not answer, in words."),
        ])

    // MARK: Parts

    static let task: JSONValue = object(
        description: "The task as the model sees it.", required: ["kind", "labels"], closed: true,
        properties: [
            "kind": .object(["type": "string", "enum": ["classification", "multiple-choice"]]),
            "labels": .object(["type": "array", "items": string("A label; multiple choice uses A, B, …")]),
        ])

    static let field: JSONValue = object(
        description: "One input field: text with tokens (and sentence ranges for a list of texts), choices, or "
            + "a table.",
        required: [], closed: true,
        properties: [
            "text": string("The field's text (sentences joined by spaces for a text list)."),
            "tokens": .object(["type": "array", "items": .object(["type": "string"]),
                               "description": "The text split by Candor's tokenizer; token indices index this."]),
            "sentences": .object([
                "type": "array", "items": .object(["type": "array", "items": index]),
                "description": "For a text list: the [start, end) token range of each sentence.",
            ]),
            "items": .object(["type": "array", "items": .object(["type": "string"]),
                              "description": "The answer options, in the order of the labels A, B, …"]),
            "table": .object(["type": "object", "additionalProperties": .object(["type": ["number", "string"]]),
                              "description": "Feature name → number or category."]),
        ])

    static let input: JSONValue = .object([
        "type": "object", "additionalProperties": field,
        "description": "The instance's fields by name.",
    ])

    static let highlight: JSONValue = object(
        description: "A piece of evidence: token indices, a verbatim quote, or cited table features.",
        required: ["field"], closed: false,
        properties: [
            "field": string("The input field it points into."),
            "tokens": .object(["type": "array", "items": index]),
            "quote": string("Resolved to the first case-insensitive whole-token match in the field."),
            "features": .object(["type": "array", "items": .object(["type": "string"])]),
        ])

    static let weights: JSONValue = object(
        description: "Importance weights of one field: one per token, or per table feature.",
        required: ["field"], closed: false,
        properties: [
            "field": string("The input field they weigh."),
            "values": .object(["type": "array", "items": .object(["type": "number"])]),
            "features": .object(["type": "object", "additionalProperties": .object(["type": "number"])]),
        ])

    static let explanation: JSONValue = object(
        description: "An explanation: free text, highlights and weights, each optional.",
        required: [], closed: false,
        properties: [
            "text": string("Free text."),
            "highlights": .object(["type": "array", "items": highlight]),
            "weights": .object(["type": "array", "items": weights]),
        ])

    static let example: JSONValue = object(
        description: "An earlier case shown to a simulator.", required: [], closed: true,
        properties: [
            "input": input,
            "label": .object(["type": ["string", "null"]]),
            "explanation": explanation,
        ])

    static let index: JSONValue = .object(["type": "integer", "minimum": 0])
    static let probability: JSONValue = .object(["type": "number", "minimum": 0, "maximum": 1])

    // MARK: Building blocks

    static func object(description: String, required: [String], closed: Bool,
                       properties: [String: JSONValue]) -> JSONValue {
        var schema: [String: JSONValue] = [
            "type": "object",
            "description": .string(description),
            "properties": .object(properties),
            "additionalProperties": .bool(!closed),
        ]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    static func string(_ description: String) -> JSONValue {
        .object(["type": "string", "description": .string(description)])
    }

    static func integer(minimum: Int, _ description: String) -> JSONValue {
        .object(["type": "integer", "minimum": .number(Double(minimum)), "description": .string(description)])
    }

    static func constant(_ value: String) -> JSONValue {
        .object(["type": "string", "enum": .array([.string(value)])])
    }
}
