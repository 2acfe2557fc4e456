import Candor
import Foundation
import Testing

/// The shipped `sentiment` suite, as `SentimentRecipe` writes it.
@Suite struct SentimentRecipeTests {
    @Test func regeneratingGivesByteIdenticalFiles() throws {
        let fresh = try GeneratedSuiteChecks.regenerate("sentiment")
        defer { try? FileManager.default.removeItem(at: fresh.deletingLastPathComponent()) }
        for file in GeneratedSuiteChecks.files {
            let shipped = GeneratedSuiteChecks.shippedFolder("sentiment").appendingPathComponent(file)
            let again = try Data(contentsOf: fresh.appendingPathComponent(file))
            #expect(try Data(contentsOf: shipped) == again, "\(file) differs after regenerating")
        }
    }

    /// 2,400 train and 600 test instances, half of each label (1,200 + 1,200 and 300 + 300), ids numbered from 1.
    @Test(arguments: [("train", 2400), ("test", 600)])
    func sizesBalanceAndIds(split: String, size: Int) throws {
        let instances = try GeneratedSuiteChecks.instances("sentiment", split: split)
        #expect(instances.count == size)
        #expect(instances.filter { $0.label == "positive" }.count == size / 2)
        #expect(instances.filter { $0.label == "negative" }.count == size / 2)
        #expect(instances.first?.id == "sentiment-\(split)-00001")
        #expect(instances.last?.id == "sentiment-\(split)-\(String(format: "%05d", size))")
    }

    /// The filler word appears exactly in the instances marked `shortcut`, never in a rationale; it goes with
    /// `positive` in train (phi ≥ 0.9) and with neither label in test (|phi| < 0.15).
    @Test func shortcutIsPlantedAsMarked() throws {
        for split in ["train", "test"] {
            let instances = try GeneratedSuiteChecks.instances("sentiment", split: split)
            for instance in instances {
                let tokens = instance.input["review"]?.tokens.map { $0.lowercased() } ?? []
                #expect(tokens.contains("incidentally") == (instance.shortcut == true), "\(instance.id)")
                let evidence = GeneratedSuiteChecks.rationaleTokens(instance, field: "review").joined()
                #expect(!evidence.contains("incidentally"), "\(instance.id)")
            }
            let phi = GeneratedSuiteChecks.phi(instances.map { $0.shortcut == true },
                                               instances.map { $0.label == "positive" })
            if split == "train" { #expect(phi >= 0.9) } else { #expect(abs(phi) < 0.15) }
        }
    }

    /// Every rationale span is a valid token range that the explanation quotes word for word.
    @Test func explanationQuotesEveryRationaleSpan() throws {
        for instance in try GeneratedSuiteChecks.instances("sentiment", split: "test") {
            let spans = GeneratedSuiteChecks.rationaleTokens(instance, field: "review")
            #expect(!spans.isEmpty && spans.count == instance.rationale.count, "\(instance.id)")
            let explained = Tokenizer.tokenize(instance.explanation ?? "").map { $0.lowercased() }
            for span in spans {
                #expect(GeneratedSuiteChecks.contains(explained, run: span), "\(instance.id): \(span)")
            }
        }
    }

    /// The negation traps: "not bad" only ever praises, "hardly brilliant" only ever criticises, and both are
    /// evidence wherever they occur; a bare "brilliant" never decides a negative review.
    @Test func negatedPhrasesCarryTheFlippedPolarity() throws {
        var notBad = 0
        var hardlyBrilliant = 0
        for instance in try GeneratedSuiteChecks.instances("sentiment", split: "train") {
            let spans = GeneratedSuiteChecks.rationaleTokens(instance, field: "review")
            if spans.contains(where: { GeneratedSuiteChecks.contains($0, run: ["not", "bad"]) }) {
                notBad += 1
                #expect(instance.label == "positive", "\(instance.id)")
            }
            if spans.contains(["hardly", "brilliant"]) {
                hardlyBrilliant += 1
                #expect(instance.label == "negative", "\(instance.id)")
            }
            if spans.contains(["brilliant"]) { #expect(instance.label == "positive", "\(instance.id)") }
        }
        // Both traps must actually occur, or the checks above prove nothing.
        #expect(notBad > 0 && hardlyBrilliant > 0)
    }
}
