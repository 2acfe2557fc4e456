/// chrF: agreement of two texts by character n-grams, as `sacrebleu`'s `CHRF()` computes it by default.
///
/// Popović, "chrF: character n-gram F-score for automatic MT evaluation" (WMT 2015), with sacrebleu 2.x's
/// defaults: character order 6, word order 0, β = 2, case kept, whitespace removed, no ε-smoothing:
/// - whitespace (Python's `str.isspace` characters) is deleted, then for each `n` in 1…6 the texts' n-grams of
///   Unicode scalars (Python code points) are counted;
/// - per order: `hyp` = n-grams of the hypothesis, but 0 when the reference has no n-gram of that order;
///   `ref` = n-grams of the reference; `match` = `Σ min(count in hypothesis, count in reference)`;
/// - the orders with `hyp > 0` and `ref > 0` are the effective orders; `P̄` and `R̄` are the means of
///   `match/hyp` and `match/ref` over them (both 0 when there is none);
/// - `chrF = 100 × (1 + β²) P̄ R̄ / (β² P̄ + R̄)`, or 0 when `P̄ + R̄ = 0`. Scores are on sacrebleu's 0–100 scale.
///
/// The corpus score sums the per-sentence statistics first and applies the same formula once, so it is not the
/// mean of sentence scores.
public enum ChrF {
    /// sacrebleu's default character n-gram order.
    public static let defaultOrder = 6
    /// sacrebleu's default β (recall weighs β² = 4 times as much as precision).
    public static let defaultBeta = 2.0

    /// The n-gram counts of one sentence pair, or of a corpus (sums): index `n − 1` holds order `n`.
    public struct Statistics: Sendable, Hashable, Codable {
        public var hypothesis: [Int]
        public var reference: [Int]
        public var matches: [Int]

        public init(hypothesis: [Int], reference: [Int], matches: [Int]) {
            self.hypothesis = hypothesis
            self.reference = reference
            self.matches = matches
        }

        /// All zeros for `order` orders: the start of a sum.
        public init(order: Int) {
            self.init(hypothesis: Array(repeating: 0, count: order), reference: Array(repeating: 0, count: order),
                      matches: Array(repeating: 0, count: order))
        }

        /// Adds another pair's counts, order by order.
        public mutating func add(_ other: Statistics) {
            for i in 0..<min(hypothesis.count, other.hypothesis.count) {
                hypothesis[i] += other.hypothesis[i]
                reference[i] += other.reference[i]
                matches[i] += other.matches[i]
            }
        }
    }

    /// The n-gram statistics of `hypothesis` against `reference`.
    public static func statistics(hypothesis: String, reference: String, order: Int = defaultOrder) -> Statistics {
        let hypothesisScalars = withoutWhitespace(hypothesis)
        let referenceScalars = withoutWhitespace(reference)
        var result = Statistics(order: order)
        guard order >= 1 else { return result }
        for n in 1...order {
            let hypothesisGrams = ngrams(hypothesisScalars, n)
            let referenceGrams = ngrams(referenceScalars, n)
            var hypothesisCount = 0, matches = 0
            for (gram, count) in hypothesisGrams {
                hypothesisCount += count
                if let inReference = referenceGrams[gram] { matches += min(count, inReference) }
            }
            result.hypothesis[n - 1] = referenceGrams.isEmpty ? 0 : hypothesisCount
            result.reference[n - 1] = referenceGrams.values.reduce(0, +)
            result.matches[n - 1] = matches
        }
        return result
    }

    /// chrF (0–100) from statistics of one pair or summed over a corpus.
    public static func score(_ statistics: Statistics, beta: Double = defaultBeta) -> Double {
        var precision = 0.0, recall = 0.0, effectiveOrder = 0
        for i in statistics.hypothesis.indices
        where statistics.hypothesis[i] > 0 && statistics.reference[i] > 0 {
            precision += Double(statistics.matches[i]) / Double(statistics.hypothesis[i])
            recall += Double(statistics.matches[i]) / Double(statistics.reference[i])
            effectiveOrder += 1
        }
        guard effectiveOrder > 0 else { return 0 }
        precision /= Double(effectiveOrder)
        recall /= Double(effectiveOrder)
        guard precision + recall > 0 else { return 0 }
        let factor = beta * beta
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall)
    }

    /// Sentence-level chrF (0–100) of `hypothesis` against `reference`.
    public static func sentence(hypothesis: String, reference: String) -> Double {
        score(statistics(hypothesis: hypothesis, reference: reference))
    }

    /// Corpus-level chrF (0–100) from per-pair statistics: their sums, scored once.
    public static func corpus(_ pairs: [Statistics]) -> Double {
        var total = Statistics(order: pairs.first?.hypothesis.count ?? defaultOrder)
        for pair in pairs { total.add(pair) }
        return score(total)
    }

    /// Corpus-level chrF (0–100) of hypotheses against their references, pair by pair.
    public static func corpus(hypotheses: [String], references: [String]) -> Double {
        corpus(zip(hypotheses, references).map { statistics(hypothesis: $0, reference: $1) })
    }

    /// The scalars of `text` without Python's whitespace: Unicode White_Space plus U+001C…U+001F, which Python's
    /// `str.split()` also splits on.
    static func withoutWhitespace(_ text: String) -> [UInt32] {
        text.unicodeScalars.compactMap { scalar in
            scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value) ? nil : scalar.value
        }
    }

    /// An n-gram: its first 6 scalars packed into 128 bits (21 bits each), any further ones kept as they are,
    /// so the default order hashes two words and never allocates.
    struct Gram: Hashable {
        var high: UInt64
        var low: UInt64
        var rest: [UInt32]
    }

    static func ngrams(_ scalars: [UInt32], _ n: Int) -> [Gram: Int] {
        var counts: [Gram: Int] = [:]
        guard n >= 1, scalars.count >= n else { return counts }
        for start in 0...(scalars.count - n) {
            var gram = Gram(high: 0, low: 0, rest: [])
            for offset in 0..<n {
                let value = UInt64(scalars[start + offset])
                if offset < 3 {
                    gram.low |= value << (21 * UInt64(offset))
                } else if offset < 6 {
                    gram.high |= value << (21 * UInt64(offset - 3))
                } else {
                    gram.rest.append(scalars[start + offset])
                }
            }
            counts[gram, default: 0] += 1
        }
        return counts
    }
}
