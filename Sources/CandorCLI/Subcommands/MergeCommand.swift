import ArgumentParser
import Candor
import Foundation

/// `candor merge`: joins result stores (for example those of the shards of one run) into one.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge result stores into one.",
        discussion: """
            Copies runs, responses, observations and aggregates of each STORE into --out (created if absent, \
            merged into if present). A response is added when --out has none for the same model and request, \
            replaces a failed one, and never replaces a final answer (ok or a refusal). Merging a store twice \
            changes nothing. Aggregates need every instance of a suite, so after merging shards run \
            `candor score --store OUT`; the command lists the models and suites that need it.
            """
    )

    @Argument(help: ArgumentHelp("The stores to merge, in order.", valueName: "store"))
    var stores: [String]

    @Option(help: "The store to merge into.")
    var out: String

    func validate() throws {
        guard !stores.isEmpty else { throw ValidationError("give at least one store to merge") }
        for path in stores where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no store at \(path)")
        }
    }

    func run() async throws {
        do {
            let target = try ResultStore(url: URL(fileURLWithPath: out))
            for path in stores {
                let report = try await target.merge(try ResultStore(url: URL(fileURLWithPath: path)))
                print("merged \(path): \(report.runs) runs, \(report.responses) responses, \(report.observations) "
                    + "observations, \(report.aggregates) aggregates"
                    + (report.conflicts > 0 ? ", \(report.conflicts) conflicting (kept \(out)'s)" : ""))
            }
            let pending = try await target.pairsNeedingScores()
            if !pending.isEmpty {
                let keys = Array(Set(pending.map(\.modelKey))).sorted()
                print("no aggregates yet for: "
                    + pending.map { "\($0.modelKey) on \($0.suite)" }.joined(separator: ", "))
                print("next: candor score --store \(ShellWords.quote(out)) "
                    + keys.map { "--model \(ShellWords.quote($0))" }.joined(separator: " "))
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
