import ArgumentParser
import Candor

/// `candor suites show ID`: what is in a suite.
struct SuitesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a suite: label balance, rationale size, shortcut correlation and example instances."
    )

    @OptionGroup var options: SuitesDirectoryOptions

    @Argument(help: ArgumentHelp("The suite's id (its folder name under --suites-dir).", valueName: "id"))
    var id: String

    func run() throws {
        let summary: SuiteSummary
        do {
            summary = try SuiteSummary(SuiteCatalog.suite(id: id, suitesDirectory: options.suitesDirectory))
        } catch let error as SuiteValidationError {
            throw CommandFailure.report("suite '\(id)' is broken:\n" + error.description(under: options.suitesDirectory))
        } catch {
            throw CommandFailure.report(error)
        }
        print(summary.report)
    }
}
