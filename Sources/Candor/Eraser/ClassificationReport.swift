/// scikit-learn's `classification_report(..., output_dict=True)`, which ERASER reports as `prf`: per label its
/// precision, recall, F1 and support; `accuracy`; and the `macro avg` (plain means) and `weighted avg` (means
/// weighted by support) of precision, recall and F1 with the total support. A ratio with a zero denominator is 0
/// (scikit-learn's default `zero_division` warns and gives 0).
struct ClassificationReport {
    var truth: [String]
    var predicted: [String]

    var json: ReportJSON {
        let labels = Set(truth).union(predicted).sorted()
        var result: [String: ReportJSON] = [:]
        var rows: [(p: Double, r: Double, f: Double, support: Int)] = []
        for label in labels {
            let support = truth.filter { $0 == label }.count
            let guessed = predicted.filter { $0 == label }.count
            let hits = zip(truth, predicted).filter { $0 == label && $1 == label }.count
            let p = guessed == 0 ? 0 : Double(hits) / Double(guessed)
            let r = support == 0 ? 0 : Double(hits) / Double(support)
            let f = PrecisionRecallF1.harmonicMean(p, r)
            rows.append((p, r, f, support))
            result[label] = .object(["precision": .number(p), "recall": .number(r), "f1-score": .number(f),
                                     "support": .integer(support)])
        }
        let total = rows.reduce(0) { $0 + $1.support }
        let n = Double(max(1, rows.count))
        result["accuracy"] = .number(Double(zip(truth, predicted).filter { $0 == $1 }.count) / Double(max(1, truth.count)))
        result["macro avg"] = .object([
            "precision": .number(rows.reduce(0) { $0 + $1.p } / n), "recall": .number(rows.reduce(0) { $0 + $1.r } / n),
            "f1-score": .number(rows.reduce(0) { $0 + $1.f } / n), "support": .integer(total)])
        let weight = Double(max(1, total))
        result["weighted avg"] = .object([
            "precision": .number(rows.reduce(0) { $0 + $1.p * Double($1.support) } / weight),
            "recall": .number(rows.reduce(0) { $0 + $1.r * Double($1.support) } / weight),
            "f1-score": .number(rows.reduce(0) { $0 + $1.f * Double($1.support) } / weight),
            "support": .integer(total)])
        return .object(result)
    }
}
