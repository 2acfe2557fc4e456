import CandorProtocol
import Foundation

/// Meta-evaluation of a scorer against people (DESIGN §6): how well its per-instance values on rated explanations
/// track the ratings, as Spearman's ρ and Kendall's τ-b (ties handled) with percentile bootstrap intervals.
///
/// Each rated explanation is scored on its own: the scorer sees the rated text as the explanation of instance
/// `instance`, whose reference explanation is the row's `reference` or else the one in the suite
/// `suitesDirectory/<suite>`. Only agreement scorers qualify: they need no model, while faithfulness and
/// simulatability scorers need the model that wrote the explanation to answer probes. A row the scorer does not
/// apply to (no reference text, say) is counted by reason and left out.
public struct MetaEvaluation: Sendable {
    public var bootstrap: Bootstrap
    /// Where suites are found for rows without a `reference`.
    public var suitesDirectory: URL?
    /// Only rows with this `aspect` (rows without one count as any aspect); nil for all rows.
    public var aspect: String?

    public init(bootstrap: Bootstrap = Bootstrap(), suitesDirectory: URL? = nil, aspect: String? = nil) {
        self.bootstrap = bootstrap
        self.suitesDirectory = suitesDirectory
        self.aspect = aspect
    }

    /// Why a scorer cannot be meta-evaluated this way.
    public struct UnsuitableScorer: Error, Sendable, Hashable, CustomStringConvertible {
        public var id: String
        public var family: ScorerFamily
        public var description: String {
            "scorer '\(id)' is a \(family.rawValue) scorer: it needs answers from the model that wrote each "
                + "explanation, which a ratings file does not have; meta-evaluation takes agreement scorers "
                + "(e.g. rouge-l, chrf)"
        }
    }

    /// The correlation of one scorer with the ratings.
    public struct Correlation: Sendable, Hashable {
        /// Rated explanations where the scorer applied.
        public var n: Int
        public var spearman: Estimate?
        public var kendall: Estimate?
    }

    /// One scorer's meta-evaluation.
    public struct Result: Sendable, Hashable {
        public var scorer: String
        /// Rated explanations considered (after the aspect filter).
        public var rows: Int
        /// Rows left out, by reason.
        public var notApplicable: [String: Int]
        /// Over all scored rows.
        public var overall: Correlation
        /// Per `source` of the rated explanations (rows without one under "").
        public var bySource: [String: Correlation]
    }

    /// Correlates `scorer`'s values with the mean ratings of `rows`.
    /// - Throws: ``UnsuitableScorer`` for a scorer that needs a model; a suite's loading error.
    public func evaluate(_ rows: [RatedExplanation], scorer type: any Scorer.Type) throws -> Result {
        guard type.family == .agreement else { throw UnsuitableScorer(id: type.id, family: type.family) }
        let scorer = type.init()
        let selected = rows.filter { aspect == nil || $0.aspect == nil || $0.aspect == aspect }
        let references = try suiteReferences(for: selected)
        let model = ModelDescriptor(name: "rated-explanations", version: "1", capabilities: [.text])
        var notApplicable: [String: Int] = [:]
        var values: [(source: String, value: Double, rating: Double)] = []
        for row in selected {
            let suite = Suite(id: row.suite, version: "", title: row.suite,
                              task: TaskSpec(kind: .classification, labels: ["rated"], inputs: []),
                              explanations: [.text], probes: ProbeSpec(), scorers: [type.id], splits: [],
                              provenance: "a ratings file", directory: URL(fileURLWithPath: "."), contentHash: "")
            let reference = row.reference ?? references[row.suite]?[row.instance]
            let instance = Instance(id: row.instance, input: [:], label: "rated", explanation: reference)
            let item = ScoringItem(instance: instance, source: .self, prediction: Prediction(label: "rated"),
                                   explanation: ResolvedExplanation(text: row.explanation))
            switch scorer.observe(item, answers: [:], context: ScoringContext(suite: suite, model: model)) {
            case .values(let observation) where !observation.isEmpty && observation[0].isFinite:
                values.append((row.source ?? "", observation[0], row.rating))
            case .values:
                notApplicable["the scorer gave no number", default: 0] += 1
            case .notApplicable(let reason):
                notApplicable[reason, default: 0] += 1
            }
        }
        var bySource: [String: Correlation] = [:]
        for source in Set(values.map(\.source)) {
            bySource[source] = correlation(values.filter { $0.source == source }.map { ($0.value, $0.rating) })
        }
        return Result(scorer: type.id, rows: selected.count, notApplicable: notApplicable,
                      overall: correlation(values.map { ($0.value, $0.rating) }), bySource: bySource)
    }

