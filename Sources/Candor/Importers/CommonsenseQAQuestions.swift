import Foundation

/// CommonsenseQA questions (Talmor et al., NAACL 2019), which ECQA and CoS-E explain but do not repeat: JSONL lines
/// `{"answerKey", "id", "question": {"choices": [{"label", "text"}], "stem"}}`.
///
/// Held in memory by id (some 12,000 questions), since explanations arrive in another order and must be joined.
struct CommonsenseQAQuestions {
    struct Question: Sendable, Hashable {
        var stem: String
        /// Choice texts in the order of their labels.
        var choices: [String]
        /// The index of the answer among `choices`; nil for a test question without an answer.
        var answer: Int?
        /// The split of the file the question came from.
        var split: String
    }

    private(set) var byID: [String: Question] = [:]
    /// The files read, by name.
    private(set) var files: [String] = []

    /// Reads every file in `urls`.
    /// - Throws: ``ImportError`` naming the line and field of a malformed question.
    init(urls: [URL]) throws {
        for url in urls {
            let name = url.lastPathComponent
            files.append(name)
            let split = Self.split(ofFile: name)
            try ImportJSON.forEachLine(of: url, name: name) { value, line in
                let reader = JSONFieldReader(file: name, line: line)
                let id = try reader.string(value["id"], "id")
                let stem = try reader.string(value["question"]?["stem"], "question.stem")
                var choices: [(label: String, text: String)] = []
                for (index, choice) in try reader.array(value["question"]?["choices"], "question.choices").enumerated() {
                    choices.append((try reader.string(choice["label"], "question.choices[\(index)].label"),
                                    try reader.string(choice["text"], "question.choices[\(index)].text")))
                }
                choices.sort { $0.label < $1.label }
                let key = try reader.optionalString(value["answerKey"], "answerKey")
                var answer: Int? = nil
                if let key {
                    guard let index = choices.firstIndex(where: { $0.label == key }) else {
                        throw ImportError(file: name, line: line, field: "answerKey", found: "\"\(key)\"",
                                          expected: "one of the choices' labels ("
                                              + choices.map(\.label).joined(separator: ", ") + ")")
                    }
                    answer = index
                }
                byID[id] = Question(stem: stem, choices: choices.map(\.text), answer: answer, split: split)
            }
        }
    }

    /// `train_rand_split.jsonl` → `train`, `dev_rand_split.jsonl` → `dev`, `test_…` → `test`; otherwise `test`.
    static func split(ofFile name: String) -> String {
        for split in ["train", "dev", "val", "test"] where name.hasPrefix(split) || name.contains("_\(split)") {
            return split
        }
        return "test"
    }

    /// The letters `A`, `B`, … for `count` choices.
    static func letters(_ count: Int) -> [String] {
        (0..<count).map { String(UnicodeScalar(UInt8(65 + $0))) }
    }

    /// The multiple-choice task of `count` choices: a `question` text and its `choices`.
    static func task(choiceCount count: Int) -> TaskSpec {
        TaskSpec(kind: .multipleChoice, labels: letters(count),
                 inputs: [InputField(name: "question", type: .text), InputField(name: "choices", type: .choices)])
    }

    /// The Candor tokens of `text` where `quote` first occurs as whole tokens, compared case-insensitively; nil
    /// when it does not occur or has no tokens.
    static func locate(_ quote: String, in text: String) -> Range<Int>? {
        let needle = Tokenizer.tokenize(quote).map { $0.lowercased() }
        let haystack = Tokenizer.tokenize(text).map { $0.lowercased() }
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start..<(start + needle.count)
        }
        return nil
    }
}
