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
            let counts = n <= PackedGram.capacity
                ? matchCounts(PackedGram.all(hypothesisScalars, n), PackedGram.all(referenceScalars, n))
                : matchCounts(LongGram.all(hypothesisScalars, n), LongGram.all(referenceScalars, n))
            result.hypothesis[n - 1] = counts.reference == 0 ? 0 : counts.hypothesis
            result.reference[n - 1] = counts.reference
            result.matches[n - 1] = counts.matches
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

    /// n-gram totals of two sorted lists and the size of their multiset intersection
    /// (`Σ min(count in hypothesis, count in reference)`), by one merge.
    static func matchCounts<Gram: Comparable>(_ hypothesis: [Gram], _ reference: [Gram])
        -> (hypothesis: Int, reference: Int, matches: Int) {
        var i = 0, j = 0, matches = 0
        while i < hypothesis.count && j < reference.count {
            if hypothesis[i] == reference[j] {
                matches += 1
                i += 1
                j += 1
            } else if hypothesis[i] < reference[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return (hypothesis.count, reference.count, matches)
    }

    /// An n-gram of at most 6 scalars packed into 128 bits (21 bits each, first scalar highest), so that
    /// counting n-grams is sorting two words per n-gram: no hashing, no allocation per n-gram.
    struct PackedGram: Comparable {
        static let capacity = 6
        var high: UInt64
        var low: UInt64

        static func < (a: PackedGram, b: PackedGram) -> Bool {
            a.high != b.high ? a.high < b.high : a.low < b.low
        }

        /// Every n-gram of `scalars`, sorted.
        static func all(_ scalars: [UInt32], _ n: Int) -> [PackedGram] {
            guard scalars.count >= n else { return [] }
            var grams: [PackedGram] = []
            grams.reserveCapacity(scalars.count - n + 1)
            for start in 0...(scalars.count - n) {
                var gram = PackedGram(high: 0, low: 0)
                for offset in 0..<n {
                    let value = UInt64(scalars[start + offset])
                    if offset < 3 {
                        gram.high |= value << (21 * UInt64(2 - offset))
                    } else {
                        gram.low |= value << (21 * UInt64(5 - offset))
                    }
                }
                grams.append(gram)
            }
            grams.sort()
            return grams
        }
    }

    /// An n-gram longer than ``PackedGram`` holds (orders above sacrebleu's default 6).
    struct LongGram: Comparable {
        var scalars: ArraySlice<UInt32>

        static func < (a: LongGram, b: LongGram) -> Bool {
            a.scalars.lexicographicallyPrecedes(b.scalars)
        }

        static func all(_ scalars: [UInt32], _ n: Int) -> [LongGram] {
            guard scalars.count >= n else { return [] }
            return (0...(scalars.count - n)).map { LongGram(scalars: scalars[$0..<($0 + n)]) }.sorted()
        }
    }
}
