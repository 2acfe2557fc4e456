import ArgumentParser
import CandorProtocol

/// `candor schema protocol`: prints the JSON Schemas of the protocol's messages.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print JSON Schemas of the protocol's messages.",
        discussion: """
            `candor schema protocol` prints one JSON Schema document (draft 2020-12) whose $defs hold a schema \
            for every message: hello, hello-answer, explain, predict, predict-from-explanation, simulate, \
            response and error. PROTOCOL.md explains each; its examples are checked against these schemas.
            """
    )

    @Argument(help: ArgumentHelp("What to describe: `protocol`.", valueName: "subject"))
    var subject: String

    func validate() throws {
        guard subject == "protocol" else {
            throw ValidationError("unknown schema '\(subject)'; expected: protocol")
        }
    }

    func run() {
        print(ProtocolSchema.documentText, terminator: "")
    }
}