    private func correlation(_ pairs: [(Double, Double)]) -> Correlation {
        let x = pairs.map(\.0), y = pairs.map(\.1)
        return Correlation(n: pairs.count, spearman: RankCorrelation.spearman(x, y, bootstrap: bootstrap),
                           kendall: RankCorrelation.kendallTauB(x, y, bootstrap: bootstrap))
    }

    /// Suite id → instance id → reference explanation, for the rows that carry no reference.
    private func suiteReferences(for rows: [RatedExplanation]) throws -> [String: [String: String]] {
        guard let suitesDirectory else { return [:] }
        var wanted: [String: Set<String>] = [:]
        for row in rows where row.reference == nil { wanted[row.suite, default: []].insert(row.instance) }
        var result: [String: [String: String]] = [:]
        for (id, instances) in wanted {
            let folder = suitesDirectory.appendingPathComponent(id)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("suite.yaml").path) else { continue }
            let suite = try SuiteLoader.load(folder)
            var found: [String: String] = [:]
            for split in suite.splits {
                try suite.forEachInstance(split: split.name) { instance in
                    if instances.contains(instance.id), let text = instance.explanation { found[instance.id] = text }
                }
            }
            result[id] = found
        }
        return result
    }
}

extension MetaEvaluation.Result {
    /// The result as JSON: n, coverage and both correlations with their intervals, overall and per source.
    public var json: ReportJSON {
        func estimate(_ value: Estimate?) -> ReportJSON {
            guard let value else { return .null }
            return .object(["value": .number(value.value), "low": .number(value.low), "high": .number(value.high),
                            "confidence": .number(value.confidence), "resamples": .integer(value.resamples),
                            "excluded": .integer(value.excluded)])
        }
        func correlation(_ value: MetaEvaluation.Correlation) -> ReportJSON {
            .object(["n": .integer(value.n), "spearman": estimate(value.spearman), "kendall_tau_b": estimate(value.kendall)])
        }
        return .object([
            "scorer": .string(scorer), "rows": .integer(rows),
            "not_applicable": .object(notApplicable.mapValues { .integer($0) }),
            "overall": correlation(overall),
            "by_source": .object(bySource.mapValues(correlation)),
        ])
    }

    /// Lines for a terminal: the overall correlations, then each source's.
    public var lines: [String] {
        func format(_ value: Estimate?) -> String {
            guard let value else { return "undefined" }
            return String(format: "%+.3f [%+.3f, %+.3f]", value.value, value.low, value.high)
        }
        var lines = ["\(scorer): n = \(overall.n) of \(rows) rated explanations; Spearman ρ \(format(overall.spearman)); "
            + "Kendall τ-b \(format(overall.kendall))"]
        for source in bySource.keys.sorted() {
            let value = bySource[source]!
            lines.append("  \(source.isEmpty ? "(no source)" : source): n = \(value.n); ρ \(format(value.spearman)); "
                + "τ-b \(format(value.kendall))")
        }
        for (reason, count) in notApplicable.sorted(by: { $0.key < $1.key }) {
            lines.append("  left out \(count): \(reason)")
        }
        return lines
    }
}
