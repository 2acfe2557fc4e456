import Foundation

/// Imports HateXplain (Mathew et al., AAAI 2021): posts labelled hate speech, offensive or normal by three
/// annotators, with the tokens each annotator marked as the reason.
///
/// Reads `dataset.json` (one object keyed by post id: `{"post_id", "annotators": [{"label", …}], "rationales":
/// [[0/1 per token] per annotator], "post_tokens"}`) member by member, and `post_id_divisions.json`
/// (`{"train": [ids], "val": [ids], "test": [ids]}`, beside it unless named) for the splits.
/// - The label is the majority of the annotators' labels (more than half of them); a post without one is skipped
///   and counted, as are posts in no division.
/// - The rationale is the union of the annotators' rationale vectors (a token is in it when any annotator marked
///   it), as ERASER builds token rationales from several annotators; normal posts have none.
/// - The text is the post's tokens joined with spaces; token offsets become Candor spans through
///   ``TokenAlignment`` (`<user>` is three Candor tokens). A rationale vector whose length is not the token count
///   is skipped and counted.
public struct HateXplainImporter: Sendable {
    public static let labels = ["hatespeech", "offensive", "normal"]
    public static let licence = "MIT (HateXplain, Copyright (c) 2020 Punyajoy Saha); "
        + "the Hugging Face loader declares CC BY 4.0"

    public var divisions: URL?

    public init(divisions: URL? = nil) {
        self.divisions = divisions
    }

    public func run(path: URL, output: URL, overwrite: Bool) throws -> ImportReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw ImportError(file: path.relativeString, line: nil, field: nil, found: "no such file or folder",
                              expected: "HateXplain's dataset.json or its folder")
        }
        let dataset = isFolder.boolValue ? path.appendingPathComponent("dataset.json") : path
        let divisionsURL = divisions ?? dataset.deletingLastPathComponent().appendingPathComponent("post_id_divisions.json")
        let splitOf = try Self.readDivisions(divisionsURL)
        let writer = try ImportedSuiteWriter(directory: output, overwrite: overwrite)
        let name = dataset.lastPathComponent
        try JSONObjectStream.forEachMember(of: dataset, name: name) { key, value, line in
            let reader = JSONFieldReader(file: name, line: line)
            let id = try reader.optionalString(value["post_id"], "\(key).post_id") ?? key
            let tokens = try reader.strings(value["post_tokens"], "\(key).post_tokens")
            var votes: [String: Int] = [:]
            let annotators = try reader.array(value["annotators"], "\(key).annotators")
            for (index, annotator) in annotators.enumerated() {
                votes[try reader.string(annotator["label"], "\(key).annotators[\(index)].label"), default: 0] += 1
            }
            var vectors: [[Int]] = []
            for (index, vector) in try reader.array(value["rationales"] ?? .array([]), "\(key).rationales").enumerated() {
                vectors.append(try reader.array(vector, "\(key).rationales[\(index)]").enumerated().map {
                    try reader.integer($0.element, "\(key).rationales[\(index)][\($0.offset)]")
                })
            }
            guard let split = splitOf[id] else {
                writer.skip("the post is in no division of post_id_divisions.json")
                return
            }
            guard let (label, count) = votes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                  2 * count > annotators.count else {
                writer.skip("no majority label among the annotators")
                return
            }
            guard Self.labels.contains(label) else {
                throw ImportError(file: name, line: line, field: "\(key).annotators", found: "the label \"\(label)\"",
                                  expected: "hatespeech, offensive or normal")
            }
            guard vectors.allSatisfy({ $0.count == tokens.count }) else {
                writer.skip("a rationale vector's length is not the post's token count")
                return
            }
            let alignment = TokenAlignment(sourceTokens: tokens)
            var marked: Set<Int> = []
            for vector in vectors {
                for (index, flag) in vector.enumerated() where flag != 0 { marked.formUnion(alignment.ranges[index]) }
            }
            let rationale = SpanMerging.runs(marked).map { Rationale.span(field: "post", start: $0.lowerBound, end: $0.upperBound) }
            try writer.add(Instance(id: id, input: ["post": .text(alignment.text)], label: label, rationale: rationale),
                           split: split)
        }
        return try writer.finish(ImportedSuite(
            title: "HateXplain: hate speech detection with rationales",
            task: TaskSpec(kind: .classification, labels: Self.labels, inputs: [InputField(name: "post", type: .text)]),
            explanations: [.highlights],
            provenance: "imported from HateXplain (\(name), \(divisionsURL.lastPathComponent)) by candor import hatexplain",
            licence: Self.licence,
            notes: ["The label is the annotators' majority; posts without one are skipped.",
                    "The rationale is the union of the annotators' rationales; the post's tokens are joined with "
                        + "spaces and each marked token becomes the Candor tokens it holds."]))
    }

    /// Post id → split, from `post_id_divisions.json`.
    static func readDivisions(_ url: URL) throws -> [String: String] {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: name, line: nil, field: nil, found: "no such file",
                              expected: "post_id_divisions.json beside dataset.json (or --divisions FILE)")
        }
        let value = try ImportJSON.parse([UInt8](data), file: name, line: nil)
        let reader = JSONFieldReader(file: name, line: nil)
        var result: [String: String] = [:]
        for member in try reader.object(value, "") {
            for id in try reader.strings(member.value, member.key) { result[id] = member.key }
        }
        return result
    }
}
