import ArgumentParser
import Candor
import Foundation

/// `candor import FORMAT PATH --out Suites/ID`: a real dataset as a Candor suite.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a dataset with human explanations into a Candor suite (or Wiegreffe ratings into a ratings file).",
        discussion: """
            Formats:
            """ + ImportFormat.allCases.map { "\n  \($0.rawValue): \($0.summary)" }.joined() + """

              wiegreffe: Wiegreffe et al. 2022 MTurk CSV folder; --out is a ratings file

            The suite's id is the name of the --out folder. The import streams the source, prints how many records \
            it imported per split and how many it skipped (with reasons), writes suite.yaml with provenance and the \
            source's licence, and checks the written suite with the validating loader. A malformed source stops the \
            import with file:line: field: found ..., expected ....
            """
    )

    @Argument(help: ArgumentHelp("The source format: eraser, esnli, ecqa, cose, hatexplain or wiegreffe.",
                                 valueName: "format"))
    var format: String

    @Argument(help: ArgumentHelp("The dataset's file or folder.", valueName: "path"))
    var path: String

    @Option(name: .long, help: ArgumentHelp(
        "Where to write: the suite folder (Suites/<id>), or for wiegreffe the ratings JSONL file.", valueName: "path"))
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "A CommonsenseQA question file (JSONL) to join CoS-E or raw ECQA with; repeat for several splits.",
        valueName: "file"))
    var questions: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "HateXplain's post_id_divisions.json (default: beside dataset.json).", valueName: "file"))
    var divisions: String?

    @Option(name: .long, help: ArgumentHelp(
        "The licence to record for an ERASER dataset (ERASER itself states none).", valueName: "text"))
    var licence: String?

    @Flag(name: .long, help: "Replace a suite (or ratings file) already at --out.")
    var overwrite = false

    func run() throws {
        let source = URL(fileURLWithPath: path)
        let output = URL(fileURLWithPath: out)
        do {
            if format == "wiegreffe" {
                let report = try WiegreffeImporter().run(folder: source, output: output, overwrite: overwrite)
                print(report.text)
                return
            }
            guard let importFormat = ImportFormat(rawValue: format) else {
                throw ValidationError("unknown format '\(format)' (known: "
                    + (ImportFormat.allCases.map(\.rawValue) + ["wiegreffe"]).joined(separator: ", ") + ")")
            }
            let options = ImportOptions(overwrite: overwrite, questions: questions.map { URL(fileURLWithPath: $0) },
                                        divisions: divisions.map { URL(fileURLWithPath: $0) }, licence: licence)
            let report = try importFormat.run(source: source, output: output, options: options)
            print(report.text)
        } catch let error as ValidationError {
            throw error
        } catch let error as SuiteValidationError {
            throw CommandFailure.report("the imported suite does not validate:\n" + error.description(under: out))
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
