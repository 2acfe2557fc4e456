@testable import Candor
import Foundation
import Testing

@Suite struct ECQAImporterTests {
    /// Three records: two whose answer is one of their five choices (both the first, so label A), and `q-moon`,
    /// whose answer `the moon` is not among them (skipped). Record ends are CRLF, cells hold LF line breaks.
    @Test func importsTheJoinedCSVFixture() throws {
        let (output, scratch) = try FormatFixtures.output("ecqa")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.ecqa.run(source: FormatFixtures.url("ecqa"), output: output)
        #expect(report.imported.map(\.split) == ["test"] && report.importedCount == 2)
        #expect(report.skipped == ["the answer (q_ans) is not among the choices": 1])
        #expect(report.suite.task.kind == .multipleChoice && report.suite.task.labels == ["A", "B", "C", "D", "E"])
        let instances = try report.suite.instances(split: "test")
        #expect(instances.map(\.id) == ["q-apple", "q-rain"])
        #expect(instances.map(\.label) == ["A", "A"])
        #expect(instances[1].explanation == "You carry an umbrella, which keeps the rain off; \"sunscreen\" is for sunny days.")
        #expect(instances[0].input["choices"] == .choices(["fridge", "oven", "attic", "garage", "mailbox"]))
    }

    /// Raw ECQA explanations joined by id with CommonsenseQA questions: cq-1's answer key C is `refrigerator`.
    @Test func joinsRawExplanationsWithQuestions() throws {
        let (output, scratch) = try FormatFixtures.output("ecqa")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = ImportOptions(questions: [FormatFixtures.url("cose/dev_rand_split.jsonl")])
        let report = try ImportFormat.ecqa.run(source: FormatFixtures.url("ecqa/ecqa.jsonl"), output: output,
                                               options: options)
        #expect(report.importedCount == 1)
        #expect(report.skipped == ["no CommonsenseQA question with this id in the question files": 1])
        let instance = try #require(try report.suite.instances(split: "test").first)
        #expect(instance.label == "C" && instance.explanation == "Milk stays fresh in the cold of a refrigerator.")
    }

    /// The sample's 100 records all have their answer among the choices.
    @Test(.enabled(if: FormatFixtures.hasSample("ecqa/cqa_data_val.csv"), "needs ../shared/real-samples"))
    func importsTheRealSample() throws {
        let (output, scratch) = try FormatFixtures.output("ecqa")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.ecqa.run(source: FormatFixtures.sample("ecqa/cqa_data_val.csv"), output: output)
        #expect(report.importedCount == 100 && report.skippedCount == 0)
        #expect(try report.suite.instances(split: "test").allSatisfy { $0.explanation != nil })
    }
}
