import Foundation

/// Imports any dataset in ERASER's format (DeYoung et al., ACL 2020): a folder with `docs/` or `docs.jsonl` and
/// any of `train.jsonl`, `val.jsonl`, `test.jsonl`.
///
/// Each annotation becomes one classification instance: its `classification` is the label (the label set is
/// every classification seen, sorted), its `query` the text field `query`, and its documents text-list fields
/// (`document`, or `document-1`, `document-2`, … when an example reads several, as ERASER's e-SNLI does), one
/// sentence per document line. Sentences are rebuilt by joining ERASER's tokens with spaces, and every evidence of
/// every evidence group becomes a rationale span through ``TokenAlignment`` (identical spans once). The number of
/// documents is fixed by the first annotation; an annotation with another number, or naming a document the
/// dataset lacks, is skipped and counted.
public struct EraserImporter: Sendable {
    public var licence: String

    /// ERASER ships each dataset under the terms of its original release and states none of its own.
    public static let defaultLicence = "the source dataset's own terms (the ERASER release states none; "
        + "check the original dataset before redistributing)"

    public init(licence: String? = nil) {
        self.licence = licence ?? Self.defaultLicence
    }

    /// Imports the dataset in `folder` into the suite folder `output`.
    public func run(folder: URL, output: URL, overwrite: Bool) throws -> ImportReport {
        let datasetName = folder.standardizedFileURL.lastPathComponent
        let documents = try EraserDocuments(folder: folder, name: datasetName)
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        let splits = ["train", "val", "test"].filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0).jsonl").path)
        }
        guard !splits.isEmpty else {
            throw ImportError(file: datasetName, line: nil, field: nil, found: "no train.jsonl, val.jsonl or test.jsonl",
                              expected: "an ERASER dataset folder with at least one split file")
        }
        var documentCount: Int? = nil
        var labels: Set<String> = []
        for split in splits {
            let name = "\(datasetName)/\(split).jsonl"
            try EraserAnnotation.forEach(in: folder.appendingPathComponent("\(split).jsonl"), name: name) { annotation, line in
                let docids = annotation.documentIDs
                if let expected = documentCount, docids.count != expected {
                    writer.skip("reads \(docids.count) documents where the first annotation reads \(expected)")
                    return
                }
                guard docids.allSatisfy(documents.contains) else {
                    writer.skip("names a document the dataset does not have")
                    return
                }
                documentCount = docids.count
                let fieldNames = Self.fieldNames(documentCount: docids.count)
                var input: [String: FieldValue] = ["query": .text(annotation.query ?? "")]
                // Document → for each ERASER token (flattened), the Candor tokens it became.
                var alignments: [String: [Range<Int>]] = [:]
                for (docid, field) in zip(docids, fieldNames) where alignments[docid] == nil {
                    var offset = 0
                    var sentences: [TokenAlignment] = []
                    for tokens in try documents.sentences(of: docid) {
                        let alignment = TokenAlignment(sourceTokens: tokens, offset: offset)
                        offset += alignment.candorTokenCount
                        sentences.append(alignment)
                    }
                    alignments[docid] = sentences.flatMap(\.ranges)
                    input[field] = .textList(sentences.map(\.text))
                }
                var spans: [Rationale] = []
                for (g, group) in annotation.evidences.enumerated() {
                    for (i, evidence) in group.enumerated() {
                        guard let position = docids.firstIndex(of: evidence.docid), let flat = alignments[evidence.docid] else {
                            throw ImportError(file: name, line: line, field: "evidences[\(g)][\(i)].docid",
                                              found: "\"\(evidence.docid)\"",
                                              expected: "one of the annotation's documents (" + docids.joined(separator: ", ") + ")")
                        }
                        guard evidence.startToken >= 0, evidence.startToken <= evidence.endToken,
                              evidence.endToken <= flat.count else {
                            throw ImportError(file: name, line: line, field: "evidences[\(g)][\(i)]",
                                              found: "tokens [\(evidence.startToken), \(evidence.endToken))",
                                              expected: "0 ≤ start_token ≤ end_token ≤ \(flat.count) (the token count of \(evidence.docid))")
                        }
                        guard evidence.startToken < evidence.endToken,
                              flat[evidence.startToken].lowerBound < flat[evidence.endToken - 1].upperBound else {
                            writer.note("an evidence span with no tokens, left out")
                            continue
                        }
                        let span = Rationale.span(field: fieldNames[position], start: flat[evidence.startToken].lowerBound,
                                                  end: flat[evidence.endToken - 1].upperBound)
                        if !spans.contains(span) { spans.append(span) }
                    }
                }
                labels.insert(annotation.classification)
                try writer.add(Instance(id: annotation.id, input: input, label: annotation.classification,
                                        rationale: spans), split: split)
            }
        }
        let fields = [InputField(name: "query", type: .text)]
            + Self.fieldNames(documentCount: documentCount ?? 1).map { InputField(name: $0, type: .textList) }
        let suite = ImportedSuite(
            title: "\(datasetName) (ERASER)",
            task: TaskSpec(kind: .classification, labels: labels.sorted(), inputs: fields),
            explanations: [.highlights],
            provenance: "imported from the ERASER-format dataset \(datasetName) ("
                + splits.map { "\($0).jsonl" }.joined(separator: ", ") + " with its documents) by candor import eraser",
            licence: licence,
            notes: [
                "Each document line is one sentence of a text-list field; ERASER's space-separated tokens are joined "
                    + "with single spaces and re-tokenized by Candor's tokenizer, and every evidence span is mapped "
                    + "from ERASER token offsets to the Candor tokens its tokens became.",
                "The query is the text field `query`; every evidence of every evidence group is a rationale span.",
            ])
        return try writer.finish(suite)
    }

    /// `document` for one document, `document-1` … for several.
    static func fieldNames(documentCount: Int) -> [String] {
        documentCount == 1 ? ["document"] : (1...max(1, documentCount)).map { "document-\($0)" }
    }
}
