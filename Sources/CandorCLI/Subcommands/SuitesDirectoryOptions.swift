import ArgumentParser

/// The option every `candor suites` command shares: where the suite folders are.
struct SuitesDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("suites-dir"), help: ArgumentHelp(
        "The folder holding one subfolder per suite.", valueName: "path"))
    var suitesDirectory = "Suites"
}
