import Foundation

/// Scores an ERASER results file against an ERASER dataset split with the metrics of ERASER's
/// `rationale_benchmark/metrics.py` (DeYoung et al., ACL 2020), and reports them under the same keys as its
/// `--score_file`:
/// - `iou_scores`: per IOU threshold, span-level micro and macro P/R/F1 with partial matches (``IOUF1``);
/// - `rationale_prf`, `token_prf`: span-level and token-level `instance_micro` and `instance_macro` P/R/F1 of hard
///   predictions (``TokenF1``'s rules on spans and on tokens);
/// - `token_soft_metrics`, `sentence_soft_metrics`: mean AUPRC (``PrecisionRecall``), average precision and ROC
///   AUC of soft predictions per (annotation, document), the last two leaving out documents whose truth has one
///   class;
/// - `classification_scores`: accuracy, scikit-learn's `classification_report` as `prf`, comprehensiveness and
///   sufficiency (`p(ŷ|x) − p(ŷ|x∖r)`, `p(ŷ|x) − p(ŷ|r)` averaged), their entropy differences and KL divergences,
///   and AOPC over the thresholds with per-threshold points.
///
/// The file is checked first with the rules of ERASER's `verify_instances` (every problem reported at once):
/// unknown documents, hard spans past the document's end or overlapping another span of the same document, soft
/// predictions of the wrong length, one document reported twice, a classification without its scores,
/// comprehensiveness or sufficiency without a classification, thresholded scores without their companions or with
/// other thresholds than the first instance's, and each optional field present in all instances or in none.
/// Like ERASER, which metrics are computed is decided by the first instance (hard predictions when its first
/// document has some; soft ones when its first document has them; classification metrics when it has a
/// classification).
///
/// Where ERASER's script crashes or divides by zero Candor reports instead: a hard span with a negative start or
/// `start > end` is a problem (ERASER would read it as empty), a ratio with nothing to divide is 0, and a metric
/// that is undefined (a mean over nothing, an infinite KL divergence) is `null`. Soft metrics follow the current
/// scikit-learn: a document with no positive token has recall 1 throughout, so its AUPRC is the precision at the
/// highest threshold averaged with 1.
public struct EraserEvaluation: Sendable {
    public static let defaultIOUThresholds = [0.5]
    public static let defaultAOPCThresholds = [0.01, 0.05, 0.1, 0.2, 0.5]

    public var iouThresholds: [Double]
    public var aopcThresholds: [Double]

    public init(iouThresholds: [Double] = EraserEvaluation.defaultIOUThresholds,
                aopcThresholds: [Double] = EraserEvaluation.defaultAOPCThresholds) {
        self.iouThresholds = iouThresholds
        self.aopcThresholds = aopcThresholds
    }

    /// A (annotation, document) pair: ERASER's unit of rationale scoring.
    private struct Key: Hashable {
        var annotation: String
        var docid: String
    }

    /// A span `[start, end)` as ERASER's `Rationale` compares them (empty spans included).
    private struct Span: Hashable {
        var start: Int
        var end: Int
        var range: Range<Int> { start..<max(start, end) }
    }

