import ArgumentParser
import Candor
import Foundation

/// The options that start an external model, shared by `run` and `score`.
struct ProcessModelOptions: ParsableArguments {
    @Option(name: .customLong("model-command"), help: ArgumentHelp(
        "An external model: the command that starts it, as one string.",
        discussion: "Split into words like a shell does, without running a shell: spaces separate words, "
            + "'…' and \"…\" quote, \\ escapes the next character; nothing is expanded. "
            + "Or give the words after `--`.",
        valueName: "command"))
    var modelCommand: String?

    @Option(help: "The external model's name in the store and on the leaderboard (default: the name it declares).")
    var name: String?

    @Option(help: "Copies of the external model's process to run side by side.")
    var workers: Int = 1

    @Option(name: .customLong("max-in-flight"), help: "Requests outstanding per process of the external model.")
    var maxInFlight: Int = 32

    @Option(help: "Seconds a request to the external model may go unanswered before its process is restarted.")
    var timeout: Double = 60

    @Option(help: "Restarts per worker of the external model after a crash, a hang or a broken pipe.")
    var restarts: Int = 3

    @Argument(parsing: .postTerminator, help: ArgumentHelp(
        "The external model's command as separate words, after `--` (instead of --model-command).",
        valueName: "command"))
    var words: [String] = []

    /// The command's words, or nil when no external model was given.
    func command() throws -> [String]? {
        if let modelCommand {
            guard words.isEmpty else {
                throw ValidationError("give the model's command once: --model-command or after --")
            }
            return try Self.words(of: modelCommand, option: "--model-command")
        }
        return words.isEmpty ? nil : words
    }

    /// A command given as one string, split into words like a shell does (without running one).
    static func words(of command: String, option: String) throws -> [String] {
        do {
            let split = try ShellWords.split(command)
            guard !split.isEmpty else { throw ValidationError("\(option): the command is empty") }
            return split
        } catch let error as ShellWords.SplitError {
            throw ValidationError("\(option): \(error)")
        }
    }

    func check() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1, found \(workers)") }
        guard maxInFlight >= 1 else {
            throw ValidationError("--max-in-flight must be at least 1, found \(maxInFlight)")
        }
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be positive, found \(timeout)")
        }
        guard restarts >= 0 else { throw ValidationError("--restarts must be 0 or more, found \(restarts)") }
        _ = try command()
    }

    /// The configuration for the command, its stderr saved beside the store; nil when no command was given.
    func configuration(store: String) throws -> ProcessModel.Configuration? {
        guard let command = try command() else { return nil }
        let logs = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("logs")
            .appendingPathComponent(ResultsFiles.fileName(forModel: name ?? command.joined(separator: " "))
                .replacingOccurrences(of: ".json", with: ""))
        return ProcessModel.Configuration(
            command: command, name: name, workers: workers, maxInFlight: maxInFlight,
            timeout: .milliseconds(Int64((timeout * 1000).rounded())), restarts: restarts, logDirectory: logs)
    }
}
