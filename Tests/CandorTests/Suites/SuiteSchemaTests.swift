import Candor
import CandorProtocol
import CandorTesting
import Foundation
import Testing

/// The suite schemas accept the shipped suites and catch the fixture suites' shape mistakes.
@Suite struct SuiteSchemaTests {
    static let validator = SchemaValidator()

    static func problems(inLinesOf url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var problems: [String] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            problems += validator.problems(in: value, against: SuiteSchema.files["instance"]!)
                .map { "\(url.lastPathComponent):\(number + 1): \($0)" }
        }
        return problems
    }

    @Test(arguments: ["sentiment", "nli", "commonsense-qa", "fact-check", "triage", "credit"])
    func everyShippedSuiteConforms(id: String) throws {
        let folder = ShippedSuiteData.folder(id)
        let yaml = try String(contentsOf: folder.appendingPathComponent("suite.yaml"), encoding: .utf8)
        #expect(Self.validator.problems(in: try SuiteSchema.jsonValue(ofYAML: yaml),
                                        against: SuiteSchema.files["suite"]!) == [])
        for split in ["train.jsonl", "test.jsonl"] {
            #expect(try Self.problems(inLinesOf: folder.appendingPathComponent(split)) == [])
        }
    }

    @Test func anUnknownKeyInSuiteYAMLIsCaught() throws {
        let yaml = try String(contentsOf: FixtureFolder.suites.appendingPathComponent("unknown-key-yaml/suite.yaml"),
                              encoding: .utf8)
        let problems = Self.validator.problems(in: try SuiteSchema.jsonValue(ofYAML: yaml),
                                               against: SuiteSchema.files["suite"]!)
        // The validator's expected-error.txt names the same two keys.
        #expect(problems == ["author: not a key of this message", "task.colour: not a key of this message"])
    }

    @Test func anUnknownKeyInAnInstanceLineIsCaught() throws {
        let problems = try Self.problems(
            inLinesOf: FixtureFolder.suites.appendingPathComponent("unknown-key-jsonl/test.jsonl"))
        // The validator also finds `input.title`, which a schema cannot: the input's fields depend on the task.
        #expect(problems == ["test.jsonl:2: source: not a key of this message",
                             "test.jsonl:3: rationale[0].weight: not a key of this message"])
    }
}
