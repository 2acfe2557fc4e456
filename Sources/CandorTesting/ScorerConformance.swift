import Candor
import CandorProtocol

/// The checks every scorer must pass: its metadata is sane and its worked examples give the numbers computed by
/// hand. The library's tests run it over every registered scorer; a new scorer gets it for free.
public enum ScorerConformance {
    /// One failed check.
    public struct Failure: Sendable, CustomStringConvertible, Equatable {
        public var scorer: String
        public var check: String
        public var detail: String
        public var description: String { "\(scorer): \(check): \(detail)" }
    }

    /// Every failure of `scorer`; empty when it conforms.
    public static func check(_ scorer: any Scorer.Type, tolerance: Double = 1e-9) async -> [Failure] {
        var failures: [Failure] = []
        func fail(_ check: String, _ detail: String) {
            failures.append(Failure(scorer: scorer.id, check: check, detail: detail))
        }
        if scorer.id.isEmpty || scorer.id.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "-") }) {
            fail("id", "'\(scorer.id)' must be lower-case letters, digits and hyphens")
        }
        if scorer.version < 1 { fail("version", "must be at least 1, found \(scorer.version)") }
        if scorer.sources.isEmpty { fail("sources", "a scorer must apply to at least one source") }
        if scorer.observationNames.isEmpty { fail("observationNames", "must name the observation's entries") }
        if scorer.summary.isEmpty { fail("summary", "must not be empty") }
        if scorer.examples.isEmpty { fail("examples", "a scorer needs at least one worked example") }
        let instance = scorer.init()
        if instance.aggregate([]) != nil { fail("aggregate", "the aggregate of no observations must be nil") }
        for example in scorer.examples {
            let probeNames = Set(instance.probes(for: example.item, context: example.context).map(\.name))
            let unknown = Set(example.answers.keys).subtracting(probeNames)
            if !unknown.isEmpty {
                fail("example '\(example.name)'", "answers probes the scorer does not ask: \(unknown.sorted())")
            }
            let observed = await instance.observeAll([example.item] + example.companions.map(\.item),
                                                     answers: [example.answers] + example.companions.map(\.answers),
                                                     context: example.context).first
            guard let observed, matches(observed, example.expected, tolerance: tolerance) else {
                fail("example '\(example.name)'",
                     "expected \(example.expected), observed \(observed.map { "\($0)" } ?? "nothing")")
                continue
            }
            if case .values(let values) = observed, values.count != scorer.observationNames.count {
                fail("example '\(example.name)'",
                     "observation has \(values.count) entries but \(scorer.observationNames.count) names")
            }
        }
        return failures
    }

    static func matches(_ a: Observation, _ b: Observation, tolerance: Double) -> Bool {
        switch (a, b) {
        case (.notApplicable(let x), .notApplicable(let y)):
            return x == y
        case (.values(let x), .values(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { u, v in
                (u.isNaN && v.isNaN) || abs(u - v) <= tolerance
            }
        default:
            return false
        }
    }
}
