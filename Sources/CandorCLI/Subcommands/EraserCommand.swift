import ArgumentParser
import Candor
import Foundation

/// `candor eraser --data DIR --split test --results FILE`: ERASER's metrics for an ERASER results file.
struct EraserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eraser",
        abstract: "Score an ERASER results file with ERASER's metrics, printed as JSON.",
        discussion: """
            Reads a results file in the prediction format of ERASER's metrics.py (hard and soft rationale \
            predictions, classification scores, comprehensiveness and sufficiency scores, thresholded scores), \
            checks it with the rules of ERASER's verify_instances (every problem listed as file:line: field: \
            found ..., expected ...), and prints the metrics ERASER prints, under the keys of its --score_file: \
            iou_scores, rationale_prf, token_prf, token_soft_metrics, sentence_soft_metrics, \
            classification_scores (accuracy, prf, comprehensiveness, sufficiency, their entropies and KL \
            divergences, AOPC and its points). Undefined numbers are null.
            """
    )

    @Option(name: .customLong("data"), help: ArgumentHelp(
        "The ERASER dataset folder: docs/ or docs.jsonl, and the split files.", valueName: "dir"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("The split the results are for (train, val or test).", valueName: "name"))
    var split = "test"

    @Option(name: .long, help: ArgumentHelp("The results file (JSONL, one prediction per annotation).",
                                            valueName: "file"))
    var results: String

    @Option(name: .customLong("iou-thresholds"), parsing: .upToNextOption, help: ArgumentHelp(
        "IOU thresholds for partial span matches (ERASER's --iou_thresholds; default 0.5).", valueName: "t"))
    var iouThresholds: [Double] = EraserEvaluation.defaultIOUThresholds

    @Option(name: .customLong("aopc-thresholds"), parsing: .upToNextOption, help: ArgumentHelp(
        "AOPC thresholds (ERASER's --aopc_thresholds; default 0.01 0.05 0.1 0.2 0.5).", valueName: "t"))
    var aopcThresholds: [Double] = EraserEvaluation.defaultAOPCThresholds

    @Option(name: .customLong("score-file"), help: ArgumentHelp(
        "Also write the JSON to this file (ERASER's --score_file).", valueName: "file"))
    var scoreFile: String?

    func run() throws {
        let report: ReportJSON
        do {
            report = try EraserEvaluation(iouThresholds: iouThresholds, aopcThresholds: aopcThresholds)
                .score(dataDirectory: URL(fileURLWithPath: data), split: split, results: URL(fileURLWithPath: results))
        } catch {
            throw CommandFailure.report(error)
        }
        let text = report.rendered()
        print(text)
        if let scoreFile {
            do {
                try (text + "\n").write(to: URL(fileURLWithPath: scoreFile), atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure.report("cannot write \(scoreFile): \(error.localizedDescription)")
            }
        }
    }
}
