@testable import Candor
import Testing

@Suite struct TokenAlignmentTests {
    /// Source tokens `we do n't <user> "" ok` are joined as `we do n't <user>  ok`, which Candor tokenizes as
    /// we(0) do(1) n(2) '(3) t(4) <(5) user(6) >(7) ok(8): `n't` holds three Candor tokens, `<user>` three, the
    /// empty token none.
    @Test func mapsEachSourceTokenToTheCandorTokensItBecame() {
        let alignment = TokenAlignment(sourceTokens: ["we", "do", "n't", "<user>", "", "ok"])
        #expect(alignment.text == "we do n't <user>  ok")
        #expect(alignment.ranges == [0..<1, 1..<2, 2..<5, 5..<8, 8..<8, 8..<9])
        #expect(alignment.candorTokenCount == 9)
        #expect(Tokenizer.tokenize(alignment.text).count == 9)
    }

    @Test func convertsSourceSpansToCandorSpans() {
        let alignment = TokenAlignment(sourceTokens: ["we", "do", "n't", "<user>", "", "ok"])
        #expect(alignment.span(sourceStart: 2, sourceEnd: 4) == 2..<8)
        #expect(alignment.span(sourceStart: 4, sourceEnd: 5) == nil)
        #expect(alignment.span(sourceStart: 4, sourceEnd: 6) == 8..<9)
        #expect(alignment.span(sourceStart: 3, sourceEnd: 3) == nil)
        #expect(alignment.span(sourceStart: 5, sourceEnd: 7) == nil)
    }

    /// With offset 10 (a second sentence of a text list), ranges start at 10.
    @Test func numbersFromAnOffset() {
        #expect(TokenAlignment(sourceTokens: ["it", "'s"], offset: 10).ranges == [10..<11, 11..<13])
    }

    /// `A dog, fast.` → A(0) dog(1) ,(2) fast(3) .(4); its words are `A`, `dog,`, `fast.`.
    @Test func findsTheTokensOfEachWord() {
        #expect(TokenAlignment.wordRanges(of: " A dog,  fast.") == [0..<1, 1..<3, 3..<5])
        let tokens = Tokenizer.tokenize("A dog, fast.")
        #expect(TokenAlignment.trimmingPunctuation(1..<3, of: tokens) == 1..<2)
        #expect(TokenAlignment.trimmingPunctuation(2..<3, of: tokens) == 2..<3)
    }

    @Test func mergesIndicesIntoRuns() {
        #expect(SpanMerging.runs([7, 1, 2, 3, 9, 8, 2]) == [1..<4, 7..<10])
        #expect(SpanMerging.runs([Int]()) == [])
    }
}
