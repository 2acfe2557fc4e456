@testable import Candor
import Testing

@Suite struct JSONLineParserTests {
    static func parse(_ text: String) throws(JSONLineParser.SyntaxError) -> JSONLineValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONLineParser.SyntaxError) in
            try JSONLineParser.parse(buffer)
        }
    }

    @Test func keepsKeyOrderIntegersAndBooleans() throws {
        let value = try Self.parse(#" {"b": 1, "a": [true, 2.5, -0, 1e2, null], "c": "x\n\u00e9\ud83d\ude00"} "#)
        #expect(value == .object([
            .init(key: "b", value: .number(1, integer: 1)),
            .init(key: "a", value: .array([.bool(true), .number(2.5, integer: nil), .number(0, integer: 0),
                                           .number(100, integer: nil), .null])),
            .init(key: "c", value: .string("x\né😀")),
        ]))
    }

    @Test func keepsRepeatedKeys() throws {
        #expect(try Self.parse(#"{"a":1,"a":2}"#) == .object([.init(key: "a", value: .number(1, integer: 1)),
                                                             .init(key: "a", value: .number(2, integer: 2))]))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 7, "expected a key in double quotes"),
        (#"{"a" 1}"#, 5, "expected ':' after a key"),
        (#"[1 2]"#, 3, "expected ',' or ']' in an array"),
        (#"{"a":01}"#, 6, "a number with a leading zero"),
        (#"{"a":"x"} x"#, 10, "unexpected text after the value"),
        (#"{"a":tru}"#, 5, "unknown word where a value was expected"),
        (#"{"a":"\q"}"#, 7, "an unknown escape in a string"),
        ("{\"a\":\"\t\"}", 6, "a control character inside a string (escape it)"),
        (#"{"a":"x"#, 7, "the line ends inside a string"),
        (#"{"a":1e999}"#, 5, "a number out of range"),
        (#""\udc00""#, 7, "a low surrogate escape without its high surrogate"),
    ])
    func reportsWhereAndWhy(text: String, offset: Int, message: String) {
        #expect(throws: JSONLineParser.SyntaxError(offset: offset, message: message)) { try Self.parse(text) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONLineParser.SyntaxError(offset: 64, message: "nested more than 64 deep")) {
            try Self.parse(deep)
        }
    }
}
