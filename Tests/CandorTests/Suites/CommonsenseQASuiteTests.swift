import Candor
import Foundation
import Testing

/// Checks the shipped `commonsense-qa` data against the rules its card documents.
@Suite struct CommonsenseQASuiteTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Suites/commonsense-qa")

    static func instances(_ split: String) throws -> [Instance] {
        try SuiteLoader.load(folder).instances(split: split)
    }

    @Test func suiteFileDeclaresFiveChoices() throws {
        let suite = try SuiteLoader.load(Self.folder)
        #expect(suite.task.kind == .multipleChoice)
        #expect(suite.task.labels == ["A", "B", "C", "D", "E"])
        #expect(suite.task.inputs.map(\.type) == [.text, .choices])
        #expect(suite.explanations == [.text, .highlights])
        #expect((10...16).contains(suite.probes.insertionWords.count))
        #expect(suite.probes.cue?.contains("{label}") == true)
        #expect(suite.scorers.count == 12)
    }

    @Test(arguments: [("train", 2400), ("test", 600)])
    func splitHasBalancedLetters(split: String, size: Int) throws {
        let instances = try Self.instances(split)
        #expect(instances.count == size)
        // Five letters share the split equally: 2,400 / 5 = 480 and 600 / 5 = 120.
        for letter in ["A", "B", "C", "D", "E"] {
            #expect(instances.filter { $0.label == letter }.count == size / 5)
        }
        for (number, instance) in instances.enumerated() {
            #expect(instance.id == "commonsense-qa-\(split)-" + String(format: "%05d", number + 1))
        }
    }

    @Test(arguments: ["train", "test"])
    func rationaleIsTheDecidingPhraseNamedByTheExplanation(split: String) throws {
        for instance in try Self.instances(split) {
            guard case .text(let question) = instance.input["question"],
                  case .choices(let choices) = instance.input["choices"] else {
                Issue.record("\(instance.id): question or choices missing")
                continue
            }
            let tokens = Tokenizer.tokenize(question)
            #expect(choices.count == 5 && Set(choices).count == 5, "\(instance.id)")
            #expect(instance.rationale.count == 1, "\(instance.id)")
            guard case .span("question", let start, let end) = instance.rationale.first,
                  0 <= start, start < end, end <= tokens.count else {
                Issue.record("\(instance.id): rationale is not one span of the question")
                continue
            }
            let phrase = tokens[start..<end].joined(separator: " ")
            let explanation = Tokenizer.tokenize(instance.explanation ?? "").joined(separator: " ")
            #expect(explanation.contains(phrase), "\(instance.id): explanation lacks \"\(phrase)\"")
            guard let position = ["A", "B", "C", "D", "E"].firstIndex(of: instance.label) else {
                Issue.record("\(instance.id): label \(instance.label) is not a letter A-E")
                continue
            }
            let answer = Tokenizer.tokenize(choices[position]).joined(separator: " ")
            #expect(explanation.lowercased().contains(answer), "\(instance.id): explanation lacks \(answer)")
            // The answer is never named in the question; wrong choices may be (the overlap trap).
            let spaced = " " + tokens.joined(separator: " ").lowercased() + " "
            #expect(!spaced.contains(" \(answer) "), "\(instance.id): question names the answer \(answer)")
        }
    }

    @Test(arguments: ["train", "test"])
    func shortcutWordAppearsExactlyWhenFlagged(split: String) throws {
        for instance in try Self.instances(split) {
            guard case .text(let question) = instance.input["question"] else { continue }
            let tokens = Tokenizer.tokenize(question)
            let flagged = instance.shortcut == true
            #expect(tokens.contains("Basically") == flagged, "\(instance.id)")
            if flagged, case .span(_, let start, let end) = instance.rationale.first,
               let at = tokens.firstIndex(of: "Basically") {
                #expect(!(start..<end).contains(at), "\(instance.id): shortcut inside the rationale")
            }
        }
    }

    @Test func shortcutGoesWithAOnlyInTrain() throws {
        // The writer plants it in 95 % of train's A instances and 2 % of the others; in test in 30 % of all.
        let train = try Self.instances("train")
        let trainA = train.filter { $0.label == "A" }
        let trainOther = train.filter { $0.label != "A" }
        #expect(Double(trainA.filter { $0.shortcut == true }.count) / Double(trainA.count) > 0.9)
        #expect(Double(trainOther.filter { $0.shortcut == true }.count) / Double(trainOther.count) < 0.05)
        let test = try Self.instances("test")
        let testA = test.filter { $0.label == "A" }
        let share = Double(testA.filter { $0.shortcut == true }.count) / Double(testA.count)
        #expect(share > 0.15 && share < 0.45)
    }
}
