import ArgumentParser
import Candor
import Foundation

/// `candor serve reference`: the reference model as a JSON-lines protocol process on stdin and stdout.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the reference model as a JSON-lines protocol process on stdin and stdout.",
        discussion: """
            Trains the reference model on the suite's train split, then answers Candor protocol requests \
            (PROTOCOL.md) read from stdin, one answer line per request, until the end of input. It answers \
            exactly as the built-in reference model does, so it is an example of a protocol model and a way to \
            test the process adapter. Notes go to stderr.
            """
    )

    @Argument(help: "The model to serve. Only `reference`.")
    var model: String

    @Option(name: .customLong("suite"), help: "The suite whose train split the reference model is trained on.")
    var suite: String

    @Option(help: ArgumentHelp("The explainer variant: faithful, shuffled, inverted or plausible.",
                               valueName: "name"))
    var variant: String = ReferenceModel.Variant.faithful.rawValue

    @OptionGroup var suitesDirectory: SuitesDirectoryOptions

    func validate() throws {
        guard model == "reference" else {
            throw ValidationError(RunError.unknownModel(model, known: ["reference"]).description)
        }
        _ = try chosenVariant()
    }

    func chosenVariant() throws -> ReferenceModel.Variant {
        guard let chosen = ReferenceModel.Variant(rawValue: variant) else {
            let known = ReferenceModel.Variant.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown variant '\(variant)'; known variants: \(known)")
        }
        return chosen
    }

    func run() throws {
        let variant = try chosenVariant()
        do {
            let chosen = try Runner.suites(named: [suite], in: URL(fileURLWithPath: suitesDirectory.suitesDirectory))
            let trained = try ReferenceModel.train(suite: chosen[0], variant: variant)
            try ReferenceServer(model: trained).serve { message in
                FileHandle.standardError.write(Data("candor serve: \(message)\n".utf8))
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
