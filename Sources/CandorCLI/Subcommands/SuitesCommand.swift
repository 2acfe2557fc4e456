import ArgumentParser

/// `candor suites`: list, validate and inspect benchmark suites.
struct SuitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites",
        abstract: "List, validate and inspect benchmark suites.",
        subcommands: [SuitesListCommand.self, SuitesValidateCommand.self, SuitesShowCommand.self],
        defaultSubcommand: SuitesListCommand.self
    )
}