    /// Scores `results` against split `split` of the dataset in `dataDirectory`.
    /// - Returns: the metrics, keyed as ERASER's score file keys them.
    /// - Throws: ``EraserResultsError`` listing every problem of the results file; ``ImportError`` for a malformed
    ///   dataset.
    public func score(dataDirectory: URL, split: String, results: URL) throws -> ReportJSON {
        let datasetName = dataDirectory.standardizedFileURL.lastPathComponent
        let documents = try EraserDocuments(folder: dataDirectory, name: datasetName)
        var annotations: [EraserAnnotation] = []
        try EraserAnnotation.forEach(in: dataDirectory.appendingPathComponent("\(split).jsonl"),
                                     name: "\(datasetName)/\(split).jsonl") { annotation, _ in
            annotations.append(annotation)
        }
        var annotationIndex: [String: Int] = [:]
        for (index, annotation) in annotations.enumerated() where annotationIndex[annotation.id] == nil {
            annotationIndex[annotation.id] = index
        }

        let file = results.lastPathComponent
        var problems: [ImportError] = []
        var omitted = 0
        func problem(_ line: Int?, _ field: String?, _ found: String, _ expected: String) {
            if problems.count < EraserResultsError.listingLimit {
                problems.append(ImportError(file: file, line: line, field: field, found: found, expected: expected))
            } else {
                omitted += 1
            }
        }

        // What the first instance decides, as ERASER's `_has_*` functions do.
        var first: EraserResult? = nil
        var thresholds: Set<Double>? = nil
        var seen: [String: Int] = [:]
        var count = 0
        var counts = (classification: 0, soft: 0, softSentences: 0, comprehensiveness: 0, sufficiency: 0,
                      thresholded: 0)

        var predictedSpans: [Key: Set<Span>] = [:]
        var softToken = SoftAccumulator()
        var softSentence = SoftAccumulator()
        var predictedLabels: [String: String] = [:]
        var comprehensiveness: [Double] = [], sufficiency: [Double] = []
        var comprehensivenessEntropy: [Double?] = [], sufficiencyEntropy: [Double?] = []
        var comprehensivenessKL: [Double?] = [], sufficiencyKL: [Double?] = []
        var aopcComprehensiveness: [[Double]] = [], aopcSufficiency: [[Double]] = []
        let aopcSorted = aopcThresholds.sorted()

        do {
            try LineReader(url: results).forEachLine { number, bytes, _ in
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                let result: EraserResult
                do {
                    result = try EraserResult.decode(try ImportJSON.parse(bytes, file: file, line: number),
                                                     file: file, line: number)
                } catch let error as ImportError {
                    problem(error.line, error.field, error.found, error.expected)
                    return
                }
                count += 1
                if first == nil {
                    first = result
                    thresholds = result.thresholded.map { Set($0.map(\.threshold)) }
                }
                if let line = seen[result.id] {
                    problem(number, "annotation_id", "\"\(result.id)\" again",
                            "each annotation once in the results (first at line \(line))")
                } else {
                    seen[result.id] = number
                }
                let annotation = annotationIndex[result.id].map { annotations[$0] }

                // verify_instance: documents and hard spans.
                var docidsSeen: Set<String> = []
                var softDocuments = 0, softSentenceDocuments = 0
                for (index, document) in result.rationales.enumerated() {
                    let field = "rationales[\(index)]"
                    guard documents.contains(document.docid),
                          let lengths = try? documents.lengths(of: document.docid) else {
                        problem(number, field + ".docid", "\"\(document.docid)\"", "a document of the dataset")
                        continue
                    }
                    if !docidsSeen.insert(document.docid).inserted {
                        problem(number, field + ".docid", "\"\(document.docid)\" a second time",
                                "each document once per instance")
                    }
                    if let hard = document.hard {
                        var valid: [Span] = []
                        for (position, span) in hard.enumerated() {
                            let path = field + ".hard_rationale_predictions[\(position)]"
                            if span.start < 0 || span.start > span.end {
                                problem(number, path, "tokens [\(span.start), \(span.end))",
                                        "0 ≤ start_token ≤ end_token")
                            } else if span.end > lengths.tokens {
                                problem(number, path + ".end_token", "\(span.end)",
                                        "at most \(lengths.tokens) (the token count of \(document.docid))")
                            } else {
                                valid.append(Span(start: span.start, end: span.end))
                            }
                        }
                        let distinct = Set(valid).filter { $0.start < $0.end }.sorted { $0.start < $1.start }
                        var reach = Int.min
                        var reachSpan: Span? = nil
                        for span in distinct {
                            if span.start < reach, let other = reachSpan {
                                problem(number, field + ".hard_rationale_predictions",
                                        "tokens [\(span.start), \(span.end)) overlapping [\(other.start), \(other.end))",
                                        "spans that do not overlap")
                            }
                            if span.end > reach { reach = span.end; reachSpan = span }
                        }
                        if !valid.isEmpty {
                            predictedSpans[Key(annotation: result.id, docid: document.docid), default: []]
                                .formUnion(valid)
                        }
                    }
                    if let soft = document.soft {
                        softDocuments += 1
                        if !soft.isEmpty && soft.count != lengths.tokens {
                            problem(number, field + ".soft_rationale_predictions", "\(soft.count) scores",
                                    "one per token: \(lengths.tokens) (the token count of \(document.docid))")
                        } else {
                            softToken.add(scores: soft, truth: Self.truth(annotation, docid: document.docid,
                                                                          length: lengths.tokens, sentences: false))
                        }
                    }
                    if let soft = document.softSentences {
                        softSentenceDocuments += 1
                        if soft.count != lengths.sentences {
                            problem(number, field + ".soft_sentence_predictions", "\(soft.count) scores",
                                    "one per sentence: \(lengths.sentences) (the sentence count of \(document.docid))")
                        } else {
                            softSentence.add(scores: soft, truth: Self.truth(annotation, docid: document.docid,
                                                                             length: lengths.sentences, sentences: true))
                        }
                    }
                }
                if softDocuments > 0 {
                    counts.soft += 1
                    if softDocuments != result.rationales.count {
                        problem(number, "rationales", "soft rationale predictions for \(softDocuments) of "
                                + "\(result.rationales.count) documents", "them for every document or none")
                    }
                }
                if softSentenceDocuments > 0 {
                    counts.softSentences += 1
                    if softSentenceDocuments != result.rationales.count {
                        problem(number, "rationales", "soft sentence predictions for \(softSentenceDocuments) of "
                                + "\(result.rationales.count) documents", "them for every document or none")
                    }
                }

                // verify_instance: classification fields.
                if (result.classification != nil) != (result.classificationScores != nil) {
                    problem(number, result.classification == nil ? "classification" : "classification_scores",
                            "one of classification and classification_scores", "both or neither")
                }
                if result.comprehensiveness != nil && result.classification == nil {
                    problem(number, "comprehensiveness_classification_scores", "them without a classification",
                            "a classification and classification_scores with them")
                }
                if result.sufficiency != nil && result.classificationScores == nil {
                    problem(number, "sufficiency_classification_scores", "them without classification_scores",
                            "classification_scores with them")
                }
                if let entries = result.thresholded {
                    counts.thresholded += 1
                    if Set(entries.map(\.threshold)) != thresholds {
                        problem(number, "thresholded_scores", "thresholds "
                                + entries.map { ReportJSON.format($0.threshold) }.joined(separator: ", "),
                                "the first instance's thresholds ("
                                + (thresholds ?? []).sorted().map(ReportJSON.format).joined(separator: ", ") + ")")
                    }
                    if result.comprehensiveness == nil || result.sufficiency == nil || result.classification == nil
                        || result.classificationScores == nil {
                        problem(number, "thresholded_scores", "them without all of classification, "
                                + "classification_scores, comprehensiveness_classification_scores and "
                                + "sufficiency_classification_scores", "all four with them")
                    }
                    for (index, entry) in entries.enumerated() where entry.comprehensiveness == nil || entry.sufficiency == nil {
                        problem(number, "thresholded_scores[\(index)]", "a threshold without "
                                + (entry.comprehensiveness == nil ? "comprehensiveness" : "sufficiency")
                                + "_classification_scores", "both score sets at every threshold")
                    }
                }
                if result.classification != nil { counts.classification += 1 }
                if result.comprehensiveness != nil { counts.comprehensiveness += 1 }
                if result.sufficiency != nil { counts.sufficiency += 1 }

                // Classification metrics, per instance.
                if let label = result.classification { predictedLabels[result.id] = label }
                guard let label = result.classification, let scores = result.classificationScores else { return }
                guard let base = scores[label] else {
                    problem(number, "classification_scores", "no score for the predicted label \"\(label)\"",
                            "a score for every label")
                    return
                }
                let baseValues = result.classificationKeys.map { scores[$0]! }
                if let erased = result.comprehensiveness {
                    if let value = erased[label] { comprehensiveness.append(base - value) } else {
                        problem(number, "comprehensiveness_classification_scores",
                                "no score for the predicted label \"\(label)\"", "a score for every label")
                    }
                    comprehensivenessEntropy.append(Self.entropyDifference(baseValues, Array(erased.values)))
                    comprehensivenessKL.append(Self.kl(erased, scores, keys: result.classificationKeys))
                }
                if let kept = result.sufficiency {
                    if let value = kept[label] { sufficiency.append(base - value) } else {
                        problem(number, "sufficiency_classification_scores",
                                "no score for the predicted label \"\(label)\"", "a score for every label")
                    }
                    sufficiencyEntropy.append(Self.entropyDifference(baseValues, Array(kept.values)))
                    sufficiencyKL.append(Self.kl(kept, scores, keys: result.classificationKeys))
                }
                if let entries = result.thresholded {
                    let chosen = entries.filter { aopcSorted.contains($0.threshold) }.sorted { $0.threshold < $1.threshold }
                    guard chosen.count == aopcSorted.count else {
                        problem(number, "thresholded_scores", "\(chosen.count) entries at the AOPC thresholds",
                                "one entry at each AOPC threshold ("
                                + aopcSorted.map(ReportJSON.format).joined(separator: ", ") + ")")
                        return
                    }
                    aopcComprehensiveness.append(chosen.map { base - ($0.comprehensiveness?[label] ?? .nan) })
                    aopcSufficiency.append(chosen.map { base - ($0.sufficiency?[label] ?? .nan) })
                }
            }
        } catch let error as ImportError {
            throw EraserResultsError(problems: problems + [error], omittedCount: omitted)
        }
        guard let first else {
            throw EraserResultsError(problems: problems.isEmpty
                ? [ImportError(file: file, line: nil, field: nil, found: "no instances",
                               expected: "one result per line")] : problems, omittedCount: omitted)
        }

        // verify_instances: each optional field in every instance or in none.
        for (name, have) in [("a classification", counts.classification),
                             ("soft rationale predictions", counts.soft),
                             ("soft sentence predictions", counts.softSentences),
                             ("comprehensiveness_classification_scores", counts.comprehensiveness),
                             ("sufficiency_classification_scores", counts.sufficiency),
                             ("thresholded_scores", counts.thresholded)] where have != 0 && have != count {
            problem(nil, nil, "\(name) in \(have) of \(count) instances", "it in every instance or in none")
        }
        if first.classification != nil {
            let labels = Set(annotations.map(\.classification))
            for annotation in annotations {
                guard let predicted = predictedLabels[annotation.id] else {
                    problem(nil, "annotation_id", "no result for annotation \"\(annotation.id)\" of \(split).jsonl",
                            "a classification for every annotation of the split")
                    continue
                }
                if !labels.contains(predicted) {
                    problem(seen[annotation.id], "classification", "\"\(predicted)\"",
                            "one of the split's labels (" + labels.sorted().joined(separator: ", ") + ")")
                }
            }
        }
        guard problems.isEmpty else { throw EraserResultsError(problems: problems, omittedCount: omitted) }

        var report: [String: ReportJSON] = [:]
        let firstDocument = first.rationales.first
        if let hard = firstDocument?.hard, !hard.isEmpty {
            var truth: [Key: Set<Span>] = [:]
            for annotation in annotations {
                for evidence in annotation.allEvidence {
                    truth[Key(annotation: annotation.id, docid: evidence.docid), default: []]
                        .insert(Span(start: evidence.startToken, end: evidence.endToken))
                }
            }
            // Sorted, so sums run in the same order every time and the output is the same to the last digit.
            let keys = Set(truth.keys).union(predictedSpans.keys).sorted {
                ($0.annotation, $0.docid) < ($1.annotation, $1.docid)
            }
            report["iou_scores"] = .array(iouThresholds.map { threshold in
                let counts = keys.map { key in
                    IOUF1.counts(predicted: (predictedSpans[key] ?? []).map(\.range),
                                 reference: (truth[key] ?? []).map(\.range), threshold: threshold)
                }
                return .object(["threshold": .number(threshold), "micro": Self.prf(IOUF1.micro(counts)),
                                "macro": Self.prf(IOUF1.macro(counts))])
            })
            let spanCounts = keys.map { key -> TokenF1.Counts in
                let predicted = predictedSpans[key] ?? [], reference = truth[key] ?? []
                return TokenF1.Counts(predicted: predicted.count, reference: reference.count,
                                      overlap: predicted.intersection(reference).count)
            }
            report["rationale_prf"] = Self.instancePRF(spanCounts)
            let tokenCounts = keys.map { key in
                TokenF1.Counts(predicted: Set((predictedSpans[key] ?? []).flatMap(\.range)),
                               reference: Set((truth[key] ?? []).flatMap(\.range)))
            }
            report["token_prf"] = Self.instancePRF(tokenCounts)
        }
        if firstDocument?.soft != nil { report["token_soft_metrics"] = softToken.report }
        if firstDocument?.softSentences != nil { report["sentence_soft_metrics"] = softSentence.report }
        if first.classification != nil {
            report["classification_scores"] = classificationReport(
                annotations: annotations, predicted: predictedLabels, first: first,
                comprehensiveness: comprehensiveness, sufficiency: sufficiency,
                entropies: (comprehensivenessEntropy, sufficiencyEntropy), kl: (comprehensivenessKL, sufficiencyKL),
                aopc: (aopcComprehensiveness, aopcSufficiency))
        }
        return .object(report)
    }

