import ArgumentParser
import Candor
import Foundation

/// `candor leaderboard`: regenerates LEADERBOARD.md (and optional HTML, JUnit and JSON) from Results/ alone.
struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Regenerate LEADERBOARD.md from the results files.",
        discussion: """
            Reads only Results/*.json (and Results/sanity.json), so CI can refresh the leaderboard without running \
            any model. The block between `\(MarkdownLeaderboard.beginMarker)` and \
            `\(MarkdownLeaderboard.endMarker)` is rewritten; the rest of the file is kept as written.
            """
    )

    @Option(help: "The folder of results files.")
    var results: String = "Results"

    @Option(help: "The leaderboard file.")
    var file: String = "LEADERBOARD.md"

    @Flag(help: "Do not write: exit 1 and print a diff when the file is not what the results produce.")
    var check = false

    @Option(help: "Also write a self-contained HTML page (tables and SVG charts) as DIR/index.html.")
    var html: String?

    @Option(help: "Also write JUnit XML (one test case per model × suite, and the sanity checks) to this file.")
    var junit: String?

    @Option(help: "Also write a machine-readable JSON summary to this file.")
    var json: String?

    @Option(name: .customLong("max-failure-rate"),
            help: "In the JUnit report, a model × suite fails when more than this share of its requests failed.")
    var maxFailureRate: Double = 0.01

    func run() throws {
        let (models, sanity): ([ModelResults], SanityMatrix?)
        do {
            (models, sanity) = try ResultsFiles.readAll(in: URL(fileURLWithPath: results))
        } catch {
            throw CommandFailure.report(error)
        }
        if models.isEmpty { throw CommandFailure.report("\(results) holds no results files; run `candor export` first") }
        let url = URL(fileURLWithPath: file)
        let existing = try? String(contentsOf: url, encoding: .utf8)
        let updated = LeaderboardDocument.updated(existing, results: models, sanity: sanity)
        if check {
            let diff = LeaderboardDocument.diff(existing ?? "", updated)
            if !diff.isEmpty {
                print("\(file) is not what \(results)/ produces; run `candor leaderboard` and commit it:")
                print(diff, terminator: "")
                throw ExitCode.failure
            }
            print("\(file) is up to date")
        } else {
            try Data(updated.utf8).write(to: url, options: .atomic)
            print("wrote \(file) (\(models.count) models)")
        }
        if let html {
            let folder = URL(fileURLWithPath: html)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(HTMLLeaderboard.render(results: models, sanity: sanity).utf8)
                .write(to: folder.appendingPathComponent("index.html"), options: .atomic)
            print("wrote \(html)/index.html")
        }
        if let junit {
            try Data(JUnitReport.render(results: models, sanity: sanity, maximumFailureRate: maxFailureRate).utf8)
                .write(to: URL(fileURLWithPath: junit), options: .atomic)
            print("wrote \(junit)")
        }
        if let json {
            try ResultsFiles.write(LeaderboardSummary(results: models, sanity: sanity),
                                   to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
    }
}
