import Foundation

/// Imports CoS-E (Rajani et al., ACL 2019): CommonsenseQA questions with open-ended explanations and a highlighted
/// part of the question, as a multiple-choice suite.
///
/// CoS-E files (`cose_dev_v1.11.jsonl`: `{"id", "explanation": {"open-ended", "selected"}}`) do not repeat the
/// questions, so they are joined by id with CommonsenseQA question files given with `questions`; an instance
/// takes the split of its question's file. `open-ended` is the reference explanation; `selected` becomes a
/// rationale span on the question where it occurs there as whole tokens (case-insensitively), and is noted when
/// it does not. The number of choices (3 in v1.0, 5 in v1.11) is fixed by the first question joined; records
/// without a question, or with another number of choices, are skipped and counted.
public struct CoSEImporter: Sendable {
    public static let licence = "BSD-3-Clause (CoS-E, Copyright (c) 2019 Salesforce); the CommonsenseQA questions are MIT"

    public var questionFiles: [URL]

    public init(questionFiles: [URL]) {
        self.questionFiles = questionFiles
    }

    public func run(path: URL, output: URL, overwrite: Bool) throws -> ImportReport {
        guard !questionFiles.isEmpty else {
            throw ImportError(file: path.lastPathComponent, line: nil, field: "--questions", found: "no question file",
                              expected: "CommonsenseQA question files to join CoS-E with (--questions FILE)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw ImportError(file: path.relativeString, line: nil, field: nil, found: "no such file or folder",
                              expected: "a CoS-E JSONL file or a folder of them")
        }
        let files = isFolder.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: path.path).sorted()
                .filter { $0.hasPrefix("cose_") && $0.hasSuffix(".jsonl") && !$0.contains("processed") }
                .map { path.appendingPathComponent($0) }
            : [path]
        guard !files.isEmpty else {
            throw ImportError(file: path.relativeString, line: nil, field: nil, found: "no cose_*.jsonl file",
                              expected: "CoS-E's JSONL files")
        }
        let questions = try CommonsenseQAQuestions(urls: questionFiles)
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        var choiceCount: Int? = nil
        for file in files {
            let name = file.lastPathComponent
            try ImportJSON.forEachLine(of: file, name: name) { value, line in
                let reader = JSONFieldReader(file: name, line: line)
                let id = try reader.string(value["id"], "id")
                let explanation = try reader.string(value["explanation"]?["open-ended"], "explanation.open-ended")
                let selected = try reader.optionalString(value["explanation"]?["selected"], "explanation.selected")
                try MultipleChoiceImport.add(id: id, questions: questions, explanation: explanation, selected: selected,
                                             choiceCount: &choiceCount, writer: writer)
            }
        }
        return try writer.finish(ImportedSuite(
            title: "CoS-E: CommonsenseQA with explanations",
            task: CommonsenseQAQuestions.task(choiceCount: choiceCount ?? 5), explanations: [.text, .highlights],
            provenance: "imported from CoS-E (" + (files.map(\.lastPathComponent) + questions.files)
                .joined(separator: ", ") + ") by candor import cose",
            licence: Self.licence,
            notes: ["The reference explanation is CoS-E's open-ended explanation; its `selected` text is a rationale "
                + "span on the question where it occurs there as whole tokens.",
                "Each instance takes the split of its CommonsenseQA question file."]))
    }
}