    private func classificationReport(
        annotations: [EraserAnnotation], predicted: [String: String], first: EraserResult,
        comprehensiveness: [Double], sufficiency: [Double], entropies: ([Double?], [Double?]),
        kl: ([Double?], [Double?]), aopc: ([[Double]], [[Double]])
    ) -> ReportJSON {
        let truth = annotations.map(\.classification)
        let guesses = annotations.map { predicted[$0.id]! }
        var result: [String: ReportJSON] = [
            "accuracy": .number(Double(zip(truth, guesses).filter { $0 == $1 }.count) / Double(max(1, truth.count))),
            "prf": ClassificationReport(truth: truth, predicted: guesses).json,
        ]
        let hasComprehensiveness = first.comprehensiveness != nil
        let hasSufficiency = first.sufficiency != nil
        result["comprehensiveness"] = hasComprehensiveness ? .number(Self.mean(comprehensiveness)) : .null
        result["sufficiency"] = hasSufficiency ? .number(Self.mean(sufficiency)) : .null
        result["comprehensiveness_entropy"] = hasComprehensiveness ? .number(Self.mean(entropies.0)) : .null
        result["comprehensiveness_kl"] = hasComprehensiveness ? .number(Self.mean(kl.0)) : .null
        result["sufficiency_entropy"] = hasSufficiency ? .number(Self.mean(entropies.1)) : .null
        result["sufficiency_kl"] = hasSufficiency ? .number(Self.mean(kl.1)) : .null
        if first.thresholded != nil {
            result["aopc_thresholds"] = .array(aopcThresholds.map { .number($0) })
            result["comprehensiveness_aopc"] = .number(Self.mean(aopc.0.flatMap { $0 }))
            result["sufficiency_aopc"] = .number(Self.mean(aopc.1.flatMap { $0 }))
            result["comprehensiveness_aopc_points"] = Self.points(aopc.0, count: aopcThresholds.count)
            result["sufficiency_aopc_points"] = Self.points(aopc.1, count: aopcThresholds.count)
        } else {
            for key in ["aopc_thresholds", "comprehensiveness_aopc", "comprehensiveness_aopc_points",
                        "sufficiency_aopc", "sufficiency_aopc_points"] { result[key] = .null }
        }
        return .object(result)
    }

