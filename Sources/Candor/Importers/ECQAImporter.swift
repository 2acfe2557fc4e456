import Foundation

/// Imports ECQA (Aggarwal et al., ACL 2021): CommonsenseQA questions with free-flow explanations, as a
/// multiple-choice suite.
///
/// Two source layouts:
/// - the joined CSV files that the ECQA repository's `generate_data.py` writes (`cqa_data_train.csv`,
///   `cqa_data_val.csv`, `cqa_data_test.csv`, or one such file): `q_no` is the id, `q_text` the question,
///   `q_op1` … `q_op5` the choices, `q_ans` the answer's text and `taskB` (the free-flow explanation) the reference
///   explanation;
/// - the raw `ecqa.jsonl` (`{"id", "explanation", …}`) joined by id with CommonsenseQA question files given with
///   `questions` (the split is the question file's: `train_rand_split.jsonl` → `train`).
///
/// A record whose answer is not among its choices, or whose question is missing, is skipped and counted.
public struct ECQAImporter: Sendable {
    public static let licence = "CDLA-Sharing-1.0 (ECQA explanations, Aggarwal et al. 2021); "
        + "the CommonsenseQA questions are MIT"

    public var questionFiles: [URL]

    public init(questionFiles: [URL] = []) {
        self.questionFiles = questionFiles
    }

    public func run(path: URL, output: URL, overwrite: Bool) throws -> ImportReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw ImportError(file: path.relativeString, line: nil, field: nil, found: "no such file or folder",
                              expected: "ECQA's cqa_data_*.csv files or ecqa.jsonl")
        }
        if !isFolder.boolValue && path.pathExtension == "jsonl" {
            return try importJSONL(path, output: output, overwrite: overwrite)
        }
        let files = isFolder.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: path.path).sorted()
                .filter { $0.hasPrefix("cqa_data_") && $0.hasSuffix(".csv") }.map { path.appendingPathComponent($0) }
            : [path]
        guard !files.isEmpty else {
            throw ImportError(file: path.relativeString, line: nil, field: nil, found: "no cqa_data_*.csv file",
                              expected: "ECQA's joined CSV files (from generate_data.py) or ecqa.jsonl")
        }
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        let options = (1...5).map { "q_op\($0)" }
        for file in files {
            let name = file.lastPathComponent
            let csv = try CSVReader(url: file, name: name)
            try csv.require(["q_no", "q_text", "q_ans", "taskB"] + options)
            let split = Self.split(ofCSV: name)
            while let record = try csv.next() {
                let choices = options.map { record[$0]! }
                let answer = record["q_ans"]!
                guard let index = choices.firstIndex(of: answer)
                    ?? choices.firstIndex(where: { Self.same($0, answer) }) else {
                    writer.skip("the answer (q_ans) is not among the choices")
                    continue
                }
                let explanation = record["taskB"]!.trimmingCharacters(in: .whitespacesAndNewlines)
                try writer.add(Instance(id: record["q_no"]!, input: ["question": .text(record["q_text"]!),
                                                                    "choices": .choices(choices)],
                                        label: CommonsenseQAQuestions.letters(5)[index],
                                        explanation: explanation.isEmpty ? nil : explanation), split: split)
            }
        }
        return try writer.finish(suite(choiceCount: 5, files: files.map(\.lastPathComponent)))
    }

    /// `cqa_data_val.csv` → `val`; any other name → `test`.
    static func split(ofCSV name: String) -> String {
        let stem = name.replacingOccurrences(of: "cqa_data_", with: "").replacingOccurrences(of: ".csv", with: "")
        return ["train", "val", "dev", "test"].contains(stem) ? stem : "test"
    }

    static func same(_ a: String, _ b: String) -> Bool {
        a.trimmingCharacters(in: .whitespaces).lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private func importJSONL(_ file: URL, output: URL, overwrite: Bool) throws -> ImportReport {
        guard !questionFiles.isEmpty else {
            throw ImportError(file: file.lastPathComponent, line: nil, field: "--questions", found: "no question file",
                              expected: "CommonsenseQA question files to join ecqa.jsonl with (--questions FILE)")
        }
        let questions = try CommonsenseQAQuestions(urls: questionFiles)
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        var choiceCount: Int? = nil
        let name = file.lastPathComponent
        try ImportJSON.forEachLine(of: file, name: name) { value, line in
            let reader = JSONFieldReader(file: name, line: line)
            let id = try reader.string(value["id"] ?? value["q_no"], "id")
            let explanation = try reader.string(value["explanation"] ?? value["taskB"], "explanation")
            try MultipleChoiceImport.add(id: id, questions: questions, explanation: explanation, selected: nil,
                                         choiceCount: &choiceCount, writer: writer)
        }
        return try writer.finish(suite(choiceCount: choiceCount ?? 5, files: [name] + questions.files))
    }

    private func suite(choiceCount: Int, files: [String]) -> ImportedSuite {
        ImportedSuite(
            title: "ECQA: CommonsenseQA with explanations",
            task: CommonsenseQAQuestions.task(choiceCount: choiceCount), explanations: [.text],
            provenance: "imported from ECQA (" + files.joined(separator: ", ") + ") by candor import ecqa",
            licence: Self.licence,
            notes: ["The reference explanation is ECQA's free-flow explanation (taskB); labels are the choices' "
                + "letters in the order q_op1 … q_op5."])
    }
}
