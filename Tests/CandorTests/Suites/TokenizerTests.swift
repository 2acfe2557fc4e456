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

/// The byte-level path for ASCII text must give exactly the tokens of the Unicode rule.
@Suite struct TokenizerASCIIPathTests {
    @Test func agreesWithTheUnicodeRuleOnRandomASCII() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab Z9.,'!?-\t\n\r$+<=>^`|~_(){}[]\"\\/:;@#%&*")
        for _ in 0..<500 {
            let length = generator.index(below: 40)
            let text = String((0..<length).map { _ in alphabet[generator.index(below: alphabet.count)] })
            #expect(Tokenizer.tokenize(text) == Tokenizer.tokens(of: text).map { String($0.text) }, "\(text.debugDescription)")
        }
    }
}
