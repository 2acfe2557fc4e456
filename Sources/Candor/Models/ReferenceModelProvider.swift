import Foundation

/// Trains the reference model once per suite and hands out the requested explainer variants of it.
///
/// The variants share one trained model and differ only in what they explain, so that differences between
/// their scores come from the explanations alone.
public struct ReferenceModelProvider: ModelProvider {
    public var variants: [ReferenceModel.Variant]

    public init(variants: [ReferenceModel.Variant] = [.faithful]) {
        self.variants = variants.isEmpty ? [.faithful] : variants
    }

    /// One suite per core, at most 4: the model is trained and answers in this process.
    public var concurrentSuites: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) }

    public func models(for suite: Suite) async throws -> [any ExplainingModel] {
        let trained = try ReferenceModel.train(suite: suite, variant: variants[0])
        return variants.map { trained.with(variant: $0) }
    }

    /// The variants named on a command line: names of ``ReferenceModel/Variant``, or `all`; `faithful` when none.
    ///
    /// - Throws: ``RunError/unknownVariant(_:known:)`` for any other name.
    public static func variants(named names: [String]) throws -> [ReferenceModel.Variant] {
        if names.isEmpty { return [.faithful] }
        var chosen: [ReferenceModel.Variant] = []
        for name in names {
            let matches: [ReferenceModel.Variant]
            if name == "all" {
                matches = ReferenceModel.Variant.allCases
            } else if let variant = ReferenceModel.Variant(rawValue: name) {
                matches = [variant]
            } else {
                throw RunError.unknownVariant(name, known: ReferenceModel.Variant.allCases.map(\.rawValue))
            }
            for variant in matches where !chosen.contains(variant) { chosen.append(variant) }
        }
        return chosen
    }
}
