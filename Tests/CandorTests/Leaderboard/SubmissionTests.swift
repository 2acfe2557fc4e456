import Candor
import Foundation
import Testing

@Suite struct SubmissionTests {
    /// Writes `text` as `<name>.yaml` in a scratch folder and returns its URL.
    static func file(_ text: String, name: String = "my-model") throws -> URL {
        let url = try FixtureFolder.scratch().appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func problems(_ text: String, name: String = "my-model") throws -> [String] {
        let url = try file(text, name: name)
        do {
            _ = try Submission.load(from: url, file: "Submissions/\(name).yaml")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func readsEveryField() throws {
        let url = try Self.file("""
            format: 1
            command: python3 "models/my model.py" --fast
            working-directory: models
            description: A model.
            contact: someone@example.org
            environment: {SEED: "7"}
            options:
              workers: 2
              max-in-flight: 8
              timeout: 2.5
              restarts: 0
            """)
        let submission = try Submission.load(from: url)
        #expect(submission.name == "my-model")
        #expect(submission.command == ["python3", "models/my model.py", "--fast"])
        #expect(submission.workingDirectory == "models")
        #expect(submission.description == "A model.")
        #expect(submission.contact == "someone@example.org")
        #expect(submission.environment == ["SEED": "7"])
        #expect(submission.workers == 2 && submission.maxInFlight == 8 && submission.restarts == 0)
        #expect(submission.timeout == 2.5)
        #expect(submission.fileHash == RequestHash.sha256(try Data(contentsOf: url)))

        let root = URL(fileURLWithPath: "/repo")
        let configuration = submission.configuration(root: root)
        #expect(configuration.name == "my-model")
        #expect(configuration.command == submission.command)
        #expect(configuration.workingDirectory?.path == "/repo/models")
        #expect(configuration.timeout == .milliseconds(2500))
        #expect(configuration.workers == 2 && configuration.maxInFlight == 8 && configuration.restarts == 0)
    }

    @Test func defaultsTheOptionsAndTakesACommandAsAList() throws {
        let submission = try Submission.load(from: try Self.file("""
            command: [python3, "my model.py"]
            description: d
            contact: c
            """))
        #expect(submission.command == ["python3", "my model.py"])
        #expect(submission.workers == 1 && submission.maxInFlight == 32 && submission.timeout == 60)
        #expect(submission.restarts == 3 && submission.environment.isEmpty && submission.workingDirectory == nil)
    }

    @Test func theExampleSubmissionLoads() throws {
        let url = FixtureFolder.projectRoot.appendingPathComponent("Examples/submissions/keyword-model.yaml")
        let submission = try Submission.load(from: url)
        #expect(submission.name == "keyword-model")
        #expect(submission.command == ["python3", "Examples/python/keyword_model.py"])
    }

    @Test(arguments: [
        ("command: x\ndescription: d\ncontact: c\ncolour: red\n",
         "Submissions/my-model.yaml:4: colour: found an unknown key, expected one of format, command, "
            + "working-directory, description, contact, environment, options"),
        ("description: d\ncontact: c\n",
         "Submissions/my-model.yaml:1: command: found nothing, expected the command that starts the model"),
        ("command: x\ndescription: d\ncontact: c\noptions:\n  workers: two\n",
         "Submissions/my-model.yaml:5: options.workers: found \"two\", expected a whole number"),
        ("command: x\ndescription: d\ncontact: c\noptions:\n  workers: 0\n",
         "Submissions/my-model.yaml:5: options.workers: found 0, expected at least 1"),
        ("command: x\ndescription: d\ncontact: c\noptions:\n  timeout: -1\n",
         "Submissions/my-model.yaml:5: options.timeout: found \"-1\", expected seconds, more than 0"),
        ("command: \"python3 'x\"\ndescription: d\ncontact: c\n",
         "Submissions/my-model.yaml:1: command: found \"python3 \\'x\": the ' opened at character 9 is never closed, "
            + "expected a command split like a shell does"),
        ("command: x\ndescription: \"\"\ncontact: c\n",
         "Submissions/my-model.yaml:2: description: found an empty string, expected a non-empty string"),
        ("format: 2\ncommand: x\n",
         "Submissions/my-model.yaml:1: format: found 2, expected at most 1 (format 2 is newer than this Candor "
            + "supports)"),
        ("command: x\ncommand: y\ndescription: d\ncontact: c\n",
         "Submissions/my-model.yaml:1: command: found a key given more than once, expected each key once"),
        ("- a list\n", "Submissions/my-model.yaml:1: found a list, expected a mapping with command, description "
            + "and contact"),
    ])
    func namesFileLineFieldFoundAndExpected(text: String, message: String) throws {
        let problems = try Self.problems(text)
        #expect(problems.contains(message), "got: \(problems)")
    }

    @Test func reportsEveryProblemAtOnce() throws {
        let problems = try Self.problems("command: []\ncontact: 3\noptions: {restarts: -1, colour: 1}\n")
        // The empty command, the missing description, restarts < 0 and the unknown option: four problems.
        // (`contact: 3` is a scalar and reads as the string "3".)
        #expect(problems.count == 4, "got: \(problems)")
    }

    @Test(arguments: ["reference", "reference-shuffled", "My-Model", "-x", "a b", String(repeating: "x", count: 65)])
    func refusesNamesThatCannotBeARow(name: String) throws {
        let problems = try Self.problems("command: x\ndescription: d\ncontact: c\n", name: name)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Submissions/\(name).yaml: found the name") == true, "got: \(problems)")
    }

    @Test func loadsAFolderAndGathersTheProblemsOfEveryFile() throws {
        let folder = try FixtureFolder.scratch()
        try Data("command: x\ndescription: d\ncontact: c\n".utf8).write(to: folder.appendingPathComponent("b.yaml"))
        try Data("command: x\ndescription: d\ncontact: c\n".utf8).write(to: folder.appendingPathComponent("a.yaml"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("README.md"))
        #expect(try Submission.loadAll(in: folder).map(\.name) == ["a", "b"])
        try Data("command: x\n".utf8).write(to: folder.appendingPathComponent("c.yaml"))
        try Data("description: d\ncontact: c\n".utf8).write(to: folder.appendingPathComponent("d.yaml"))
        #expect(throws: SubmissionError.self) { try Submission.loadAll(in: folder) }
        do {
            _ = try Submission.loadAll(in: folder, displayedAs: "Submissions")
        } catch {
            let files = Set(error.issues.map(\.file))
            #expect(files == ["Submissions/c.yaml", "Submissions/d.yaml"])
            #expect(error.issues.count == 3)
        }
        #expect(try Submission.loadAll(in: folder.appendingPathComponent("absent")).isEmpty)
    }
}
