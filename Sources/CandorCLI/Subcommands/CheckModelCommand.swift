import ArgumentParser
import Candor
import CandorTesting
import Foundation

/// `candor check-model`: a protocol conformance report for an external model.
struct CheckModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-model",
        abstract: "Check that an external model keeps the protocol: a pass or fail per check.",
        discussion: """
            Launches the model, completes the handshake, explains and predicts real instances of a suite, \
            exercises every capability the model declares, sends many requests at once, closes its stdin and \
            watches it exit. Prints one line per check and exits 1 when any check fails. Give the command with \
            --model-command "python3 my_model.py" or after --: candor check-model -- python3 my_model.py
            """
    )

    @Option(name: .customLong("model-command"),
            help: ArgumentHelp("The model's command line, split into words (quotes group words; no shell).",
                               valueName: "command"))
    var modelCommand: String?

    @Option(name: .customLong("suite"), help: "The suite whose test instances the checks use.")
    var suite: String = "sentiment"

    @Option(help: "How many test instances to explain and predict.")
    var instances: Int = 20

    @Option(help: ArgumentHelp("Seconds a request may go unanswered.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .customLong("startup-timeout"),
            help: ArgumentHelp("Seconds the model may take to answer hello.", valueName: "seconds"))
    var startupTimeout: Double = 30

    @OptionGroup var suitesDirectory: SuitesDirectoryOptions

    @Argument(parsing: .postTerminator, help: "The model's program and arguments, after --.")
    var command: [String] = []

    func validate() throws {
        guard (modelCommand == nil) != command.isEmpty else {
            throw ValidationError("give the model's command either with --model-command or after --, not both")
        }
        guard instances >= 1 else { throw ValidationError("--instances must be at least 1, found \(instances)") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive, found \(timeout)") }
        guard startupTimeout > 0 else {
            throw ValidationError("--startup-timeout must be positive, found \(startupTimeout)")
        }
    }

    func run() async throws {
        let report: ConformanceReport
        do {
            let words = try modelCommand.map(ShellWords.split) ?? command
            guard !words.isEmpty else { throw ValidationError("the model's command is empty") }
            let chosen = try Runner.suites(named: [suite], in: URL(fileURLWithPath: suitesDirectory.suitesDirectory))
            let configuration = ProcessModel.Configuration(
                command: words, timeout: .milliseconds(Int(timeout * 1000)),
                startupTimeout: .milliseconds(Int(startupTimeout * 1000)), restarts: 1)
            report = await ModelConformance(suite: chosen[0], instances: instances).check(command: configuration)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw CommandFailure.report(error)
        }
        print(report.text, terminator: "")
        if !report.passed { throw ExitCode.failure }
    }
}
