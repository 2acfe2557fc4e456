import ArgumentParser
import Candor
import Foundation

/// Where a command finds the suites and the result store: `--suites-dir` and `--store`, shared by every command
/// that reads or writes the store.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "The result store (SQLite).")
    var store: String = ResultStore.defaultPath

    @Option(name: .customLong("suites-dir"), help: "The folder holding one folder per suite.")
    var suitesDir: String = "Suites"

    /// The store, opened (and created or migrated when needed).
    func openStore() throws -> ResultStore {
        try ResultStore(url: URL(fileURLWithPath: store))
    }

    /// The suites named by `ids` in `--suites-dir` (every suite there when `ids` is empty).
    func suites(named ids: [String]) throws -> [Suite] {
        try Runner.suites(named: ids, in: URL(fileURLWithPath: suitesDir))
    }

    /// Where external models' stderr logs go: `logs/` beside the store.
    var logFolder: URL {
        URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("logs")
    }
}
