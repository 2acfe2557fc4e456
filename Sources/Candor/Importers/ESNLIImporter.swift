import Foundation

/// Imports e-SNLI (Camburu et al., NeurIPS 2018): natural language inference with highlighted words and free-text
/// explanations.
///
/// Two source layouts:
/// - the official CSV files (`esnli_train_1.csv`, `esnli_train_2.csv`, `esnli_dev.csv`, `esnli_test.csv`, or one
///   such file): `Sentence1` and `Sentence2` are the fields `premise` and `hypothesis`, `gold_label` the label and
///   `Explanation_1` the reference explanation. The rationale is the union of every annotator's highlights
///   (`Sentence{1,2}_marked_k`, words wrapped in `*`, as the authors advise reading them, rather than the
///   `*_Highlighted_k` index lists): each highlighted space-separated word becomes its Candor tokens without the
///   punctuation at its ends (`*lunch.*` highlights `lunch`), and adjacent highlighted tokens merge into one span.
///   A marked sentence whose words differ from the sentence's is noted and its highlights left out.
/// - the authors' preprocessed text files (`s1.<split>`, `s2.<split>`, `labels.<split>`,
///   `preproc1_expl_1.<split>`, one example per line): no highlights; ids are `esnli-<split>-<line>`.
///
/// A record whose gold label is not entailment, neutral or contradiction is skipped and counted.
public struct ESNLIImporter: Sendable {
    public static let labels = ["entailment", "neutral", "contradiction"]
    public static let licence = "MIT (e-SNLI explanations and highlights, Camburu et al. 2018); "
        + "the SNLI sentence pairs are CC BY-SA 4.0"

    public init() {}

