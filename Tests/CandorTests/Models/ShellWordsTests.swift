import Candor
import Testing

@Suite struct ShellWordsTests {
    @Test(arguments: [
        ("python3 my_model.py", ["python3", "my_model.py"]),
        ("  python3\t my_model.py  --fast\n", ["python3", "my_model.py", "--fast"]),
        ("python3 'my model.py' --name=\"a b\"", ["python3", "my model.py", "--name=a b"]),
        (#"run my\ model.py"#, ["run", "my model.py"]),
        (#"echo "say \"hi\" \\ \n""#, ["echo", #"say "hi" \ \n"#]),
        ("echo '' x", ["echo", "", "x"]),
        ("echo $HOME *.py a|b", ["echo", "$HOME", "*.py", "a|b"]),
        ("", []),
    ])
    func splitsLikeAShellWithoutExpanding(command: String, words: [String]) throws {
        #expect(try ShellWords.split(command) == words)
    }

    @Test func namesAnUnclosedQuote() {
        #expect(throws: ShellWords.SplitError.unterminatedQuote("'", offset: 8)) {
            try ShellWords.split("python3 'my model.py")
        }
        #expect(throws: ShellWords.SplitError.trailingBackslash) { try ShellWords.split(#"python3 x\"#) }
        #expect(ShellWords.SplitError.unterminatedQuote("'", offset: 8).description
            == "the ' opened at character 9 is never closed")
    }

    @Test(arguments: [
        ["candor", "run", "--model-command", "python3 my model.py", "--name", "it's"],
        ["a", "", "b\nc", "$x", "\"q\"", #"back\slash"#],
        ["plain-word_1.0=/x:y,z+@%"],
    ])
    func joinedWordsSplitBackToThemselves(words: [String]) throws {
        #expect(try ShellWords.split(ShellWords.join(words)) == words)
    }

    @Test func quotesOnlyWhatNeedsIt() {
        #expect(ShellWords.join(["candor", "run", "--shard", "1/2"]) == "candor run --shard 1/2")
        #expect(ShellWords.quote("my model") == "'my model'")
        #expect(ShellWords.quote("it's") == #"'it'\''s'"#)
        #expect(ShellWords.quote("") == "''")
    }
}
