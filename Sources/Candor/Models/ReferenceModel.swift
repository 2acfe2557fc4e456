// STAND-IN: replaced by the real reference model at merge.
import CandorProtocol

public struct ReferenceModel: ExplainingModel {
    public enum Variant: String, CaseIterable, Sendable { case faithful, shuffled, inverted, plausible }

    let labels: [String]
    let firstTextField: String?
    public private(set) var variant: Variant
    public private(set) var trainingSeconds: Double

    public static func train(suite: Suite, variant: Variant = .faithful) throws -> ReferenceModel {
        ReferenceModel(labels: suite.task.labels,
                       firstTextField: suite.task.inputs.first { $0.type == .text || $0.type == .textList }?.name,
                       variant: variant, trainingSeconds: 0)
    }

    public func with(variant: Variant) -> ReferenceModel {
        var copy = self
        copy.variant = variant
        return copy
    }

    public var descriptor: ModelDescriptor {
        ModelDescriptor(name: "reference", version: CandorInfo.version,
                        capabilities: [.probabilities, .highlights, .text])
    }

    public var key: String { "reference/\(variant.rawValue)" }

    public func respond(to requests: [Request]) async -> [Outcome] {
        requests.map { request in
            let probability = labels.isEmpty ? 0 : 1 / Double(labels.count)
            let highlights = firstTextField.map { [Highlight(field: $0, tokens: [0])] }
            return .ok(Response(id: request.id, label: labels.first,
                                probabilities: Dictionary(labels.map { ($0, probability) },
                                                          uniquingKeysWith: { first, _ in first }),
                                explanation: WireExplanation(text: "the first token", highlights: highlights)))
        }
    }
}
