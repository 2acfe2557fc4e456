import Foundation

/// The source formats `candor import` reads, and how each is run.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    case eraser
    case esnli
    case ecqa
    case cose
    case hatexplain

    /// What the importer reads, for `--help`.
    public var summary: String {
        switch self {
        case .eraser: "ERASER folder: docs/ or docs.jsonl, and train/val/test.jsonl"
        case .esnli: "esnli_*.csv file(s), or the preprocessed eSNLI/ folder"
        case .ecqa: "joined cqa_data_*.csv file(s), or ecqa.jsonl with --questions"
        case .cose: "cose_*.jsonl file(s) with CommonsenseQA --questions files"
        case .hatexplain: "dataset.json (or its folder) and post_id_divisions.json"
        }
    }
}

extension ImportFormat {
    /// Imports `source` into the suite folder `output` (its name is the suite's id).
    /// - Throws: ``ImportError`` for a malformed source (file, line, field), or ``SuiteValidationError`` if the
    ///   written suite does not validate.
    public func run(source: URL, output: URL, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        switch self {
        case .eraser:
            try EraserImporter(licence: options.licence).run(folder: source, output: output, overwrite: options.overwrite)
        case .esnli:
            try ESNLIImporter().run(path: source, output: output, overwrite: options.overwrite)
        case .ecqa:
            try ECQAImporter(questionFiles: options.questions).run(path: source, output: output,
                                                                    overwrite: options.overwrite)
        case .cose:
            try CoSEImporter(questionFiles: options.questions).run(path: source, output: output,
                                                                    overwrite: options.overwrite)
        case .hatexplain:
            try HateXplainImporter(divisions: options.divisions).run(path: source, output: output,
                                                                      overwrite: options.overwrite)
        }
    }
}
