import Candor
import Testing

@Suite struct ChrFTests {
    /// "ab" vs "abc". Order 1: hyp 2, ref 3, match 2 (P 1, R 2/3). Order 2: hyp 1 ("ab"), ref 2, match 1
    /// (P 1, R 1/2). Order 3: the hypothesis has no 3-gram, so not effective; orders 4–6: the reference has
    /// none, so hyp counts as 0. Effective orders 2: P̄ = 1, R̄ = (2/3 + 1/2)/2 = 7/12.
    /// chrF = 100 × 5 × 1 × 7/12 / (4 × 1 + 7/12) = 100 × (35/12) / (55/12) = 700/11 ≈ 63.6364.
    @Test func handComputedPair() {
        let statistics = ChrF.statistics(hypothesis: "ab", reference: "abc")
        #expect(statistics.hypothesis == [2, 1, 0, 0, 0, 0])
        #expect(statistics.reference == [3, 2, 1, 0, 0, 0])
        #expect(statistics.matches == [2, 1, 0, 0, 0, 0])
        #expect(abs(ChrF.sentence(hypothesis: "ab", reference: "abc") - 700.0 / 11) < 1e-9)
    }

    /// Unicode scalars are the characters. "日本語のテキスト" (8) vs "日本語の文章" (6):
    /// order 1: 4 matches of 8 and 6 (P 1/2, R 2/3); order 2: 3 of 7 and 5 (P 3/7, R 3/5); order 3: 2 of 6 and 4
    /// (P 1/3, R 1/2); order 4: 1 of 5 and 3 (P 1/5, R 1/3); orders 5, 6: 0 matches but effective.
    /// P̄ = (1/2 + 3/7 + 1/3 + 1/5)/6 = (307/210)/6 = 307/1260; R̄ = (2/3 + 3/5 + 1/2 + 1/3)/6 = 2.1/6 = 7/20.
    /// chrF = 100 × 5 P̄ R̄ / (4 P̄ + R̄) = 100 × (10745/25200) / (1669/1260) = 100 × 10745/33380 ≈ 32.18993.
    @Test func handComputedUnicodePair() {
        #expect(abs(ChrF.sentence(hypothesis: "日本語のテキスト", reference: "日本語の文章") - 100 * 10745.0 / 33380) < 1e-9)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var hypothesis: String
        var reference: String
        var expected: Double
        var testDescription: String { "\(hypothesis.debugDescription) vs \(reference.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(hypothesis: "The cat sat on the mat.", reference: "The cat is on the mat.", expected: 67.17273492330233),
        Case(hypothesis: "", reference: "A reference explanation.", expected: 0.0),
        Case(hypothesis: "", reference: "", expected: 0.0),
        Case(hypothesis: "Identical text here.", reference: "Identical text here.", expected: 100.0),
        Case(hypothesis: "Café naïve résumé", reference: "cafe naive resume", expected: 20.81807081807082),
        Case(hypothesis: "It ends as a joy to watch.", reference: "The ending is a joy; it is worth watching.",
            expected: 22.721218944704503),
        Case(hypothesis: "日本語のテキスト", reference: "日本語の文章", expected: 32.189934092270825),
        Case(hypothesis: "   ", reference: "a", expected: 0.0),
        Case(hypothesis: "A B", reference: "a b", expected: 0.0),
        Case(hypothesis: "\u{0130}stanbul \u{212A}", reference: "istanbul k", expected: 66.81216931216932),
        Case(hypothesis: "ab", reference: "abc", expected: 63.636363636363626),
    ]

    /// Expected values from sacrebleu 2.6.0, `CHRF().sentence_score(hypothesis, [reference]).score` (defaults:
    /// char order 6, word order 0, β 2, no lower-casing, whitespace removed, no ε-smoothing), printed with repr.
    /// Hand-checkable rows: identical → 100; empty hypothesis or reference → 0; "A B" vs "a b" → case differs,
    /// no n-gram matches in effective orders 1 and 2 → P̄ + R̄ = 0 → 0; whitespace only → no effective order → 0.
    @Test(arguments: cases)
    func sentenceScoresAsSacreBLEU(_ row: Case) {
        #expect(abs(ChrF.sentence(hypothesis: row.hypothesis, reference: row.reference) - row.expected) < 1e-9)
    }

    /// Corpus = statistics summed, then scored. ("ab", "abc") and ("abc", "ab"): order 1 sums (2+3, 3+2, 2+2) =
    /// (5, 5, 4); order 2 (1+2, 2+1, 1+1) = (3, 3, 2); order 3 hypothesis counts 0 + 0 (the second reference has
    /// no 3-gram), so not effective. P̄ = R̄ = (4/5 + 2/3)/2 = 11/15, and chrF = 100 × 5P̄R̄/(5P̄) = 100 × 11/15
    /// ≈ 73.333 — not the mean of the sentence scores 63.636 and 87.5. sacrebleu 2.6.0
    /// `CHRF().corpus_score(["ab", "abc"], [["abc", "ab"]]).score` gives 73.33333333333333.
    @Test func corpusSumsStatistics() {
        let corpus = ChrF.corpus(hypotheses: ["ab", "abc"], references: ["abc", "ab"])
        #expect(abs(corpus - 100 * 11.0 / 15) < 1e-9)
        #expect(abs(ChrF.sentence(hypothesis: "abc", reference: "ab") - 87.5) < 1e-9)
    }

    /// All eleven pairs above as one corpus: sacrebleu 2.6.0 `corpus_score` gives 40.89376770395767.
    @Test func corpusOfAllPairsAsSacreBLEU() {
        let score = ChrF.corpus(hypotheses: Self.cases.map(\.hypothesis), references: Self.cases.map(\.reference))
        #expect(abs(score - 40.89376770395767) < 1e-9)
    }

    /// Python's `str.split()` also treats U+001C…U+001F and U+00A0, U+3000 as whitespace, so they are removed:
    /// "a\u{1F}b\u{00A0}c\u{3000}" scores as "abc" against "abc" → 100.
    @Test func removesPythonWhitespace() {
        #expect(ChrF.sentence(hypothesis: "a\u{1F}b\u{00A0}c\u{3000}", reference: "abc") == 100)
    }

    /// Orders above 6 take the unpacked path. "abcdefghab" vs "abcdefgh": order 7 has 4 hypothesis n-grams
    /// (abcdefg, bcdefgh, cdefgha, defghab), 2 reference ones, 2 matches; order 8 has 3, 1 and 1. Orders 1–6
    /// are the same as with the default order.
    @Test func ordersAboveSix() {
        let long = ChrF.statistics(hypothesis: "abcdefghab", reference: "abcdefgh", order: 8)
        let short = ChrF.statistics(hypothesis: "abcdefghab", reference: "abcdefgh")
        #expect(Array(long.hypothesis.suffix(2)) == [4, 3])
        #expect(Array(long.reference.suffix(2)) == [2, 1])
        #expect(Array(long.matches.suffix(2)) == [2, 1])
        #expect(Array(long.matches.prefix(6)) == short.matches)
        #expect(Array(long.hypothesis.prefix(6)) == short.hypothesis)
    }
}
