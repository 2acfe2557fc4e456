import CandorProtocol
import Foundation
import Testing

@Suite struct RequestEncoderTests {
    static let task = TaskDescriptor(kind: "classification", labels: ["negative", "positive"])

    static let rich = Request(
        op: .simulate, id: "r\"7\\", suite: "fact-check", task: task,
        input: [
            "review": WireField(text: "Tab\there, \"quoted\", back\\slash, line\nbreak, cr\r, bell\u{7}, café, "
                                + "sep\u{2028}arator, emoji 👍", tokens: ["Tab", "here", ","]),
            "evidence": WireField(text: "One. Two.", tokens: ["One", ".", "Two", "."], sentences: [[0, 2], [2, 4]]),
            "choices": WireField(items: ["fridge", "oven"]),
            "applicant": WireField(table: ["income": .number(52000), "debt_ratio": .number(0.61),
                                          "housing": .string("rent"), "flag": .bool(true), "none": .null,
                                          "tiny": .number(1e-7), "huge": .number(-3.5e20)]),
        ],
        explanation: WireExplanation(
            text: "because", highlights: [Highlight(field: "review", tokens: [0, 2], quote: "Tab"),
                                          Highlight(field: "applicant", features: ["income"])],
            weights: [FieldWeights(field: "review", values: [0, -0.4, 0.25]),
                      FieldWeights(field: "applicant", features: ["income": 0.7])]),
        examples: [SimulationExample(input: ["review": WireField(text: "x", tokens: ["x"])], label: "positive",
                                     explanation: WireExplanation(text: "e")),
                   SimulationExample()])

    func encoded(_ request: Request) -> [UInt8] {
        var bytes: [UInt8] = []
        #expect(RequestEncoder().append(request, to: &bytes))
        return bytes
    }

    @Test func roundTripsThroughFoundationsDecoder() throws {
        let bytes = encoded(Self.rich)
        #expect(bytes.last == 0x0A)
        // Exactly one line: every newline inside a string is escaped.
        #expect(bytes.filter { $0 == 0x0A }.count == 1)
        let decoded = try JSONDecoder().decode(Request.self, from: Data(bytes.dropLast()))
        #expect(decoded == Self.rich)
    }

    @Test func meansTheSameAsJSONEncoder() throws {
        let ours = try JSONDecoder().decode(JSONValue.self, from: Data(encoded(Self.rich).dropLast()))
        let foundation = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(Self.rich))
        #expect(ours == foundation)
    }

    @Test func writesTheExpectedBytes() {
        let request = Request(op: .explain, id: "r1", suite: "s", task: Self.task,
                              input: ["b": WireField(text: "a\"b\u{1}\u{2028}", tokens: ["a"]),
                                      "a": WireField(items: ["x"])])
        let text = String(decoding: encoded(request), as: UTF8.self)
        // Input fields sorted by name; the quote and U+0001 escaped; U+2028 written as itself.
        #expect(text == #"{"op":"explain","id":"r1","suite":"s","task":{"kind":"classification","#
            + #""labels":["negative","positive"]},"input":{"a":{"items":["x"]},"b":{"text":"a\"b\u0001"#
            + "\u{2028}" + #"","tokens":["a"]}}}"# + "\n")
    }

    @Test func refusesNumbersJSONCannotHoldAndLeavesTheBufferAlone() {
        let request = Request(op: .explain, id: "r1", suite: "s", task: Self.task,
                              input: ["t": WireField(table: ["x": .number(.nan)])])
        var bytes: [UInt8] = [1, 2, 3]
        #expect(!RequestEncoder().append(request, to: &bytes))
        #expect(bytes == [1, 2, 3])
    }
}
