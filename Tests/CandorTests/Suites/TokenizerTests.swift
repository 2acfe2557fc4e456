import Candor
import Testing

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("Don't panic!", ["Don", "'", "t", "panic", "!"]),
        ("3.5 stars, $20.", ["3", ".", "5", "stars", ",", "$", "20", "."]),
        ("", []),
        ("  \n\t ", []),
        ("naïve café", ["naïve", "café"]),
        ("«Bonjour» — dit-il", ["«", "Bonjour", "»", "—", "dit", "-", "il"]),
        ("good👍 day", ["good👍", "day"]),
        ("a\u{00A0}b\u{2003}c", ["a", "b", "c"]),
        ("(x+y)=z", ["(", "x", "+", "y", ")", "=", "z"]),
    ])
    func splitsOnSpaceAndPunctuation(text: String, expected: [String]) {
        #expect(Tokenizer.tokenize(text) == expected)
    }

    @Test func rangesPointIntoTheText() {
        let text = "Hello, world"
        let tokens = Tokenizer.tokens(of: text)
        #expect(tokens.map { String(text[$0.range]) } == ["Hello", ",", "world"])
    }

    @Test func combiningMarksStayInTheirWord() {
        let text = "cafe\u{0301}s"
        #expect(Tokenizer.tokenize(text) == [text])
    }
}
