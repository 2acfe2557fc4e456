import Candor
import Foundation
import Testing

/// The shipped `triage` suite, as `TriageRecipe` writes it.
@Suite struct TriageRecipeTests {
    @Test func regeneratingGivesByteIdenticalFiles() throws {
        let fresh = try GeneratedSuiteChecks.regenerate("triage")
        defer { try? FileManager.default.removeItem(at: fresh.deletingLastPathComponent()) }
        for file in GeneratedSuiteChecks.files {
            let shipped = GeneratedSuiteChecks.shippedFolder("triage").appendingPathComponent(file)
            let again = try Data(contentsOf: fresh.appendingPathComponent(file))
            #expect(try Data(contentsOf: shipped) == again, "\(file) differs after regenerating")
        }
    }

    /// 2,400 train and 600 test instances, a third of each label (800 × 3 and 200 × 3), ids numbered from 1.
    @Test(arguments: [("train", 2400), ("test", 600)])
    func sizesBalanceAndIds(split: String, size: Int) throws {
        let instances = try GeneratedSuiteChecks.instances("triage", split: split)
        #expect(instances.count == size)
        for label in ["routine", "urgent", "emergency"] {
            #expect(instances.filter { $0.label == label }.count == size / 3)
        }
        #expect(instances.first?.id == "triage-\(split)-00001")
        #expect(instances.last?.id == "triage-\(split)-\(String(format: "%05d", size))")
    }

    /// The sign-off "Cheers," appears exactly in the instances marked `shortcut`, never in a rationale; it goes
    /// with `emergency` in train (phi ≥ 0.9) and with no label in test (|phi| < 0.15).
    @Test func shortcutIsPlantedAsMarked() throws {
        for split in ["train", "test"] {
            let instances = try GeneratedSuiteChecks.instances("triage", split: split)
            for instance in instances {
                let tokens = instance.input["message"]?.tokens.map { $0.lowercased() } ?? []
                #expect(tokens.contains("cheers") == (instance.shortcut == true), "\(instance.id)")
                let evidence = GeneratedSuiteChecks.rationaleTokens(instance, field: "message").joined()
                #expect(!evidence.contains("cheers"), "\(instance.id)")
            }
            let phi = GeneratedSuiteChecks.phi(instances.map { $0.shortcut == true },
                                               instances.map { $0.label == "emergency" })
            if split == "train" { #expect(phi >= 0.9) } else { #expect(abs(phi) < 0.15) }
        }
    }

    /// Every rationale span is a valid token range that the explanation quotes word for word, and names the label.
    @Test func explanationQuotesEveryRationaleSpan() throws {
        for instance in try GeneratedSuiteChecks.instances("triage", split: "test") {
            let spans = GeneratedSuiteChecks.rationaleTokens(instance, field: "message")
            #expect(!spans.isEmpty && spans.count == instance.rationale.count, "\(instance.id)")
            let explained = Tokenizer.tokenize(instance.explanation ?? "").map { $0.lowercased() }
            #expect(explained.contains(instance.label), "\(instance.id)")
            for span in spans {
                #expect(GeneratedSuiteChecks.contains(explained, run: span), "\(instance.id): \(span)")
            }
        }
    }

    /// Denied complaints are never evidence: no rationale span follows "no" or "any", and the denial traps
    /// occur ("chest pain" denied in a message that is not an emergency).
    @Test func deniedComplaintsAreNeverEvidence() throws {
        var deniedChestPain = 0
        for instance in try GeneratedSuiteChecks.instances("triage", split: "train") {
            let tokens = instance.input["message"]?.tokens.map { $0.lowercased() } ?? []
            for piece in instance.rationale {
                guard case .span(_, let start, _) = piece, start > 0 else { continue }
                #expect(!["no", "any"].contains(tokens[start - 1]), "\(instance.id)")
            }
            if instance.label != "emergency" && GeneratedSuiteChecks.contains(tokens, run: ["no", "chest", "pain"]) {
                deniedChestPain += 1
            }
        }
        #expect(deniedChestPain > 0)
    }
}
