import CandorProtocol
import CandorTesting
import Foundation
import Testing

/// The small JSON Schema validator, keyword by keyword.
@Suite struct SchemaValidatorTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static let schema = """
        {"type": "object", "required": ["name", "count"], "additionalProperties": false,
         "properties": {
           "name": {"type": "string", "minLength": 1},
           "count": {"type": "integer", "minimum": 0, "maximum": 10},
           "kind": {"type": "string", "enum": ["a", "b"]},
           "tags": {"type": "array", "items": {"type": "string"}},
           "note": {"type": ["string", "null"]},
           "scores": {"type": "object", "additionalProperties": {"type": "number"}}}}
        """

    @Test(arguments: [
        (#"{"name": "x", "count": 3}"#, [String]()),
        (#"{"name": "x", "count": 3, "kind": "b", "tags": ["t"], "note": null, "scores": {"s": 0.5}}"#, []),
        (#"{"name": "x"}"#, ["count: missing (required)"]),
        (#"{"name": "", "count": 3}"#, ["name: shorter than 1 character(s)"]),
        (#"{"name": "x", "count": 2.5}"#, ["count: expected integer, found number"]),
        (#"{"name": "x", "count": -1}"#, ["count: -1 is below the minimum 0"]),
        (#"{"name": "x", "count": 11}"#, ["count: 11 is above the maximum 10"]),
        (#"{"name": "x", "count": 1, "kind": "c"}"#, [#"kind: "c" is not one of "a", "b""#]),
        (#"{"name": "x", "count": 1, "tags": ["t", 2]}"#, ["tags[1]: expected string, found integer"]),
        (#"{"name": "x", "count": 1, "note": 3}"#, ["note: expected string or null, found integer"]),
        (#"{"name": "x", "count": 1, "scores": {"s": "high"}}"#, ["scores.s: expected number, found string"]),
        (#"{"name": "x", "count": 1, "extra": true}"#, ["extra: not a key of this message"]),
        (#"[1, 2]"#, ["(message): expected object, found array"]),
    ])
    func reportsEveryProblemWithItsPath(value: String, problems: [String]) throws {
        #expect(SchemaValidator().problems(in: try Self.json(value), against: try Self.json(Self.schema)) == problems)
    }

    @Test func undeclaredKeysOfAnOpenObjectAreProblemsOnlyWhenAsked() throws {
        let open = try Self.json(#"{"type": "object", "properties": {"id": {"type": "string"}}}"#)
        let value = try Self.json(#"{"id": "r1", "extra": 1}"#)
        #expect(SchemaValidator().problems(in: value, against: open).isEmpty)
        #expect(SchemaValidator(rejectsUndeclaredKeys: true).problems(in: value, against: open)
            == ["extra: not a key the protocol defines"])
    }
}
