import ArgumentParser
import Candor
import Foundation

/// `candor meta --ratings FILE --scorer ID`: does a scorer track human ratings?
struct MetaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta",
        abstract: "Correlate a scorer's per-instance values with human ratings of the same explanations.",
        discussion: """
            The ratings file is JSONL, one rated explanation per line: {"suite": ID, "instance": ID, \
            "explanation": TEXT, "ratings": [NUMBERS] (or "rating": NUMBER), "reference": TEXT, "source": NAME, \
            "aspect": NAME}; reference, source and aspect are optional. Text scorers (rouge-l, chrf) compare the \
            rated explanation with the reference explanation: the line's "reference", or else the reference \
            explanation of the instance in Suites/<suite> (--suites-dir). The value correlated is the mean of a \
            line's ratings. Prints Spearman's rho and Kendall's tau-b (ties handled) with percentile bootstrap \
            intervals, overall and per source. `candor import wiegreffe DIR --out FILE` writes such a file from \
            the MTurk CSVs of Wiegreffe et al. 2022.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The ratings file (JSONL).", valueName: "file"))
    var ratings: String

    @Option(name: .long, help: ArgumentHelp(
        "An agreement scorer to evaluate (repeat to compare several, e.g. --scorer rouge-l --scorer chrf).",
        valueName: "id"))
    var scorer: [String]

    @Option(name: .long, help: ArgumentHelp(
        "Use only lines rating this aspect (e.g. acceptable); lines without an aspect always count.", valueName: "name"))
    var aspect: String?

    @Option(name: .customLong("suites-dir"), help: ArgumentHelp(
        "Where to find suites for lines without a reference.", valueName: "path"))
    var suitesDirectory = "Suites"

    @Option(name: .long, help: ArgumentHelp("Bootstrap resamples for the intervals.", valueName: "n"))
    var resamples = Bootstrap.defaultResamples

    @Option(name: .long, help: ArgumentHelp("Bootstrap seed.", valueName: "n"))
    var seed: UInt64 = 0

    @Flag(name: .long, help: "Print JSON instead of lines of text.")
    var json = false

    func validate() throws {
        guard !scorer.isEmpty else { throw ValidationError("give at least one --scorer (e.g. rouge-l)") }
    }

    func run() throws {
        do {
            let rows = try RatedExplanation.read(URL(fileURLWithPath: ratings), name: ratings)
            let evaluation = MetaEvaluation(bootstrap: try Bootstrap(resamples: resamples, seed: seed),
                                            suitesDirectory: URL(fileURLWithPath: suitesDirectory), aspect: aspect)
            var results: [MetaEvaluation.Result] = []
            for id in scorer { results.append(try evaluation.evaluate(rows, scorer: try Scorers.named(id))) }
            if json {
                print(ReportJSON.array(results.map(\.json)).rendered())
            } else {
                print(results.flatMap(\.lines).joined(separator: "\n"))
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
