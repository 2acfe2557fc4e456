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

    /// Pearson (phi) correlation of the shortcut flag with `label == target`.
    static func phi(_ instances: [Instance], label target: String) -> Double {
        let n = Double(instances.count)
        let s = instances.map { $0.shortcut == true ? 1.0 : 0.0 }
        let y = instances.map { $0.label == target ? 1.0 : 0.0 }
        let meanS = s.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var covariance = 0.0
        for i in s.indices { covariance += (s[i] - meanS) * (y[i] - meanY) }
        covariance /= n
        let spread = (meanS * (1 - meanS) * meanY * (1 - meanY)).squareRoot()
        return spread > 0 ? covariance / spread : 0
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
