import ArgumentParser
import Candor

/// `candor suites validate [PATH...]`: every problem of every suite, in one pass.
struct SuitesValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check suite folders against the suite format and report every problem.",
        discussion: """
            Prints "ok <id> (<n> instances)" for each good suite and, for a broken one, every problem as \
            file:line: field: found ..., expected .... Exits with status 1 when any suite is broken.
            """
    )

    @OptionGroup var options: SuitesDirectoryOptions

    @Argument(help: ArgumentHelp(
        "Suite folders to check (default: every folder under --suites-dir).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let report: SuiteCatalog.Report
        do {
            report = try SuiteCatalog.validate(paths, suitesDirectory: options.suitesDirectory)
        } catch {
            throw CommandFailure.report(error)
        }
        print(report.text)
        if report.failed { throw ExitCode.failure }
    }
}
