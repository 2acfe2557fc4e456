/// A sentence as a list of pieces, some of them evidence, before it is composed into a field.
///
/// Recipes build a sentence first and compose it afterwards because the first word's capital letter depends on
/// what ends up in front of it (a planted shortcut phrase, for instance).
struct SentenceDraft {
    struct Piece {
        var text: String
        var isEvidence: Bool
        var attached: Bool
    }

    private(set) var items: [Piece] = []

    /// Adds `text`; `attached` joins it to the previous piece without a space (for punctuation).
    mutating func add(_ text: String, evidence: Bool = false, attached: Bool = false) {
        guard !text.isEmpty else { return }
        items.append(Piece(text: text, isEvidence: evidence, attached: attached))
    }

    /// Adds a comma or a full stop.
    mutating func punctuation(_ mark: String) {
        add(mark, attached: true)
    }

    /// Puts `other`'s pieces in front of these.
    mutating func prepend(_ other: SentenceDraft) {
        items = other.items + items
    }

    /// The pieces appended to `composer`, the first one capitalized when `capitalize` is set.
    func compose(into composer: inout TextComposer, capitalize: Bool = true) {
        for (index, piece) in items.enumerated() {
            let text = index == 0 && capitalize ? SentenceDraft.capitalized(piece.text) : piece.text
            composer.append(text, isEvidence: piece.isEvidence, attached: piece.attached)
        }
    }

    /// The text with its first letter in upper case.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// `word` with "a" or "an" in front, by its first letter.
    static func withArticle(_ word: String) -> String {
        guard let first = word.first else { return word }
        return ("aeiou".contains(first) ? "an " : "a ") + word
    }
}
