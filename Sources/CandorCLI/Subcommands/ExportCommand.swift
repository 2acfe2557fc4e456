import ArgumentParser
import Candor
import Foundation

/// `candor export`: writes `Results/<model>.json` from the store.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write each model's results from the store to Results/<model>.json.",
        discussion: """
            One file per model: suite ids, versions and content hashes, Candor's and each scorer's version, the \
            model's name, version and capabilities, and per suite, scorer and source the value with its interval, \
            n, coverage and not-applicable reasons, plus the self − reference comparisons with their verdicts. \
            Keys are sorted, so the same store always exports the same bytes.
            """
    )

    @Option(name: .customLong("model"), help: "A model key to export (e.g. reference/faithful). Repeatable; default all.")
    var models: [String] = []

    @Option(help: "The folder to write the results files into.")
    var out: String = "Results"

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let suites = try SuiteLoader.loadAll(in: URL(fileURLWithPath: workspace.suitesDir))
        let exporter = ResultsExporter(store: try workspace.openStore())
        let written = try await exporter.exportAll(suites: suites, to: URL(fileURLWithPath: out),
                                                   only: models.isEmpty ? nil : models)
        if written.isEmpty {
            let which = models.isEmpty ? "" : " for \(models.joined(separator: ", "))"
            throw CommandFailure.report("the store has no scored results\(which); run `candor run` first")
        }
        for url in written { print("wrote \(out)/\(url.lastPathComponent)") }
    }
}
