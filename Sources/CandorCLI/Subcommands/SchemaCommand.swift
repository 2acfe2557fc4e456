import ArgumentParser
import Candor
import CandorProtocol

/// `candor schema protocol|suite`: prints the JSON Schemas of the protocol's messages or of a suite's files.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print JSON Schemas of the protocol's messages or of a suite's files.",
        discussion: """
            `candor schema protocol` prints one JSON Schema document (draft 2020-12) whose $defs hold a schema \
            for every message: hello, hello-answer, explain, predict, predict-from-explanation, simulate, \
            response and error. PROTOCOL.md explains each; its examples are checked against these schemas. \
            `candor schema suite` prints the schemas of suite.yaml (as the JSON it maps to) and of one line of a \
            split; Suites/FORMAT.md has the rules a schema cannot say, and `candor suites validate` checks them all.
            """
    )

    @Argument(help: ArgumentHelp("What to describe: `protocol` or `suite`.", valueName: "subject"))
    var subject: String

    func validate() throws {
        guard ["protocol", "suite"].contains(subject) else {
            throw ValidationError("unknown schema '\(subject)'; expected protocol or suite")
        }
    }

    func run() {
        print(subject == "suite" ? SuiteSchema.documentText : ProtocolSchema.documentText, terminator: "")
    }
}
