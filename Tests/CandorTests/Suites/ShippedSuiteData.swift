import Candor
import Foundation

/// Shared reading of the shipped suites for the tests that check their data.
enum ShippedSuiteData {
    /// `Suites/<id>` of the checkout these tests were built from.
    static func folder(_ id: String) -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Suites").appendingPathComponent(id)
    }

    /// Pearson (phi) correlation of the shortcut flag with `label == target`, by the library's one phi.
    static func phi(_ instances: [Instance], label target: String) -> Double {
        var counts = (n11: 0, n10: 0, n01: 0, n00: 0)
        for instance in instances {
            switch (instance.shortcut == true, instance.label == target) {
            case (true, true): counts.n11 += 1
            case (true, false): counts.n10 += 1
            case (false, true): counts.n01 += 1
            case (false, false): counts.n00 += 1
            }
        }
        return SuiteSummary.phi(n11: counts.n11, n10: counts.n10, n01: counts.n01, n00: counts.n00) ?? 0
    }

    /// Whether the explanation of `instance` names at least one of its rationale words of three letters or more.
    static func explanationNamesADecidingWord(_ instance: Instance) -> Bool {
        let explanation = (instance.explanation ?? "").lowercased()
        var words: [String] = []
        for case .span(let field, let start, let end) in instance.rationale {
            let tokens = Tokenizer.tokenize(text(instance, field))
            guard 0 <= start, start < end, end <= tokens.count else { continue }
            words += tokens[start..<end].filter { $0.count >= 3 }
        }
        return words.contains { explanation.contains($0.lowercased()) }
    }

    /// The text of a text field, or of a text-list field's sentences joined, or "" for anything else.
    static func text(_ instance: Instance, _ field: String) -> String {
        switch instance.input[field] {
        case .text(let text)?: text
        case .textList(let sentences)?: sentences.joined(separator: " ")
        default: ""
        }
    }
}
