import Candor

/// Builds one text field piece by piece and records which tokens are evidence, so that a rationale span is
/// exactly the tokens that decided the label.
///
/// Pieces are joined by a space unless `attached` is set (for a piece that starts with punctuation, such as
/// `", but"` or `"."`); the composer checks that tokenizing the whole text gives the pieces' tokens in order.
struct TextComposer {
    private(set) var text = ""
    private(set) var tokenCount = 0
    /// `[start, end)` token ranges marked as evidence, in order.
    private(set) var evidence: [Range<Int>] = []

    /// Appends `piece`; when `isEvidence`, its tokens become a rationale span.
    /// - Returns: the token range of the piece.
    @discardableResult
    mutating func append(_ piece: String, isEvidence: Bool = false, attached: Bool = false) -> Range<Int> {
        let tokens = Tokenizer.tokenize(piece)
        if !text.isEmpty && !attached { text += " " }
        text += piece
        let range = tokenCount..<(tokenCount + tokens.count)
        tokenCount += tokens.count
        if isEvidence && !range.isEmpty {
            if let last = evidence.last, last.upperBound == range.lowerBound {
                evidence[evidence.count - 1] = last.lowerBound..<range.upperBound
            } else {
                evidence.append(range)
            }
        }
        precondition(Tokenizer.tokenize(text).count == tokenCount,
                     "piece \"\(piece)\" merged with its neighbour; join it with a space or start it with punctuation")
        return range
    }

    /// Rationale spans of the evidence on `field`.
    func rationale(field: String) -> [GeneratedRationale] {
        evidence.map { .span(field: field, start: $0.lowerBound, end: $0.upperBound) }
    }
}
