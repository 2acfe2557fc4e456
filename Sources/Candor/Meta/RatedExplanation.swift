import Foundation

/// One explanation that people rated, as a line of a ratings file (JSONL), for `candor meta`.
///
/// ```json
/// {"suite":"wiegreffe-commonsenseqa","instance":"7d93…","explanation":"Murder is a crime …",
///  "reference":"A possible outcome …","ratings":[1,1,0],"source":"gpt3-greedy","aspect":"acceptable"}
/// ```
/// - `suite`, `instance` (strings, required): which suite instance was explained; together with the suites folder
///   they find the instance's reference explanation when the line carries none.
/// - `explanation` (string, required): the rated explanation's text.
/// - `rating` (a number) or `ratings` (a non-empty array of numbers, one per rater): exactly one of them; the value
///   correlated is the mean of `ratings`. Any scale works, since only ranks count.
/// - `reference` (string, optional): the reference explanation that text scorers (`rouge-l`, `chrf`) compare the
///   rated explanation with; when absent, the reference of instance `instance` of suite `suite`.
/// - `source` (string, optional): who wrote the rated explanation (`gpt3-greedy`, `cose`, …), reported per source.
/// - `aspect` (string, optional): what was rated (`acceptable`, `grammar`, …); `candor meta --aspect` picks one.
///
/// Any other key is an error, so a typo cannot silently drop a rating.
public struct RatedExplanation: Sendable, Hashable {
    public var suite: String
    public var instance: String
    public var explanation: String
    public var reference: String?
    public var ratings: [Double]
    public var source: String?
    public var aspect: String?

    public init(suite: String, instance: String, explanation: String, reference: String? = nil, ratings: [Double],
                source: String? = nil, aspect: String? = nil) {
        self.suite = suite
        self.instance = instance
        self.explanation = explanation
        self.reference = reference
        self.ratings = ratings
        self.source = source
        self.aspect = aspect
    }

    /// The mean rating.
    public var rating: Double { ratings.reduce(0, +) / Double(max(1, ratings.count)) }

    static let keys = ["suite", "instance", "explanation", "reference", "rating", "ratings", "source", "aspect"]

    /// Reads a ratings file.
    /// - Throws: ``ImportError`` naming the line and field of any problem.
    public static func read(_ url: URL, name: String? = nil) throws -> [RatedExplanation] {
        let display = name ?? url.lastPathComponent
        var rows: [RatedExplanation] = []
        try ImportJSON.forEachLine(of: url, name: display) { value, line in
            rows.append(try decode(value, file: display, line: line))
        }
        return rows
    }

    static func decode(_ value: JSONLineValue, file: String, line: Int) throws -> RatedExplanation {
        let reader = JSONFieldReader(file: file, line: line)
        for member in try reader.object(value, "line") where !keys.contains(member.key) {
            throw ImportError(file: file, line: line, field: member.key, found: "an unknown key",
                              expected: "one of " + keys.joined(separator: ", "))
        }
        var ratings: [Double]
        switch (value["rating"], value["ratings"]) {
        case (let single?, nil):
            ratings = [try reader.number(single, "rating")]
        case (nil, let many?):
            ratings = try reader.array(many, "ratings").enumerated().map { try reader.number($0.element, "ratings[\($0.offset)]") }
            guard !ratings.isEmpty else { throw reader.fail("ratings", many, expected: "at least one rating") }
        case (.some, .some):
            throw ImportError(file: file, line: line, field: "rating", found: "both rating and ratings",
                              expected: "one of them")
        case (nil, nil):
            throw ImportError(file: file, line: line, field: "ratings", found: "no rating",
                              expected: "rating (a number) or ratings (an array of numbers)")
        }
        if let bad = ratings.firstIndex(where: { !$0.isFinite }) {
            throw ImportError(file: file, line: line, field: "ratings[\(bad)]", found: "a number that is not finite",
                              expected: "a finite number")
        }
        return RatedExplanation(
            suite: try reader.string(value["suite"], "suite"),
            instance: try reader.string(value["instance"], "instance"),
            explanation: try reader.string(value["explanation"], "explanation"),
            reference: try reader.optionalString(value["reference"], "reference"),
            ratings: ratings,
            source: try reader.optionalString(value["source"], "source"),
            aspect: try reader.optionalString(value["aspect"], "aspect"))
    }

    /// The line as written to a ratings file (keys in a fixed order).
    public var jsonLine: String {
        var parts = ["\"suite\":" + ReportJSON.quote(suite), "\"instance\":" + ReportJSON.quote(instance),
                     "\"explanation\":" + ReportJSON.quote(explanation)]
        if let reference { parts.append("\"reference\":" + ReportJSON.quote(reference)) }
        parts.append("\"ratings\":[" + ratings.map(ReportJSON.format).joined(separator: ",") + "]")
        if let source { parts.append("\"source\":" + ReportJSON.quote(source)) }
        if let aspect { parts.append("\"aspect\":" + ReportJSON.quote(aspect)) }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
