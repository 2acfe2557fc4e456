/// Maps a dataset's own tokens onto Candor's tokens, so that the dataset's token offsets become valid rationale
/// spans.
///
/// Datasets ship pre-tokenized text (ERASER documents, HateXplain posts) or mark words split on spaces (e-SNLI).
/// Candor's tokenizer splits further (`n't` → `n`, `'`, `t`; `<user>` → `<`, `user`, `>`), so an importer
/// rebuilds the text by joining the source tokens with single spaces (a space always separates Candor tokens,
/// so no two source tokens ever merge) and records, for each source token, the range of Candor tokens that its
/// characters became. A source span `[s, e)` then becomes the Candor span from the first Candor token of `s` to
/// the last of `e − 1`. A source token with no Candor token (empty, or all whitespace) has an empty range and
/// contributes nothing; a span made only of such tokens has no Candor span.
///
/// Each Candor token belongs to the last source token that starts at or before its first character (a character
/// that joins the space before it into one grapheme thus stays with the token before the space).
struct TokenAlignment: Sendable, Hashable {
    /// The rebuilt text: the source tokens joined with single spaces.
    let text: String
    /// For each source token, its Candor tokens `[lower, upper)` (indices into ``candorTokenCount``'s tokens).
    let ranges: [Range<Int>]
    /// How many Candor tokens the text has.
    let candorTokenCount: Int

    /// Aligns `sourceTokens`, numbering Candor tokens from `offset` (for a text list, the tokens of the sentences
    /// before this one).
    init(sourceTokens: [String], offset: Int = 0) {
        var text = ""
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(sourceTokens.count)
        for (index, token) in sourceTokens.enumerated() {
            if index > 0 { text += " " }
            let start = text.utf8.count
            text += token
            bounds.append(start..<text.utf8.count)
        }
        let starts = Tokenizer.tokens(of: text).map { text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bounds.count)
        var next = 0
        for index in bounds.indices {
            let first = next
            let limit = index + 1 < bounds.count ? bounds[index + 1].lowerBound : Int.max
            while next < starts.count && starts[next] < limit { next += 1 }
            ranges.append((offset + first)..<(offset + next))
        }
        self.text = text
        self.ranges = ranges
        self.candorTokenCount = starts.count
    }

    /// The Candor span covering source tokens `[start, end)`; nil when the range is empty, reaches outside the
    /// source tokens, or covers only tokens with no Candor token.
    func span(sourceStart start: Int, sourceEnd end: Int) -> Range<Int>? {
        guard start >= 0, start < end, end <= ranges.count else { return nil }
        let lower = ranges[start].lowerBound
        let upper = ranges[end - 1].upperBound
        return lower < upper ? lower..<upper : nil
    }
}

extension TokenAlignment {
    /// For each whitespace-separated word of `text`, the range of Candor tokens it holds (a Candor token never
    /// spans whitespace, so every token lies in exactly one word).
    static func wordRanges(of text: String) -> [Range<Int>] {
        let tokens = Tokenizer.tokens(of: text)
        var ranges: [Range<Int>] = []
        var next = 0
        var index = text.startIndex
        while index < text.endIndex {
            guard !Tokenizer.isSpace(text[index]) else {
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex && !Tokenizer.isSpace(text[end]) { end = text.index(after: end) }
            let first = next
            while next < tokens.count && tokens[next].range.lowerBound < end { next += 1 }
            ranges.append(first..<next)
            index = end
        }
        return ranges
    }

    /// `range` without punctuation tokens at either end, unless it holds nothing else (so a highlighted word
    /// `lunch.` highlights `lunch`, and a highlighted `!` stays highlighted).
    static func trimmingPunctuation(_ range: Range<Int>, of tokens: [String]) -> Range<Int> {
        let isPunctuation: (Int) -> Bool = { index in
            let token = tokens[index]
            return token.count == 1 && Tokenizer.isPunctuation(token.first!)
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isPunctuation(lower) { lower += 1 }
        while upper > lower && isPunctuation(upper - 1) { upper -= 1 }
        return lower < upper ? lower..<upper : range
    }
}
