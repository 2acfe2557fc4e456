/// The registry of scorers: one immutable list, looked up by id.
public enum Scorers {
    /// Every scorer Candor ships, in the order reports list them.
    public static let all: [any Scorer.Type] = [
        Comprehensiveness.self,
        Sufficiency.self,
        CounterfactualMention.self,
        BiasCue.self,
        ExplanationOnly.self,
        Las.self,
        CounterfactualSimulation.self,
        TokenF1Scorer.self,
        IOUF1Scorer.self,
        AUPRCScorer.self,
        RougeLScorer.self,
        ChrFScorer.self,
    ]

    /// The scorer with this id.
    /// - Throws: ``UnknownScorerError`` naming the closest ids ("did you mean …?").
    public static func named(_ id: String) throws(UnknownScorerError) -> any Scorer.Type {
        if let scorer = all.first(where: { $0.id == id }) { return scorer }
        throw UnknownScorerError(id: id, suggestions: suggestions(for: id))
    }

    /// The ids closest to `id` by edit distance (at most 3 edits, or a shared prefix), best first.
    public static func suggestions(for id: String) -> [String] {
        var ranked: [(id: String, distance: Int)] = []
        for scorer in all {
            let distance = EditDistance.between(scorer.id, id)
            if distance <= 3 || scorer.id.hasPrefix(id) || id.hasPrefix(scorer.id) {
                ranked.append((scorer.id, distance))
            }
        }
        ranked.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }
        return ranked.prefix(3).map { $0.id }
    }
}

/// A scorer id that is not registered.
public struct UnknownScorerError: Error, CustomStringConvertible, Equatable {
    public var id: String
    public var suggestions: [String]

    public init(id: String, suggestions: [String]) {
        self.id = id
        self.suggestions = suggestions
    }

    public var description: String {
        var text = "unknown scorer '\(id)'"
        if !suggestions.isEmpty {
            text += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        }
        return text + " (known: " + Scorers.all.map { $0.id }.joined(separator: ", ") + ")"
    }
}

/// Levenshtein distance, for "did you mean …?" on ids.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
