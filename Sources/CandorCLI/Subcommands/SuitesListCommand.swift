import ArgumentParser
import Candor

/// `candor suites list`: one line per suite.
struct SuitesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the suites: id, version, task kind, labels, train and test sizes, title.",
        discussion: "Exits with status 1 when a suite is broken; `candor suites validate` shows why."
    )

    @OptionGroup var options: SuitesDirectoryOptions

    func run() throws {
        let report: SuiteCatalog.Report
        do {
            report = try SuiteCatalog.listing(suitesDirectory: options.suitesDirectory)
        } catch {
            throw CommandFailure.report(error)
        }
        print(report.text)
        if report.failed { throw ExitCode.failure }
    }
}
