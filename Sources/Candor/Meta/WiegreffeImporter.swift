import Foundation

/// Turns the MTurk result CSVs of Wiegreffe et al., "Reframing Human-AI Collaboration for Generating Free-Text
/// Explanations" (NAACL 2022), into a ratings file for `candor meta`.
///
/// It reads, under the folder given (the repository's layout, one row per annotator):
/// - `acceptability_annotations/{commonsenseqa,snli}_test.csv`: five GPT-3 explanations per instance
///   (`Input.explanation_1…5`, whose `Input.source_sample_k` is `greedy` or a sample number) and, per annotator,
///   `Answer.acceptable`, the pipe-separated numbers of those judged acceptable. Each explanation gets one rating
///   per annotator: 1 when acceptable, 0 when not; its source is `gpt3-greedy` or `gpt3-sample-<n>`.
/// - `fine_grained_absolute_quality_annotations/commonsenseqa/cose.csv`: CoS-E's explanations with
///   `Answer.acceptable` of ±1 per annotator, mapped to 1 and 0 (an empty answer was not asked and is left out);
///   source `cose`.
/// The reference of each instance is the crowd-written explanation of the same instance from
/// `fine_grained_absolute_quality_annotations`: ECQA's (`commonsenseqa/ecqa.csv`) for CommonsenseQA and e-SNLI's
/// (`snli/esnli.csv`) for SNLI. Those reference explanations are not themselves written as rated rows (a text
/// scorer would compare them with themselves). Rows are grouped by instance and explanation, in file order; the
/// suites are `wiegreffe-commonsenseqa` and `wiegreffe-snli`, and every row's aspect is `acceptable`.
public struct WiegreffeImporter: Sendable {
    public static let licence = "Apache-2.0 (allenai/few_shot_explanations)"

    /// What an import wrote.
    public struct Report: Sendable, Hashable {
        /// Rated explanations written, by suite and source.
        public var rows: [String: Int]
        /// Rated explanations without a reference explanation.
        public var withoutReference: Int
        public var text: String {
            var lines = ["wrote \(rows.values.reduce(0, +)) rated explanations"]
            for key in rows.keys.sorted() { lines.append("  \(rows[key]!)  \(key)") }
            lines.append("\(withoutReference) without a reference explanation")
            return lines.joined(separator: "\n")
        }
    }

    public init() {}

    /// Reads the CSVs under `folder` and writes the ratings file `output`.
    public func rows(folder: URL) throws -> [RatedExplanation] {
        let fine = folder.appendingPathComponent("fine_grained_absolute_quality_annotations")
        let acceptability = folder.appendingPathComponent("acceptability_annotations")
        var result: [RatedExplanation] = []
        var found = false
        for (task, referenceFile) in [("commonsenseqa", "commonsenseqa/ecqa.csv"), ("snli", "snli/esnli.csv")] {
            let suite = "wiegreffe-\(task)"
            let references = try Self.references(fine.appendingPathComponent(referenceFile))
            var groups = RowGroups()
            let gpt3 = acceptability.appendingPathComponent("\(task)_test.csv")
            if FileManager.default.fileExists(atPath: gpt3.path) {
                found = true
                let csv = try CSVReader(url: gpt3, name: "acceptability_annotations/\(task)_test.csv")
                let columns = (1...5).flatMap { ["Input.explanation_\($0)", "Input.source_sample_\($0)"] }
                try csv.require(["Input.id", "Answer.acceptable"] + columns)
                while let record = try csv.next() {
                    let accepted = Set(record["Answer.acceptable"]!.split(separator: "|")
                        .map { $0.trimmingCharacters(in: .whitespaces) })
                    for k in 1...5 {
                        let sample = record["Input.source_sample_\(k)"]!
                        let source = sample == "greedy" ? "gpt3-greedy" : "gpt3-sample-\(sample)"
                        groups.add(instance: record["Input.id"]!, explanation: record["Input.explanation_\(k)"]!,
                                   source: source, rating: accepted.contains(String(k)) ? 1 : 0)
                    }
                }
            }
            if task == "commonsenseqa" {
                let cose = fine.appendingPathComponent("commonsenseqa/cose.csv")
                if FileManager.default.fileExists(atPath: cose.path) {
                    found = true
                    let csv = try CSVReader(url: cose, name: "commonsenseqa/cose.csv")
                    try csv.require(["Input.id", "Input.explanation", "Answer.acceptable"])
                    while let record = try csv.next() {
                        let answer = record["Answer.acceptable"]!.trimmingCharacters(in: .whitespaces)
                        guard !answer.isEmpty else { continue }
                        guard let value = Double(answer), value == 1 || value == -1 else {
                            throw ImportError(file: csv.name, line: record.line, field: "Answer.acceptable",
                                              found: "\"\(answer)\"", expected: "1, -1 or nothing")
                        }
                        groups.add(instance: record["Input.id"]!, explanation: record["Input.explanation"]!,
                                   source: "cose", rating: (value + 1) / 2)
                    }
                }
            }
            for group in groups.ordered {
                result.append(RatedExplanation(suite: suite, instance: group.instance, explanation: group.explanation,
                                               reference: references[group.instance], ratings: group.ratings,
                                               source: group.source, aspect: "acceptable"))
            }
        }
        guard found else {
            throw ImportError(file: folder.lastPathComponent, line: nil, field: nil,
                              found: "no acceptability_annotations/*_test.csv and no commonsenseqa/cose.csv",
                              expected: "the few_shot_explanations repository's MTurk CSV folders")
        }
        return result
    }

    /// Writes the ratings file.
    public func run(folder: URL, output: URL, overwrite: Bool) throws -> Report {
        if FileManager.default.fileExists(atPath: output.path) && !overwrite {
            throw ImportError(file: output.relativeString, line: nil, field: "--out", found: "a file that exists",
                              expected: "a new file (or --overwrite)")
        }
        let rows = try rows(folder: folder)
        try (rows.map(\.jsonLine).joined(separator: "\n") + "\n").write(to: output, atomically: true, encoding: .utf8)
        var counts: [String: Int] = [:]
        for row in rows { counts["\(row.suite) \(row.source ?? "")", default: 0] += 1 }
        return Report(rows: counts, withoutReference: rows.filter { $0.reference == nil }.count)
    }

    /// Instance id → the explanation in `Input.explanation` of a fine-grained CSV (the first row of each id).
    static func references(_ url: URL) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let csv = try CSVReader(url: url, name: url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent)
        try csv.require(["Input.id", "Input.explanation"])
        var result: [String: String] = [:]
        while let record = try csv.next() {
            let id = record["Input.id"]!
            if result[id] == nil { result[id] = record["Input.explanation"]! }
        }
        return result
    }

    /// Ratings of the same (instance, source, explanation) from several annotator rows, in order of first sight.
    private struct RowGroups {
        struct Group {
            var instance: String
            var explanation: String
            var source: String
            var ratings: [Double]
        }
        private(set) var ordered: [Group] = []
        private var positions: [String: Int] = [:]

        mutating func add(instance: String, explanation: String, source: String, rating: Double) {
            let key = instance + "\u{0}" + source + "\u{0}" + explanation
            if let position = positions[key] {
                ordered[position].ratings.append(rating)
            } else {
                positions[key] = ordered.count
                ordered.append(Group(instance: instance, explanation: explanation, source: source, ratings: [rating]))
            }
        }
    }
}
