@testable import Candor
import Foundation
import Testing

@Suite struct CoSEImporterTests {
    /// cq-1's selected `keep milk` is Where(0) do(1) you(2) keep(3) milk(4) → [3, 5); cq-2's selected text is not
    /// in its question (noted, no rationale); cq-9 has no question (skipped).
    @Test func joinsTheFixtureWithItsQuestions() throws {
        let (output, scratch) = try FormatFixtures.output("cose")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = ImportOptions(questions: [FormatFixtures.url("cose/dev_rand_split.jsonl")])
        let report = try ImportFormat.cose.run(source: FormatFixtures.url("cose"), output: output, options: options)
        #expect(report.imported.map(\.split) == ["test"] && report.importedCount == 2)
        #expect(report.skipped == ["no CommonsenseQA question with this id in the question files": 1])
        #expect(report.notes == ["the selected span is not in the question; no rationale": 1])
        let instances = try report.suite.instances(split: "test")
        #expect(instances[0].label == "C" && instances[1].label == "A")
        #expect(instances[0].rationale == [.span(field: "question", start: 3, end: 5)])
        #expect(instances[1].rationale.isEmpty)
        #expect(instances[0].explanation == "Milk goes bad unless it is kept cold.")
    }

    @Test func needsQuestionFiles() throws {
        let (output, scratch) = try FormatFixtures.output("cose")
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(throws: ImportError.self) { try ImportFormat.cose.run(source: FormatFixtures.url("cose"), output: output) }
    }

    /// The v1.0 sample: 100 CoS-E lines and the 100 matching three-choice questions.
    @Test(.enabled(if: FormatFixtures.hasSample("cose/data/v1.0/dev_rand_split.jsonl"), "needs ../shared/real-samples"))
    func joinsTheRealSample() throws {
        let (output, scratch) = try FormatFixtures.output("cose")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = ImportOptions(questions: [FormatFixtures.sample("cose/data/v1.0/dev_rand_split.jsonl")])
        let report = try ImportFormat.cose.run(source: FormatFixtures.sample("cose/data/v1.0/cose_dev_v1.0.jsonl"),
                                               output: output, options: options)
        #expect(report.importedCount == 100 && report.skippedCount == 0)
        #expect(report.suite.task.labels == ["A", "B", "C"])
    }
}