    /// The truth of one (annotation, document): which tokens (or sentences) its evidence covers; all false when
    /// the annotation is not in the split or has no evidence in the document. Indices outside the document are
    /// ignored.
    private static func truth(_ annotation: EraserAnnotation?, docid: String, length: Int, sentences: Bool) -> [Bool] {
        var truth = [Bool](repeating: false, count: length)
        for evidence in annotation?.allEvidence ?? [] where evidence.docid == docid {
            let start = sentences ? evidence.startSentence : evidence.startToken
            let end = sentences ? evidence.endSentence : evidence.endToken
            guard start < end else { continue }
            for index in max(0, start)..<min(end, length) { truth[index] = true }
        }
        return truth
    }

    private static func prf(_ value: PrecisionRecallF1) -> ReportJSON {
        .object(["p": .number(value.precision), "r": .number(value.recall), "f1": .number(value.f1)])
    }

    private static func instancePRF(_ counts: [TokenF1.Counts]) -> ReportJSON {
        .object(["instance_micro": prf(TokenF1.micro(counts)),
                 "instance_macro": TokenF1.macro(counts).map(prf) ?? .null])
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The mean, or nil when any value is undefined (NumPy's average would be NaN or infinite then).
    private static func mean(_ values: [Double?]) -> Double? {
        let defined = values.compactMap { $0 }
        guard defined.count == values.count else { return nil }
        return mean(defined)
    }

    private static func points(_ rows: [[Double]], count: Int) -> ReportJSON {
        .array((0..<count).map { column in .number(mean(rows.map { $0[column] })) })
    }

    /// `entropy(classification_scores) − entropy(other)`, as ERASER computes the entropy columns.
    private static func entropyDifference(_ base: [Double], _ other: [Double]) -> Double? {
        guard let a = EraserScoreFunctions.entropy(base), let b = EraserScoreFunctions.entropy(other) else { return nil }
        return a - b
    }

    /// ERASER's `compute_kl`: `entropy(faith, classification)` over the keys of `classification_scores`.
    private static func kl(_ faith: [String: Double], _ scores: [String: Double], keys: [String]) -> Double? {
        guard keys.allSatisfy({ faith[$0] != nil }) else { return nil }
        return EraserScoreFunctions.klDivergence(keys.map { faith[$0]! }, keys.map { scores[$0]! })
    }

    /// Soft-prediction metrics accumulated document by document, so that no score vector is kept.
    private struct SoftAccumulator {
        var auprc: [Double] = []
        var averagePrecision: [Double] = []
        var rocAUC: [Double] = []
        var documents = 0

        mutating func add(scores: [Double], truth: [Bool]) {
            documents += 1
            guard let curve = PrecisionRecall(scores: scores, truth: truth) else { return }
            auprc.append(curve.area)
            let single = !truth.contains(true) || !truth.contains(false)
            guard !single else { return }
            averagePrecision.append(EraserScoreFunctions.averagePrecision(of: curve))
            if let value = EraserScoreFunctions.rocAUC(scores: scores, truth: truth) { rocAUC.append(value) }
        }

        var report: ReportJSON {
            .object(["auprc": documents == 0 ? .number(0) : .number(EraserEvaluation.mean(auprc)),
                     "average_precision": documents == 0 ? .number(0) : .number(EraserEvaluation.mean(averagePrecision)),
                     "roc_auc_score": documents == 0 ? .number(0) : .number(EraserEvaluation.mean(rocAUC))])
        }
    }
}
