import Candor
import Foundation
import Testing

/// Checks the shipped `nli` suite against what its card promises: sizes, balance, the planted shortcut, and
/// rationales that follow the label rule.
@Suite struct NLISuiteDataTests {
    static let shortcutWord = "Here"

    static func instances(_ split: String) throws -> [Instance] {
        try SuiteLoader.load(ShippedSuiteData.folder("nli")).instances(split: split)
    }

    static func text(_ instance: Instance, _ field: String) -> String {
        ShippedSuiteData.text(instance, field)
    }

    @Test(arguments: [("train", 2400), ("test", 600)])
    func splitIsBalancedAndNumbered(split: String, size: Int) throws {
        let instances = try Self.instances(split)
        #expect(instances.count == size)
        for label in ["entailment", "neutral", "contradiction"] {
            #expect(instances.filter { $0.label == label }.count == size / 3)
        }
        #expect(instances.first?.id == "nli-\(split)-00001")
        #expect(instances.last?.id == String(format: "nli-\(split)-%05d", size))
    }

    /// The shortcut opens the hypothesis exactly when the instance is flagged, and occurs nowhere else.
    @Test(arguments: ["train", "test"])
    func shortcutWordOpensTheHypothesisExactlyWhenFlagged(split: String) throws {
        for instance in try Self.instances(split) {
            let hypothesis = Tokenizer.tokenize(Self.text(instance, "hypothesis"))
            let premise = Tokenizer.tokenize(Self.text(instance, "premise"))
            #expect((hypothesis.first == Self.shortcutWord) == (instance.shortcut == true), "\(instance.id)")
            #expect(hypothesis.dropFirst().contains(Self.shortcutWord) == false, "\(instance.id)")
            #expect(premise.contains(Self.shortcutWord) == false, "\(instance.id)")
        }
    }

    /// Neutral rationales sit in the hypothesis only (the premise says nothing about the added detail); the
    /// others mark the compared phrase on both sides. No span covers the shortcut or leaves its field.
    @Test(arguments: ["train", "test"])
    func rationalesFollowTheLabelRule(split: String) throws {
        for instance in try Self.instances(split) {
            let fields = Set(instance.rationale.map(\.field))
            let expected: Set<String> = instance.label == "neutral" ? ["hypothesis"] : ["premise", "hypothesis"]
            #expect(fields == expected, "\(instance.id)")
            for case .span(let field, let start, let end) in instance.rationale {
                let tokens = Tokenizer.tokenize(Self.text(instance, field))
                #expect(0 <= start && start < end && end <= tokens.count, "\(instance.id)")
                guard end <= tokens.count, start >= 0, start < end else { continue }
                #expect(!tokens[start..<end].contains(Self.shortcutWord), "\(instance.id)")
            }
        }
    }

    /// Every explanation names at least one deciding word (of three letters or more).
    @Test(arguments: ["train", "test"])
    func explanationsNameADecidingWord(split: String) throws {
        for instance in try Self.instances(split) {
            #expect(ShippedSuiteData.explanationNamesADecidingWord(instance), "\(instance.id)")
        }
    }

    /// Phi of (shortcut, label == contradiction). In train the writer plants the shortcut in 95 % of
    /// contradictions and 2 % of the rest: P(s) = 0.95/3 + 0.02·2/3 = 0.33, cov = (1/3)(0.95 − 0.33) = 0.2067,
    /// phi = 0.2067 / √(0.33·0.67 · (1/3)(2/3)) = 0.2067 / 0.2217 ≈ 0.93 in expectation. In test the shortcut is
    /// drawn independently of the label, so phi is near 0.
    @Test func shortcutCorrelatesWithContradictionInTrainOnly() throws {
        #expect(try ShippedSuiteData.phi(Self.instances("train"), label: "contradiction") >= 0.9)
        #expect(abs(try ShippedSuiteData.phi(Self.instances("test"), label: "contradiction")) < 0.15)
    }
}