    public func run(path: URL, output: URL, overwrite: Bool) throws -> ImportReport {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw ImportError(file: path.relativeString, line: nil, field: nil, found: "no such file or folder",
                              expected: "an e-SNLI CSV file or a folder of them (or of the preprocessed files)")
        }
        if !isFolder.boolValue { return try importCSV([path], output: output, overwrite: overwrite) }
        let names = try manager.contentsOfDirectory(atPath: path.path).sorted()
        let csvs = names.filter { $0.hasPrefix("esnli_") && $0.hasSuffix(".csv") }
        if !csvs.isEmpty {
            return try importCSV(csvs.map { path.appendingPathComponent($0) }, output: output, overwrite: overwrite)
        }
        for folder in [path, path.appendingPathComponent("eSNLI")] {
            let files = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            let splits = files.filter { $0.hasPrefix("s1.") }.map { String($0.dropFirst(3)) }.sorted()
            if !splits.isEmpty {
                return try importPreprocessed(folder, splits: splits, output: output, overwrite: overwrite)
            }
        }
        throw ImportError(file: path.relativeString, line: nil, field: nil,
                          found: "no esnli_*.csv and no s1.<split> files",
                          expected: "the e-SNLI CSV files or the preprocessed eSNLI/ folder")
    }

    /// The split a CSV file holds: `esnli_train_2.csv` → `train`, `esnli_dev.csv` → `dev`; any other name → `test`.
    static func split(ofCSV name: String) -> String {
        var stem = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        if stem.hasPrefix("esnli_") { stem.removeFirst(6) } else { return "test" }
        if let underscore = stem.firstIndex(of: "_") { stem = String(stem[..<underscore]) }
        return ["train", "dev", "val", "test"].contains(stem) ? stem : "test"
    }

    private func importCSV(_ files: [URL], output: URL, overwrite: Bool) throws -> ImportReport {
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        for file in files {
            let name = file.lastPathComponent
            let split = Self.split(ofCSV: name)
            let csv = try CSVReader(url: file, name: name)
            try csv.require(["pairID", "gold_label", "Sentence1", "Sentence2", "Explanation_1"])
            let annotators = (1...3).filter { csv.header.contains("Sentence1_marked_\($0)") && csv.header.contains("Sentence2_marked_\($0)") }
            while let record = try csv.next() {
                let label = record["gold_label"]!.trimmingCharacters(in: .whitespaces)
                guard Self.labels.contains(label) else {
                    writer.skip("gold label \"\(label)\" is not entailment, neutral or contradiction")
                    continue
                }
                let id = record["pairID"]!
                guard !id.isEmpty else {
                    throw ImportError(file: name, line: record.line, field: "pairID", found: "an empty id",
                                      expected: "the pair's id")
                }
                let premise = record["Sentence1"]!
                let hypothesis = record["Sentence2"]!
                var rationale: [Rationale] = []
                for (field, text, column) in [("premise", premise, "Sentence1"), ("hypothesis", hypothesis, "Sentence2")] {
                    var highlighted: Set<Int> = []
                    for k in annotators {
                        guard let indices = Self.highlights(marked: record["\(column)_marked_\(k)"]!, sentence: text) else {
                            writer.note("\(column)_marked_\(k) does not have the words of \(column); its highlights left out")
                            continue
                        }
                        highlighted.formUnion(indices)
                    }
                    for run in SpanMerging.runs(highlighted) {
                        rationale.append(.span(field: field, start: run.lowerBound, end: run.upperBound))
                    }
                }
                let explanation = record["Explanation_1"]!.trimmingCharacters(in: .whitespacesAndNewlines)
                try writer.add(Instance(id: id, input: ["premise": .text(premise), "hypothesis": .text(hypothesis)],
                                        label: label, rationale: rationale,
                                        explanation: explanation.isEmpty ? nil : explanation), split: split)
            }
        }
        return try writer.finish(suite(explanations: [.highlights, .text],
                                       files: files.map(\.lastPathComponent), notes: [
            "Highlights are read from Sentence{1,2}_marked_k (words wrapped in *), the union over annotators; each "
                + "highlighted word is its Candor tokens without punctuation at its ends.",
            "The reference explanation is Explanation_1.",
        ]))
    }

    /// The Candor token indices of `sentence` that `marked` highlights, or nil when the marked text's words
    /// (without `*`) are not the sentence's words.
    static func highlights(marked: String, sentence: String) -> Set<Int>? {
        let markedWords = marked.split(whereSeparator: { Tokenizer.isSpace($0) })
        let words = sentence.split(whereSeparator: { Tokenizer.isSpace($0) })
        guard markedWords.count == words.count,
              zip(markedWords, words).allSatisfy({ $0.0.filter { $0 != "*" } == $0.1.filter { $0 != "*" } }) else {
            return nil
        }
        let ranges = TokenAlignment.wordRanges(of: sentence)
        let tokens = Tokenizer.tokenize(sentence)
        var result: Set<Int> = []
        for (index, word) in markedWords.enumerated() where word.contains("*") && !ranges[index].isEmpty {
            result.formUnion(TokenAlignment.trimmingPunctuation(ranges[index], of: tokens))
        }
        return result
    }

    private func importPreprocessed(_ folder: URL, splits: [String], output: URL, overwrite: Bool) throws -> ImportReport {
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        var files: [String] = []
        for split in splits {
            let premises = try TextLineStream(url: folder.appendingPathComponent("s1.\(split)"), name: "s1.\(split)")
            let hypotheses = try TextLineStream(url: folder.appendingPathComponent("s2.\(split)"), name: "s2.\(split)")
            let labels = try TextLineStream(url: folder.appendingPathComponent("labels.\(split)"), name: "labels.\(split)")
            let explanationURL = folder.appendingPathComponent("preproc1_expl_1.\(split)")
            let explanations = FileManager.default.fileExists(atPath: explanationURL.path)
                ? try TextLineStream(url: explanationURL, name: "preproc1_expl_1.\(split)") : nil
            files += ["s1.\(split)", "s2.\(split)", "labels.\(split)"] + (explanations == nil ? [] : ["preproc1_expl_1.\(split)"])
            while let premise = try premises.next() {
                let line = premises.lineNumber
                func partner(_ stream: TextLineStream) throws -> String {
                    guard let text = try stream.next() else {
                        throw ImportError(file: stream.name, line: line, field: nil, found: "the end of the file",
                                          expected: "a line for every line of s1.\(split) (it has at least \(line))")
                    }
                    return text
                }
                let hypothesis = try partner(hypotheses)
                let label = try partner(labels).trimmingCharacters(in: .whitespaces)
                let explanation = try explanations.map(partner)?.trimmingCharacters(in: .whitespaces)
                guard Self.labels.contains(label) else {
                    writer.skip("gold label \"\(label)\" is not entailment, neutral or contradiction")
                    continue
                }
                try writer.add(Instance(
                    id: "esnli-\(split)-\(line)",
                    input: ["premise": .text(premise.trimmingCharacters(in: .whitespaces)),
                            "hypothesis": .text(hypothesis.trimmingCharacters(in: .whitespaces))],
                    label: label, explanation: explanation.flatMap { $0.isEmpty ? nil : $0 }), split: split)
            }
        }
        return try writer.finish(suite(explanations: [.text], files: files, notes: [
            "Read from the authors' preprocessed files (lower-cased, tokenized explanations); they carry no highlights.",
        ]))
    }

    private func suite(explanations: [ExplanationKind], files: [String], notes: [String]) -> ImportedSuite {
        ImportedSuite(
            title: "e-SNLI: natural language inference with explanations",
            task: TaskSpec(kind: .classification, labels: Self.labels,
                           inputs: [InputField(name: "premise", type: .text), InputField(name: "hypothesis", type: .text)]),
            explanations: explanations,
            provenance: "imported from e-SNLI (" + files.joined(separator: ", ") + ") by candor import esnli",
            licence: Self.licence, notes: notes)
    }
}
