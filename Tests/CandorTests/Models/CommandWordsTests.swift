import Candor
import Testing

/// Splitting `--model-command` strings into words, without a shell.
@Suite struct CommandWordsTests {
    @Test(arguments: [
        ("python3 my_model.py", ["python3", "my_model.py"]),
        ("  python3\t-u  model.py ", ["python3", "-u", "model.py"]),
        (#"python3 "my model.py" --name 'a b'"#, ["python3", "my model.py", "--name", "a b"]),
        (#"run --text "say \"hi\"""#, ["run", "--text", #"say "hi""#]),
        (#"run a\ b ''"#, ["run", "a b", ""]),
        ("run 'it''s'", ["run", "its"]),
        ("", []),
    ])
    func splitsOnSpacesHonouringQuotes(text: String, words: [String]) throws {
        #expect(try CommandWords.split(text) == words)
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: CommandWordsError.unclosedQuote("\"", in: #"python3 "model.py"#)) {
            try CommandWords.split(#"python3 "model.py"#)
        }
        #expect(throws: CommandWordsError.trailingBackslash(in: #"run \"#)) {
            try CommandWords.split(#"run \"#)
        }
    }
}
