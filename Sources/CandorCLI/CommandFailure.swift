import ArgumentParser
import Foundation

/// Turns a library error into what a person should see: its message on stderr and exit status 1, no trace.
enum CommandFailure {
    static func report(_ error: any Error) -> ExitCode {
        // Already reported (an inner step printed its message and gave up).
        if let exit = error as? ExitCode { return exit }
        return report("\(error)")
    }

    static func report(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode.failure
    }
}
