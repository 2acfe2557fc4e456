@testable import Candor
import Foundation
import Testing

/// `Fixtures/formats/eraser/tiny`: test annotations a1 (POS; evidence tokens [1,3) and [6,8) of d1, 9 tokens) and
/// a2 (NEG; [0,4) of d2, 10 tokens), and `results.jsonl` predicting a1: spans [1,3), [5,8), POS; a2: span [0,1), POS.
/// Every expected number below is computed by hand with the formulas of ERASER's `metrics.py`.
@Suite struct EraserEvaluationTests {
    private func report() throws -> [String: Any] {
        let folder = FormatFixtures.url("eraser/tiny")
        let json = try EraserEvaluation(aopcThresholds: [0.1, 0.5])
            .score(dataDirectory: folder, split: "test", results: folder.appendingPathComponent("results.jsonl"))
            .rendered()
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    }

    private func value(_ object: [String: Any], _ path: String) -> Double? {
        var current: Any? = object
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return (current as? NSNumber)?.doubleValue
    }

    private func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-12
    }

    /// Spans: a1 truth {[1,3), [6,8)}, predicted {[1,3), [5,8)}: 1 shared, P = R = F1 = 1/2; a2 truth {[0,4)},
    /// predicted {[0,1)}: 0 shared. Micro: 1/3 shared of 3 predicted and 3 true → P = R = F1 = 1/3. Macro:
    /// P = R = F1 = (1/2 + 0)/2 = 1/4.
    @Test func scoresSpansExactly() throws {
        let scores = try report()
        for metric in ["p", "r", "f1"] {
            #expect(close(value(scores, "rationale_prf.instance_micro.\(metric)"), 1.0 / 3))
            #expect(close(value(scores, "rationale_prf.instance_macro.\(metric)"), 0.25))
        }
    }

    /// Tokens: a1 truth {1,2,6,7}, predicted {1,2,5,6,7}: overlap 4, P = 4/5, R = 1, F1 = 8/9. a2 truth {0,1,2,3},
    /// predicted {0}: P = 1, R = 1/4, F1 = 2·(1/4)/(5/4) = 2/5. Micro: overlap 5, predicted 6, truth 8 →
    /// P = 5/6, R = 5/8, F1 = 2·(25/48)/(35/24) = 5/7. Macro: P = (4/5 + 1)/2 = 9/10, R = (1 + 1/4)/2 = 5/8,
    /// F1 = (8/9 + 2/5)/2 = 29/45.
    @Test func scoresTokens() throws {
        let scores = try report()
        #expect(close(value(scores, "token_prf.instance_micro.p"), 5.0 / 6))
        #expect(close(value(scores, "token_prf.instance_micro.r"), 5.0 / 8))
        #expect(close(value(scores, "token_prf.instance_micro.f1"), 5.0 / 7))
        #expect(close(value(scores, "token_prf.instance_macro.p"), 9.0 / 10))
        #expect(close(value(scores, "token_prf.instance_macro.r"), 5.0 / 8))
        #expect(close(value(scores, "token_prf.instance_macro.f1"), 29.0 / 45))
    }

    /// IOU at 0.5: a1's [1,3) matches [1,3) (IOU 1) and [5,8) matches [6,8) (IOU 2/3); a2's [0,1) against [0,4)
    /// has IOU 1/4, no match. Micro: 2 matches of 3 predicted and 3 true → P = R = F1 = 2/3. Macro: P = (2/2 + 0/1)/2
    /// = 1/2, R = (2/2 + 0/1)/2 = 1/2, F1 = 1/2.
    @Test func scoresPartialMatches() throws {
        let scores = try report()
        let iou = try #require((scores["iou_scores"] as? [[String: Any]])?.first)
        #expect(close(value(iou, "threshold"), 0.5))
        for metric in ["p", "r", "f1"] {
            #expect(close(value(iou, "micro.\(metric)"), 2.0 / 3))
            #expect(close(value(iou, "macro.\(metric)"), 0.5))
        }
    }

    /// a1's soft scores ranked: .9 T, .8 T, .7 F, .6 T, .5 T, then only negatives (4 true tokens, 5 false).
    /// Curve points (recall, precision): (1/4, 1), (1/2, 1), (1/2, 2/3), (3/4, 3/4), (1, 4/5), … (1, 4/9), (0, 1).
    /// Trapezoids: 1/4·1 + 1/4·1 + 1/4·(2/3 + 3/4)/2 + 1/4·(3/4 + 4/5)/2 = 1/4 + 1/4 + 17/96 + 31/160 = 1463/1680.
    /// AP = 1/4·1 + 1/4·1 + 1/4·3/4 + 1/4·4/5 = 0.8875. ROC AUC: each positive's share of negatives below it,
    /// (5 + 5 + 4 + 4)/(4·5) = 0.9.
    /// a2's ranked: .8 T, .7 F, .6 T, .5 F, .4 T, .3 F, .2 T, then negatives. AUPRC = 1/4·1 + 1/4·(1/2 + 2/3)/2
    /// + 1/4·(1/2 + 3/5)/2 + 1/4·(1/2 + 4/7)/2 = 1/4 + 7/48 + 11/80 + 15/112 = 1121/1680. AP = 1/4·(1 + 2/3 + 3/5 +
    /// 4/7) = 149/210. ROC AUC = (6 + 5 + 4 + 3)/(4·6) = 3/4.
    /// Means: AUPRC (1463 + 1121)/3360, AP (71/80 + 149/210)/2 = 2683/3360, ROC (0.9 + 0.75)/2 = 0.825.
    @Test func scoresSoftPredictions() throws {
        let scores = try report()
        #expect(close(value(scores, "token_soft_metrics.auprc"), 2584.0 / 3360))
        #expect(close(value(scores, "token_soft_metrics.average_precision"), 2683.0 / 3360))
        #expect(close(value(scores, "token_soft_metrics.roc_auc_score"), 0.825))
    }

    /// Truth POS, NEG; predicted POS, POS: accuracy 1/2; POS precision 1/2, recall 1, F1 2/3; NEG all 0.
    /// Comprehensiveness (0.8 − 0.3 + 0.6 − 0.5)/2 = 0.3; sufficiency (0.8 − 0.6 + 0.6 − 0.4)/2 = 0.2.
    /// AOPC at 0.1 and 0.5: comprehensiveness a1 (0.8 − 0.5, 0.8 − 0.2) = (0.3, 0.6), a2 (0.6 − 0.55, 0.6 − 0.4) =
    /// (0.05, 0.2): mean 1.15/4 = 0.2875, points (0.175, 0.4); sufficiency a1 (0.1, 0.05), a2 (0.1, 0): mean
    /// 0.0625, points (0.1, 0.025).
    /// Entropy and KL follow SciPy: H(p) = −Σ p ln p; KL(f‖c) = Σ f ln(f/c) over the classification's labels.
    @Test func scoresClassifications() throws {
        let scores = try report()
        let c = "classification_scores"
        #expect(close(value(scores, "\(c).accuracy"), 0.5))
        #expect(close(value(scores, "\(c).prf.POS.precision"), 0.5))
        #expect(close(value(scores, "\(c).prf.POS.f1-score"), 2.0 / 3))
        #expect(close(value(scores, "\(c).prf.NEG.recall"), 0))
        #expect(close(value(scores, "\(c).prf.macro avg.f1-score"), 1.0 / 3))
        #expect(close(value(scores, "\(c).prf.weighted avg.support"), 2))
        #expect(close(value(scores, "\(c).comprehensiveness"), 0.3))
        #expect(close(value(scores, "\(c).sufficiency"), 0.2))
        #expect(close(value(scores, "\(c).comprehensiveness_aopc"), 0.2875))
        #expect(close(value(scores, "\(c).sufficiency_aopc"), 0.0625))
        let points = try #require((scores[c] as? [String: Any])?["comprehensiveness_aopc_points"] as? [Double])
        #expect(zip(points, [0.175, 0.4]).allSatisfy { abs($0 - $1) < 1e-12 })
        let h = { (a: Double, b: Double) in -(a * log(a) + b * log(b)) }
        let entropy = ((h(0.8, 0.2) - h(0.3, 0.7)) + (h(0.6, 0.4) - h(0.5, 0.5))) / 2
        #expect(close(value(scores, "\(c).comprehensiveness_entropy"), entropy))
        let kl = ((0.3 * log(0.3 / 0.8) + 0.7 * log(0.7 / 0.2)) + (0.5 * log(0.5 / 0.6) + 0.5 * log(0.5 / 0.4))) / 2
        #expect(close(value(scores, "\(c).comprehensiveness_kl"), kl))
    }

    /// Documents from `docs.jsonl`: claim-1 has 11 tokens (`the bridge opened in 1932 .` and `it spans the river .`).
    /// Predicting c1's evidence [4, 5) exactly and nothing for c2 (truth [3, 6)): token micro P = 1/1, R = 1/4,
    /// F1 = 2·(1/4)/(5/4) = 2/5. A span ending at 12 is past the document.
    @Test func readsDocumentLengthsFromDocsJSONL() throws {
        let folder = FormatFixtures.url("eraser/docs-jsonl")
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let good = scratch.appendingPathComponent("good.jsonl"), bad = scratch.appendingPathComponent("bad.jsonl")
        try Data(#"{"annotation_id": "c1", "rationales": [{"docid": "claim-1", "hard_rationale_predictions": [{"start_token": 4, "end_token": 5}]}]}"#.utf8).write(to: good)
        try Data(#"{"annotation_id": "c1", "rationales": [{"docid": "claim-1", "hard_rationale_predictions": [{"start_token": 4, "end_token": 12}]}]}"#.utf8).write(to: bad)
        let json = try EraserEvaluation().score(dataDirectory: folder, split: "test", results: good).rendered()
        let scores = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(close(value(scores, "token_prf.instance_micro.p"), 1))
        #expect(close(value(scores, "token_prf.instance_micro.r"), 0.25))
        #expect(close(value(scores, "token_prf.instance_micro.f1"), 0.4))
        #expect(throws: EraserResultsError(problems: [ImportError(
            file: "bad.jsonl", line: 1, field: "rationales[0].hard_rationale_predictions[0].end_token", found: "12",
            expected: "at most 11 (the token count of claim-1)")])) {
            try EraserEvaluation().score(dataDirectory: folder, split: "test", results: bad)
        }
    }

    /// Every problem of the invalid file at once, each with its line and field.
    @Test func listsEveryValidationProblem() throws {
        let folder = FormatFixtures.url("eraser/tiny")
        do {
            _ = try EraserEvaluation().score(dataDirectory: folder, split: "test",
                                             results: folder.appendingPathComponent("results-invalid.jsonl"))
            Issue.record("an invalid results file was scored")
        } catch let error as EraserResultsError {
            let text = error.description
            #expect(text.contains("results-invalid.jsonl:1: rationales[0].hard_rationale_predictions: found tokens [3, 5) overlapping [1, 4)"))
            #expect(text.contains("results-invalid.jsonl:1: rationales[0].soft_rationale_predictions: found 2 scores, expected one per token: 9"))
            #expect(text.contains("results-invalid.jsonl:2: rationales[0].hard_rationale_predictions[0].end_token: found 11, expected at most 10"))
            #expect(text.contains("results-invalid.jsonl:2: rationales[1].docid: found \"d9\""))
            #expect(text.contains("results-invalid.jsonl:2: classification_scores: found one of classification and classification_scores"))
            #expect(text.contains("results-invalid.jsonl:3: rationales[0].hard_rationale_predictions[0].end_token: found a string (\"3\"), expected an integer"))
            #expect(text.contains("found soft rationale predictions in 1 of 2 instances"))
            #expect(error.problems.count == 7)
        }
    }

    /// The movies sample's union of human rationales scored as predictions; the same numbers as
    /// `ERASERMoviesSampleTests`, which were computed with ERASER's own script.
    @Test(.enabled(if: FormatFixtures.hasSample("eraser_movies/movies_union_human_perf.jsonl"), "needs ../shared/real-samples"))
    func scoresTheRealSampleLikeERASER() throws {
        let folder = FormatFixtures.sample("eraser_movies")
        let json = try EraserEvaluation().score(dataDirectory: folder, split: "test",
                                                results: folder.appendingPathComponent("movies_union_human_perf.jsonl"))
            .rendered()
        let scores = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(abs((value(scores, "token_prf.instance_micro.f1") ?? 0) - 0.3629032258064516) < 1e-12)
        #expect(abs((value(scores, "token_prf.instance_macro.f1") ?? 0) - 0.37567182241770475) < 1e-12)
        let iou = try #require((scores["iou_scores"] as? [[String: Any]])?.first)
        #expect(abs((value(iou, "micro.f1") ?? 0) - 0.1256038647342995) < 1e-12)
        #expect(abs((value(iou, "macro.f1") ?? 0) - 0.16882457198353998) < 1e-12)
    }
}
