/// ROUGE-L: agreement of two texts by their longest common subsequence of words, as Google's `rouge-score`
/// package computes it by default.
///
/// Lin, "ROUGE: A Package for Automatic Evaluation of Summaries" (2004), §3.1, with β = 1, exactly as
/// `rouge_score.rouge_scorer.RougeScorer(["rougeL"])` (no stemmer) scores a pair:
/// - tokens: the text lower-cased (full Unicode lower-case mapping, as Python's `str.lower`), then every run of
///   characters other than ASCII `a`–`z` and `0`–`9` is a separator. So non-ASCII letters split words and vanish:
///   `"Café"` → `["caf"]`, `"naïve"` → `["na", "ve"]`, and a text in another script has no tokens at all. (Two
///   non-ASCII characters lower-case to ASCII: `İ` gives `i` and the Kelvin sign gives `k`.)
/// - `LCS` is the length of the longest common subsequence of the token lists;
///   `P = LCS / |candidate|`, `R = LCS / |reference|`, `F = 2PR / (P + R)` (0 when `P + R = 0`);
/// - when either text has no token, `P = R = F = 0`.
public enum RougeL {
    /// The words of `text` as `rouge-score`'s default tokenizer finds them.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                if ("a"..."z").contains(lowered) || ("0"..."9").contains(lowered) {
                    current.append(lowered)
                } else if !current.isEmpty {
                    result.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The length of the longest common subsequence of `a` and `b`.
    /// - Complexity: O(|a| × |b|) time, O(|b|) memory.
    public static func lcsLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ROUGE-L precision, recall and F1 of `candidate` against `reference`.
    public static func score(candidate: String, reference: String) -> PrecisionRecallF1 {
        let candidateTokens = tokens(candidate)
        let referenceTokens = tokens(reference)
        guard !candidateTokens.isEmpty, !referenceTokens.isEmpty else {
            return PrecisionRecallF1(precision: 0, recall: 0, f1: 0)
        }
        let common = Double(lcsLength(referenceTokens, candidateTokens))
        return PrecisionRecallF1(precision: common / Double(candidateTokens.count),
                                 recall: common / Double(referenceTokens.count))
    }
}
