import Candor
import Testing

@Suite struct RougeLTests {
    /// Tokens as rouge-score 0.1.2's `tokenize.tokenize(text, None)` returns them (checked with the package):
    /// lower-case, runs of anything but ASCII a–z, 0–9 separate, non-ASCII letters vanish.
    @Test(arguments: [
        ("Don't stop-me now!! 42x", ["don", "t", "stop", "me", "now", "42x"]),
        ("Café naïve résumé", ["caf", "na", "ve", "r", "sum"]),
        ("\u{0130}stanbul \u{212A}", ["i", "stanbul", "k"]),
        ("日本語", []),
        ("", []),
    ])
    func tokenizesAsRougeScore(text: String, expected: [String]) {
        #expect(RougeL.tokens(text) == expected)
    }

    /// [b, c, d, a] and [a, b, x, c, a]: the longest common subsequence is b, c, a (3).
    @Test func longestCommonSubsequence() {
        #expect(RougeL.lcsLength(["b", "c", "d", "a"], ["a", "b", "x", "c", "a"]) == 3)
        #expect(RougeL.lcsLength([String](), ["a"]) == 0)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var candidate: String
        var reference: String
        var precision: Double
        var recall: Double
        var f1: Double
        var testDescription: String { "\(candidate.debugDescription) vs \(reference.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(candidate: "The cat sat on the mat.", reference: "The cat is on the mat.",
            precision: 5.0 / 6, recall: 5.0 / 6, f1: 5.0 / 6),
        Case(candidate: "It ends as a joy to watch.", reference: "The ending is a joy; it is worth watching.",
            precision: 2.0 / 7, recall: 2.0 / 9, f1: 0.25),
        Case(candidate: "\u{0130}stanbul \u{212A}", reference: "istanbul k",
            precision: 1.0 / 3, recall: 0.5, f1: 0.4),
        Case(candidate: "Identical text here.", reference: "Identical text here.", precision: 1, recall: 1, f1: 1),
        Case(candidate: "A B", reference: "a b", precision: 1, recall: 1, f1: 1),
        Case(candidate: "", reference: "A reference explanation.", precision: 0, recall: 0, f1: 0),
        Case(candidate: "", reference: "", precision: 0, recall: 0, f1: 0),
        Case(candidate: "   ", reference: "a", precision: 0, recall: 0, f1: 0),
        Case(candidate: "Café naïve résumé", reference: "cafe naive resume", precision: 0, recall: 0, f1: 0),
        Case(candidate: "日本語のテキスト", reference: "日本語の文章", precision: 0, recall: 0, f1: 0),
        Case(candidate: "ab", reference: "abc", precision: 0, recall: 0, f1: 0),
    ]

    /// Hand-checked: "the cat sat on the mat" vs "the cat is on the mat": LCS "the cat on the mat" = 5 of 6 and
    /// of 6 tokens, so P = R = F = 5/6.
    /// "it ends as a joy to watch" (7) vs "the ending is a joy it is worth watching" (9): the common words are
    /// "it", "a", "joy", and "it" comes after "a joy" in the reference, so LCS = 2: P = 2/7, R = 2/9,
    /// F = 2 × (2/7)(2/9) / (2/7 + 2/9) = (8/63) / (32/63) = 0.25.
    /// "İstanbul K" (Kelvin sign) → [i, stanbul, k] vs [istanbul, k]: LCS 1, P = 1/3, R = 1/2, F = 0.4.
    /// The remaining rows have no token in common or no token at all (empty, whitespace, Japanese), so 0;
    /// case does not matter ("A B" vs "a b" = 1).
    /// Every row was also checked with rouge-score 0.1.2: `RougeScorer(["rougeL"]).score(reference, candidate)`,
    /// which printed exactly these precision / recall / F values.
    @Test(arguments: cases)
    func scoresAsRougeScore(_ row: Case) {
        let score = RougeL.score(candidate: row.candidate, reference: row.reference)
        #expect(abs(score.precision - row.precision) < 1e-12)
        #expect(abs(score.recall - row.recall) < 1e-12)
        #expect(abs(score.f1 - row.f1) < 1e-12)
    }
}
