import Foundation

/// What an import may be told besides the source and the destination.
public struct ImportOptions: Sendable, Hashable {
    /// Replace a suite already in the output folder.
    public var overwrite: Bool
    /// CommonsenseQA question files (CoS-E, raw ECQA).
    public var questions: [URL]
    /// HateXplain's `post_id_divisions.json`, when not beside `dataset.json`.
    public var divisions: URL?
    /// The licence to record for an ERASER dataset (ERASER states none of its own).
    public var licence: String?

    public init(overwrite: Bool = false, questions: [URL] = [], divisions: URL? = nil, licence: String? = nil) {
        self.overwrite = overwrite
        self.questions = questions
        self.divisions = divisions
        self.licence = licence
    }
}
