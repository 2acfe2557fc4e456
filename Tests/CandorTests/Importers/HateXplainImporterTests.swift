@testable import Candor
import Foundation
import Testing

@Suite struct HateXplainImporterTests {
    /// p2's annotators mark tokens {1, 2} and {2, 3}; the union {1, 2, 3} is `are vermin <number>`, which Candor
    /// tokenizes as they(0) are(1) vermin(2) <(3) number(4) >(5) times(6) → [1, 6). p3's labels are all different
    /// (no majority) and p4 is in no division: both skipped.
    @Test func importsTheFixture() throws {
        let (output, scratch) = try FormatFixtures.output("hatexplain")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try ImportFormat.hatexplain.run(source: FormatFixtures.url("hatexplain"), output: output)
        #expect(report.imported.map(\.split) == ["train", "test"])
        #expect(report.imported.map(\.count) == [1, 1])
        #expect(report.skipped == ["no majority label among the annotators": 1,
                                   "the post is in no division of post_id_divisions.json": 1])
        let train = try report.suite.instances(split: "train")
        #expect(train[0].label == "hatespeech")
        #expect(train[0].input["post"] == .text("they are vermin <number> times"))
        #expect(train[0].rationale == [.span(field: "post", start: 1, end: 6)])
        let test = try report.suite.instances(split: "test")
        #expect(test.map(\.id) == ["p1_twitter"] && test[0].label == "normal" && test[0].rationale.isEmpty)
    }

    @Test func namesTheLineOfAMalformedPost() throws {
        let (output, scratch) = try FormatFixtures.output("hatexplain")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = ImportOptions(divisions: FormatFixtures.url("hatexplain/post_id_divisions.json"))
        #expect(throws: ImportError(file: "malformed.json", line: 3, field: "p2_gab.post_tokens",
                                    found: "a string (\"not a list\")", expected: "an array")) {
            try ImportFormat.hatexplain.run(source: FormatFixtures.url("hatexplain/malformed.json"), output: output,
                                            options: options)
        }
    }

    /// The sample's three posts, one per division, each with a majority label.
    @Test(.enabled(if: FormatFixtures.hasSample("hatexplain/hf_dummy_data/dataset.json"), "needs ../shared/real-samples"))
    func importsTheRealSample() throws {
        let (output, scratch) = try FormatFixtures.output("hatexplain")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = ImportOptions(divisions: FormatFixtures.sample("hatexplain/post_id_divisions.json"))
        let report = try ImportFormat.hatexplain.run(source: FormatFixtures.sample("hatexplain/hf_dummy_data/dataset.json"),
                                                     output: output, options: options)
        #expect(report.imported.map(\.split) == ["train", "val", "test"])
        #expect(report.imported.map(\.count) == [1, 1, 1])
        let train = try report.suite.instances(split: "train")
        #expect(train[0].label == "offensive" && !train[0].rationale.isEmpty)
    }
}
