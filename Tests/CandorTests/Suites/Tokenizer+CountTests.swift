import Candor
import Testing

/// `Tokenizer.count(of:)` must agree with `Tokenizer.tokens(of:)` on every text; the reference is the full rule.
@Suite struct TokenizerCountTests {
    @Test func agreesOnEveryASCIICharacterBetweenLetters() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in [character, "a" + character + "b", " " + character + character + " ", "\r\n" + character] {
                #expect(Tokenizer.count(of: text) == Tokenizer.tokens(of: text).count, "\(value)")
            }
        }
    }

    @Test func agreesOnSeededRandomASCIIText() {
        // A fixed linear congruential sequence over a mix of letters, digits, spaces, controls and punctuation.
        let alphabet = Array("ab Z9\t\n\r.,'$+^_-()\u{01}\u{7F}")
        var state: UInt64 = 12345
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<20 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            #expect(Tokenizer.count(of: text) == Tokenizer.tokens(of: text).count, "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["naïve café", "«Bonjour» — dit-il", "good👍 day", "a\u{00A0}b", "e\u{0301}!", "", "Don't panic!"])
    func agreesOnOtherText(text: String) {
        #expect(Tokenizer.count(of: text) == Tokenizer.tokens(of: text).count)
    }
}
