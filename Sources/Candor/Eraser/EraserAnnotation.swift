import Foundation

/// One line of an ERASER split file (`train.jsonl`, `val.jsonl`, `test.jsonl`): the gold label and evidence of one
/// example, as `rationale_benchmark/utils.py` defines `Annotation` (DeYoung et al., ACL 2020).
public struct EraserAnnotation: Sendable, Hashable {
    /// One piece of evidence: tokens `[startToken, endToken)` of a document's flattened tokens (sentences
    /// `[startSentence, endSentence)`, often -1 when not given).
    public struct Evidence: Sendable, Hashable {
        public var docid: String
        public var startToken: Int
        public var endToken: Int
        public var startSentence: Int
        public var endSentence: Int

        public init(docid: String, startToken: Int, endToken: Int, startSentence: Int = -1, endSentence: Int = -1) {
            self.docid = docid
            self.startToken = startToken
            self.endToken = endToken
            self.startSentence = startSentence
            self.endSentence = endSentence
        }
    }

    public var id: String
    public var query: String?
    /// Evidence groups: each group alone justifies the label.
    public var evidences: [[Evidence]]
    public var classification: String
    public var docids: [String]?

    public init(id: String, query: String?, evidences: [[Evidence]], classification: String,
                docids: [String]? = nil) {
        self.id = id
        self.query = query
        self.evidences = evidences
        self.classification = classification
        self.docids = docids
    }

    /// The documents the example reads, in order: `docids` when given; otherwise the evidence's documents in order
    /// of first mention; otherwise the annotation id itself (ERASER's movies name each review's document after
    /// its annotation).
    public var documentIDs: [String] {
        if let docids, !docids.isEmpty { return docids }
        var seen: [String] = []
        for evidence in evidences.joined() where !seen.contains(evidence.docid) { seen.append(evidence.docid) }
        return seen.isEmpty ? [id] : seen
    }

    /// Every evidence of every group, in order.
    public var allEvidence: [Evidence] { Array(evidences.joined()) }

    /// Reads one annotation line.
    /// - Throws: ``ImportError`` naming the file, line and field of anything missing or mistyped.
    static func decode(_ value: JSONLineValue, file: String, line: Int) throws -> EraserAnnotation {
        let reader = JSONFieldReader(file: file, line: line)
        guard case .object = value else {
            throw reader.fail("", value, expected: "one annotation object per line")
        }
        let id = try reader.string(value["annotation_id"], "annotation_id")
        let classification = try reader.string(value["classification"], "classification")
        let query = try reader.optionalString(value["query"], "query")
        var docids: [String]? = nil
        if let given = value["docids"], !given.isNull { docids = try reader.strings(given, "docids") }
        var groups: [[Evidence]] = []
        for (g, group) in try reader.array(value["evidences"] ?? .array([]), "evidences").enumerated() {
            var evidences: [Evidence] = []
            for (i, item) in try reader.array(group, "evidences[\(g)]").enumerated() {
                let field = "evidences[\(g)][\(i)]"
                evidences.append(Evidence(
                    docid: try reader.string(item["docid"], field + ".docid"),
                    startToken: try reader.integer(item["start_token"], field + ".start_token"),
                    endToken: try reader.integer(item["end_token"], field + ".end_token"),
                    startSentence: try item["start_sentence"].map { try reader.integer($0, field + ".start_sentence") } ?? -1,
                    endSentence: try item["end_sentence"].map { try reader.integer($0, field + ".end_sentence") } ?? -1))
            }
            groups.append(evidences)
        }
        return EraserAnnotation(id: id, query: query, evidences: groups, classification: classification,
                                docids: docids)
    }

    /// Calls `body` with each annotation of an ERASER split file and its line, in file order, one line in memory
    /// at a time.
    static func forEach(in url: URL, name: String, _ body: (EraserAnnotation, Int) throws -> Void) throws {
        try ImportJSON.forEachLine(of: url, name: name) { value, line in
            try body(try decode(value, file: name, line: line), line)
        }
    }
}
