import Foundation

/// Joining an explanation with its CommonsenseQA question into a multiple-choice instance, shared by ECQA and
/// CoS-E.
enum MultipleChoiceImport {
    /// Adds the instance for question `id`, or skips it (no such question, no answer, another number of choices
    /// than the suite's first).
    static func add(id: String, questions: CommonsenseQAQuestions, explanation: String, selected: String?,
                    choiceCount: inout Int?, writer: ImportedSuiteWriter) throws {
        guard let question = questions.byID[id] else {
            writer.skip("no CommonsenseQA question with this id in the question files")
            return
        }
        guard let answer = question.answer else {
            writer.skip("the question has no answer key")
            return
        }
        if let expected = choiceCount, question.choices.count != expected {
            writer.skip("the question has \(question.choices.count) choices where the first had \(expected)")
            return
        }
        choiceCount = question.choices.count
        var rationale: [Rationale] = []
        if let selected, !selected.trimmingCharacters(in: .whitespaces).isEmpty {
            if let span = CommonsenseQAQuestions.locate(selected, in: question.stem) {
                rationale = [.span(field: "question", start: span.lowerBound, end: span.upperBound)]
            } else {
                writer.note("the selected span is not in the question; no rationale")
            }
        }
        let text = explanation.trimmingCharacters(in: .whitespacesAndNewlines)
        try writer.add(Instance(id: id, input: ["question": .text(question.stem), "choices": .choices(question.choices)],
                                label: CommonsenseQAQuestions.letters(question.choices.count)[answer],
                                rationale: rationale, explanation: text.isEmpty ? nil : text),
                       split: question.split)
    }
}
