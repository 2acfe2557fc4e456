import Foundation
import Testing

/// `candor eraser --data DIR --split test --results FILE` on the ERASER fixture, whose numbers
/// `EraserEvaluationTests` derives by hand.
@Suite struct EraserCommandTests {
    @Test func printsERASERsMetricsAsJSON() async throws {
        let result = try await CLI.run(["eraser", "--data", "Fixtures/formats/eraser/tiny", "--split", "test", "--results",
                                  "Fixtures/formats/eraser/tiny/results.jsonl", "--aopc-thresholds", "0.1", "0.5"])
        #expect(result.status == 0)
        let scores = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(scores.keys) == ["iou_scores", "rationale_prf", "token_prf", "token_soft_metrics",
                                     "classification_scores"])
        // Token micro F1 5/7 and comprehensiveness 0.3, as derived in EraserEvaluationTests.
        let micro = (scores["token_prf"] as? [String: Any])?["instance_micro"] as? [String: Double]
        #expect(abs((micro?["f1"] ?? 0) - 5.0 / 7) < 1e-12)
        let classification = scores["classification_scores"] as? [String: Any]
        #expect(abs(((classification?["comprehensiveness"] as? Double) ?? 0) - 0.3) < 1e-12)
    }

    @Test func listsEveryProblemOfAnInvalidResultsFile() async throws {
        let result = try await CLI.run(["eraser", "--data", "Fixtures/formats/eraser/tiny", "--results",
                                  "Fixtures/formats/eraser/tiny/results-invalid.jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: results-invalid.jsonl:1: rationales[0].hard_rationale_predictions: found tokens [3, 5) overlapping [1, 4), expected spans that do not overlap\n"))
        #expect(result.stderr.split(separator: "\n").count == 7)
    }
}
