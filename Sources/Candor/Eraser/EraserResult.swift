/// One line of an ERASER results file, the prediction format of ERASER's `metrics.py`:
///
/// ```json
/// {"annotation_id": "negR_900.txt",
///  "rationales": [{"docid": "negR_900.txt",
///                  "hard_rationale_predictions": [{"start_token": 3, "end_token": 9}],
///                  "soft_rationale_predictions": [0.1, 0.7, …],
///                  "soft_sentence_predictions": [0.2, …]}],
///  "classification": "NEG", "classification_scores": {"NEG": 0.9, "POS": 0.1},
///  "comprehensiveness_classification_scores": {"NEG": 0.3, "POS": 0.7},
///  "sufficiency_classification_scores": {"NEG": 0.8, "POS": 0.2},
///  "thresholded_scores": [{"threshold": 0.01, "comprehensiveness_classification_scores": {…},
///                          "sufficiency_classification_scores": {…}}, …]}
/// ```
/// Every key but `annotation_id` and `rationales` is optional; a key whose value is `null` counts as absent.
struct EraserResult: Sendable {
    struct Document: Sendable {
        var docid: String
        /// Hard predictions `[start, end)`; nil when the key is absent.
        var hard: [(start: Int, end: Int)]?
        var soft: [Double]?
        var softSentences: [Double]?
    }

    struct Thresholded: Sendable {
        var threshold: Double
        var comprehensiveness: [String: Double]?
        var sufficiency: [String: Double]?
    }

    var id: String
    var rationales: [Document]
    var classification: String?
    var classificationScores: [String: Double]?
    /// The keys of `classification_scores` in the order written (SciPy's KL pairs entries in this order).
    var classificationKeys: [String]
    var comprehensiveness: [String: Double]?
    var sufficiency: [String: Double]?
    var thresholded: [Thresholded]?

    /// Reads a results line, throwing the first structural problem (a missing or mistyped field) with its path.
    static func decode(_ value: JSONLineValue, file: String, line: Int) throws -> EraserResult {
        let reader = JSONFieldReader(file: file, line: line)
        guard case .object = value else { throw reader.fail("", value, expected: "one result object per line") }
        let id = try reader.string(value["annotation_id"], "annotation_id")
        var documents: [Document] = []
        for (index, item) in try reader.array(value["rationales"], "rationales").enumerated() {
            let field = "rationales[\(index)]"
            var document = Document(docid: try reader.string(item["docid"], field + ".docid"))
            if let hard = present(item["hard_rationale_predictions"]) {
                document.hard = try reader.array(hard, field + ".hard_rationale_predictions").enumerated().map { position, span in
                    let path = field + ".hard_rationale_predictions[\(position)]"
                    return (try reader.integer(span["start_token"], path + ".start_token"),
                            try reader.integer(span["end_token"], path + ".end_token"))
                }
            }
            if let soft = present(item["soft_rationale_predictions"]) {
                document.soft = try numbers(soft, field + ".soft_rationale_predictions", reader)
            }
            if let soft = present(item["soft_sentence_predictions"]) {
                document.softSentences = try numbers(soft, field + ".soft_sentence_predictions", reader)
            }
            documents.append(document)
        }
        var result = EraserResult(id: id, rationales: documents, classificationKeys: [])
        if let classification = present(value["classification"]) {
            result.classification = try reader.string(classification, "classification")
        }
        if let scores = present(value["classification_scores"]) {
            let members = try reader.object(scores, "classification_scores")
            result.classificationKeys = members.map(\.key)
            result.classificationScores = try distribution(scores, "classification_scores", reader)
        }
        if let scores = present(value["comprehensiveness_classification_scores"]) {
            result.comprehensiveness = try distribution(scores, "comprehensiveness_classification_scores", reader)
        }
        if let scores = present(value["sufficiency_classification_scores"]) {
            result.sufficiency = try distribution(scores, "sufficiency_classification_scores", reader)
        }
        if let thresholded = present(value["thresholded_scores"]) {
            result.thresholded = try reader.array(thresholded, "thresholded_scores").enumerated().map { index, entry in
                let field = "thresholded_scores[\(index)]"
                return Thresholded(
                    threshold: try reader.number(entry["threshold"], field + ".threshold"),
                    comprehensiveness: try present(entry["comprehensiveness_classification_scores"]).map {
                        try distribution($0, field + ".comprehensiveness_classification_scores", reader)
                    },
                    sufficiency: try present(entry["sufficiency_classification_scores"]).map {
                        try distribution($0, field + ".sufficiency_classification_scores", reader)
                    })
            }
        }
        return result
    }

    private static func present(_ value: JSONLineValue?) -> JSONLineValue? {
        guard let value, !value.isNull else { return nil }
        return value
    }

    private static func numbers(_ value: JSONLineValue, _ field: String, _ reader: JSONFieldReader) throws -> [Double] {
        guard case .array(let items) = value else { throw reader.fail(field, value, expected: "an array of numbers") }
        var result: [Double] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .number(let number, _) = item else {
                throw reader.fail("\(field)[\(index)]", item, expected: "a number")
            }
            result.append(number)
        }
        return result
    }

    private static func distribution(_ value: JSONLineValue, _ field: String,
                                     _ reader: JSONFieldReader) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for member in try reader.object(value, field) {
            result[member.key] = try reader.number(member.value, "\(field).\(member.key)")
        }
        return result
    }
}
