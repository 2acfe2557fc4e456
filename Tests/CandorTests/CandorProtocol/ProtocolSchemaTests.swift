import Candor
import CandorProtocol
import CandorTesting
import Foundation
import Testing

/// The protocol's JSON Schemas agree with PROTOCOL.md's examples, with the requests Candor builds and with the
/// answers the reference model gives.
@Suite struct ProtocolSchemaTests {
    /// A message example from PROTOCOL.md: the name in its `<!-- message: NAME -->` marker and its JSON.
    struct Example {
        var name: String
        var line: Int
        var value: JSONValue
    }

    static func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Every fenced block after a message marker; a block holds one message (possibly on several lines) or
    /// several messages, one per line.
    static func examples() throws -> [Example] {
        let document = try String(contentsOf: FixtureFolder.projectRoot.appendingPathComponent("PROTOCOL.md"),
                                  encoding: .utf8)
        let lines = document.components(separatedBy: "\n")
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            index += 1
            guard line.hasPrefix("<!-- message:"), line.hasSuffix("-->") else { continue }
            let name = line.dropFirst("<!-- message:".count).dropLast(3).trimmingCharacters(in: .whitespaces)
            let marker = index
            #expect(lines[index] == "```json", "PROTOCOL.md line \(marker): a message marker must precede ```json")
            index += 1
            var body: [String] = []
            while index < lines.count, lines[index] != "```" {
                body.append(lines[index])
                index += 1
            }
            if let whole = try? decode(body.joined(separator: "\n")) {
                examples.append(Example(name: name, line: marker + 1, value: whole))
            } else {
                for (offset, text) in body.enumerated() where !text.isEmpty {
                    examples.append(Example(name: name, line: marker + 2 + offset, value: try decode(text)))
                }
            }
        }
        return examples
    }

    @Test func everyMessageExampleInTheProtocolDocumentConforms() throws {
        let examples = try Self.examples()
        let validator = SchemaValidator(rejectsUndeclaredKeys: true)
        for example in examples {
            let schema = try #require(ProtocolSchema.messages[example.name],
                                      "PROTOCOL.md line \(example.line): no schema named \(example.name)")
            let problems = validator.problems(in: example.value, against: schema)
            #expect(problems.isEmpty, "PROTOCOL.md line \(example.line) (\(example.name)): \(problems)")
        }
        // Every message has at least one example; the answers' examples include a null label and a refusal.
        #expect(Set(examples.map(\.name)) == Set(ProtocolSchema.order))
        #expect(examples.count >= 11)
    }

    @Test func theOrderNamesEverySchema() {
        #expect(Set(ProtocolSchema.order) == Set(ProtocolSchema.messages.keys))
        #expect(ProtocolSchema.order.count == ProtocolSchema.messages.count)
    }

    @Test(arguments: [
        (#"{"id":"r1","label":"positive","probabilities":{"positive":"0.9"}}"#, "probabilities.positive: expected number, found string"),
        (#"{"id":"r1","label":"positive","probabilities":{"positive":1.5}}"#, "probabilities.positive: 1.5 is above the maximum 1"),
        (#"{"label":"positive"}"#, "id: missing (required)"),
        (#"{"id":"r1","explanation":{"highlights":[{"field":"review","tokens":[-1]}]}}"#, "explanation.highlights[0].tokens[0]: -1 is below the minimum 0"),
        (#"{"id":"r1","explanation":{"highlights":[{"tokens":[0.5]}]}}"#, "explanation.highlights[0].field: missing (required)"),
    ])
    func brokenAnswersAreCaughtWithTheirPath(answer: String, problem: String) throws {
        let problems = SchemaValidator().problems(in: try Self.decode(answer),
                                                  against: try #require(ProtocolSchema.messages["response"]))
        #expect(problems.contains(problem), "\(problems)")
    }

    @Test func requestsAreClosedAndAnswersOpen() throws {
        let request = try Self.decode(#"{"op":"predict","id":"r1","suite":"s","task":{"kind":"classification","labels":["a"]},"input":{},"extra":1}"#)
        #expect(SchemaValidator().problems(in: request, against: ProtocolSchema.messages["predict"]!)
            == ["extra: not a key of this message"])
        let answer = try Self.decode(#"{"id":"r1","label":"a","confidence":"high"}"#)
        #expect(SchemaValidator().problems(in: answer, against: ProtocolSchema.messages["response"]!).isEmpty)
    }

    /// Encodes with the same writer `ProcessModel` uses, then reads back as a JSON value.
    static func wire(_ request: Request) throws -> JSONValue {
        var bytes: [UInt8] = []
        #expect(RequestEncoder().append(request, to: &bytes))
        return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    @Test(arguments: ["sentiment", "nli", "commonsense-qa", "fact-check", "triage", "credit"])
    func requestsAndReferenceAnswersOnAShippedSuiteConform(suiteID: String) async throws {
        let suite = try SuiteLoader.load(ShippedSuiteData.folder(suiteID))
        let model = try ReferenceModel.train(suite: suite)
        let validator = SchemaValidator(rejectsUndeclaredKeys: true)
        let instances = Array(try suite.instances(split: "test").prefix(5))
        for instance in instances {
            let explain = Request(op: .explain, id: "e-\(instance.id)", suite: suite.id, task: suite.task.descriptor,
                                  input: instance.wireInput)
            #expect(validator.problems(in: try Self.wire(explain), against: ProtocolSchema.messages["explain"]!) == [])
            let answer = try #require(await model.respond(to: [explain]).first?.response)
            let encoded = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(answer))
            #expect(validator.problems(in: encoded, against: ProtocolSchema.messages["response"]!) == [])
            let resolved = ResolvedExplanation(answer.explanation, of: instance, task: suite.task)
            let fromExplanation = Request(
                op: .predictFromExplanation, id: "x-\(instance.id)", suite: suite.id, task: suite.task.descriptor,
                explanation: WireExplanation(text: resolved.text, highlights: resolved.quotes(in: instance)))
            #expect(validator.problems(in: try Self.wire(fromExplanation),
                                       against: ProtocolSchema.messages["predict-from-explanation"]!) == [])
            let simulate = Request(
                op: .simulate, id: "s-\(instance.id)", suite: suite.id, task: suite.task.descriptor,
                input: instance.wireInput, explanation: answer.explanation,
                examples: [SimulationExample(input: instance.wireInput, label: answer.label,
                                             explanation: answer.explanation)])
            #expect(validator.problems(in: try Self.wire(simulate), against: ProtocolSchema.messages["simulate"]!) == [])
        }
        let hello = ReferenceServer(model: model).hello
        let encodedHello = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(hello))
        #expect(validator.problems(in: encodedHello, against: ProtocolSchema.messages["hello-answer"]!) == [])
        let opening = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(Hello()))
        #expect(validator.problems(in: opening, against: ProtocolSchema.messages["hello"]!) == [])
    }

    @Test func theDocumentIsValidJSONWithEveryMessageUnderDefs() throws {
        let document = try Self.decode(ProtocolSchema.documentText)
        #expect(document == ProtocolSchema.document)
        guard case .object(let root) = document, case .object(let definitions)? = root["$defs"] else {
            Issue.record("no $defs object")
            return
        }
        #expect(Set(definitions.keys) == Set(ProtocolSchema.order))
    }
}
