import Candor
import Foundation
import Testing

/// Checks the shipped `fact-check` suite against what its card promises: sizes, balance, the planted shortcut,
/// and rationales that follow the label rule.
@Suite struct FactCheckSuiteDataTests {
    static let shortcutWord = "Notably"

    static func instances(_ split: String) throws -> [Instance] {
        try SuiteLoader.load(ShippedSuiteData.folder("fact-check")).instances(split: split)
    }

    static func sentences(_ instance: Instance) -> [String] {
        if case .textList(let sentences)? = instance.input["evidence"] { return sentences }
        return []
    }

    @Test(arguments: [("train", 2400), ("test", 600)])
    func splitIsBalancedAndNumbered(split: String, size: Int) throws {
        let instances = try Self.instances(split)
        #expect(instances.count == size)
        for label in ["supported", "refuted", "not-enough-info"] {
            #expect(instances.filter { $0.label == label }.count == size / 3)
        }
        #expect(instances.first?.id == "fact-check-\(split)-00001")
        #expect(instances.last?.id == String(format: "fact-check-\(split)-%05d", size))
        #expect(instances.allSatisfy { (3...5).contains(Self.sentences($0).count) })
    }

    /// The shortcut opens the claim exactly when the instance is flagged, and occurs nowhere else.
    @Test(arguments: ["train", "test"])
    func shortcutWordOpensTheClaimExactlyWhenFlagged(split: String) throws {
        for instance in try Self.instances(split) {
            let claim = Tokenizer.tokenize(ShippedSuiteData.text(instance, "claim"))
            let evidence = Tokenizer.tokenize(ShippedSuiteData.text(instance, "evidence"))
            #expect((claim.first == Self.shortcutWord) == (instance.shortcut == true), "\(instance.id)")
            #expect(claim.dropFirst().contains(Self.shortcutWord) == false, "\(instance.id)")
            #expect(evidence.contains(Self.shortcutWord) == false, "\(instance.id)")
        }
    }

    /// Supported and refuted: one span, inside one evidence sentence, ending on that sentence's value, which is
    /// the claim's value when supported and another one when refuted. Not enough info: one span on the claim,
    /// ending on its value (just before the full stop).
    @Test(arguments: ["train", "test"])
    func rationalesFollowTheLabelRule(split: String) throws {
        for instance in try Self.instances(split) {
            var claim = Tokenizer.tokenize(ShippedSuiteData.text(instance, "claim"))
            if claim.first == Self.shortcutWord { claim.removeFirst() }
            let claimTail = Array(claim.dropLast())
            guard instance.rationale.count == 1, case .span(let field, let start, let end) = instance.rationale[0]
            else {
                Issue.record("\(instance.id): expected one span, found \(instance.rationale)")
                continue
            }
            if instance.label == "not-enough-info" {
                #expect(field == "claim" && end == claim.count - 1 + (instance.shortcut == true ? 1 : 0),
                        "\(instance.id)")
                continue
            }
            #expect(field == "evidence", "\(instance.id)")
            var bounds: [Int] = [0]
            for sentence in Self.sentences(instance) {
                bounds.append(bounds[bounds.count - 1] + Tokenizer.tokenize(sentence).count)
            }
            #expect(zip(bounds, bounds.dropFirst()).contains { $0 <= start && end <= $1 }, "\(instance.id)")
            let evidence = Tokenizer.tokenize(ShippedSuiteData.text(instance, "evidence"))
            guard 0 <= start, start < end, end <= evidence.count else { continue }
            let span = Array(evidence[start..<end])
            if instance.label == "supported" {
                // The value closes both the claim and the span; its last token is enough to compare.
                #expect(span.last == claimTail.last, "\(instance.id)")
            } else {
                // Four tokens cover every value that differs from the claim's (a person's name with a
                // hyphenated surname is the longest shared tail, three tokens).
                #expect(Array(span.suffix(4)) != Array(claimTail.suffix(4)), "\(instance.id)")
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

    /// Phi of (shortcut, label == supported); the same expectation as for `nli` (≈ 0.93 in train, see
    /// `NLISuiteDataTests`), near 0 in test.
    @Test func shortcutCorrelatesWithSupportedInTrainOnly() throws {
        #expect(try ShippedSuiteData.phi(Self.instances("train"), label: "supported") >= 0.9)
        #expect(abs(try ShippedSuiteData.phi(Self.instances("test"), label: "supported")) < 0.15)
    }
}
