/// The built-in simulator: L2-penalised logistic regression (OpenBLAS, through ``LogisticRegression``; a
/// ``ConditionalLogit`` over the choices for multiple choice) over bag-of-words features, cross-fitted in k folds.
///
/// **What it learns.** Per fold, it fits the subject model's labels ŷ from the inputs of the cases in the other
/// folds (features: ``SimulatorFeaturizer``), so it learns how the subject behaves, not what is true. Folds are
/// assigned by a stable hash of the instance id and the seed, so a query about case i is always answered by the
/// model fitted without fold(i): no instance is ever predicted by a simulator that saw it. The vocabulary (the
/// `vocabularyLimit` terms found in most training inputs) and the standardisation of table numbers are also
/// learnt from the training folds alone.
///
/// **How it reads an explanation.** An explanation claims that the terms it points at are what decided ŷ. The
/// simulator takes that claim at its word with one fixed meaning, the same for every explanation: the explained
/// terms of the input are counted once more (from input and explanation, x + e), or alone (from the explanation
/// alone, e). It does *not* learn a separate weight for "this word was highlighted": a simulator free to do so
/// learns any consistent code, and an explanation that always points at the evidence *against* ŷ (the reference
/// model's `inverted` variant) encodes ŷ as reliably as a faithful one, so simulatability would stop telling them
/// apart. Read with a fixed meaning, evidence that really drives the model moves the simulator towards ŷ, evidence
/// against it moves it away, and random tokens add noise.
///
/// On a counterfactual (an edit of the explained instance), the same claim also says that changing the explained
/// terms moves the model: the explained terms count once more where they stand in the counterfactual *and* their
/// change from the original counts once more, i.e. 2c − o over the explained terms on top of the counterfactual's
/// own terms (c and o their values in the counterfactual and the original). An edit that keeps the explained
/// evidence (an insertion) reads as before; an erasure of explained evidence moves the simulator away from ŷ twice as
/// far as its own weights would. Counting only the evidence left (c) would pull the simulator towards ŷ exactly
/// where the model, having lost its reasons, leaves it.
///
/// **When it abstains.** It calls the most probable label only when that label is more likely than all others
/// together (p > ``callThreshold``, ½ by default): a call more often wrong than right is no simulation. With two
/// labels it therefore calls unless exactly torn. It also cannot tell when nothing it is shown (positions aside)
/// is in its vocabulary, e.g. an empty explanation on its own, and when its fold had no case to learn from.
///
/// Deterministic: the same cases, queries and seed give the same answers, bit for bit.
public struct LinearSimulator: Simulator {
    /// The number of folds k (at least 2).
    public var folds: Int
    /// The ridge strength, for the mean loss of ``LogisticRegression``; nil (the default) takes 1/n for n training
    /// cases, the reference model's rule, so the penalty weighs about as much as one case's loss whatever the
    /// suite's size.
    public var l2: Double?
    /// A label is called only when its probability exceeds this.
    public var callThreshold: Double
    /// At most this many terms per fold, the most frequent in the training inputs.
    public var vocabularyLimit: Int
    /// Seeds the fold assignment.
    public var seed: UInt64
    public var optimizer: LBFGS
    /// Fitted fold models, shared by every copy of this simulator (a fit depends on inputs and labels only).
    public let cache: SimulatorFitCache

    public init(folds: Int = 5, l2: Double? = nil, callThreshold: Double = 0.5, vocabularyLimit: Int = 4000,
                seed: UInt64 = 0, optimizer: LBFGS = LBFGS(maxIterations: 300, gradientTolerance: 1e-6),
                cache: SimulatorFitCache = SimulatorFitCache()) {
        self.folds = max(2, folds)
        self.l2 = l2
        self.callThreshold = callThreshold
        self.vocabularyLimit = max(1, vocabularyLimit)
        self.seed = seed
        self.optimizer = optimizer
        self.cache = cache
    }

    public var name: String { "linear" }

    /// The fold of the instance `id`: a stable hash of the id and the seed, modulo `folds`.
    public static func fold(of id: String, folds: Int, seed: UInt64 = 0) -> Int {
        Int(StableHash.of(id, "simulator-fold", String(seed)) % UInt64(max(1, folds)))
    }

    /// One fold of the cross-fitting: the cases it is fitted on and the cases it answers for.
    public struct Fold: Sendable, Hashable {
        public var index: Int
        /// Indices of the cases the fold's model is fitted on (every case outside the fold).
        public var training: [Int]
        /// Indices of the cases whose queries the fold's model answers.
        public var heldOut: [Int]
    }

    /// The folds of `cases`, in fold order.
    public func plan(_ cases: [SimulationCase]) -> [Fold] {
        let assigned = cases.map { Self.fold(of: $0.instance.id, folds: folds, seed: seed) }
        return (0..<folds).map { index in
            Fold(index: index, training: assigned.indices.filter { assigned[$0] != index },
                 heldOut: assigned.indices.filter { assigned[$0] == index })
        }
    }

    /// One answer with what it rests on.
    public struct Answer: Sendable, Hashable {
        /// The called label, or nil for "cannot tell".
        public var label: String?
        /// The probability of each label (of each choice, for multiple choice); empty when nothing was fitted or
        /// nothing was known.
        public var probabilities: [Double]
        /// The fold whose model answered.
        public var fold: Int
    }

    public func simulate(_ queries: [SimulationQuery], cases: [SimulationCase], suite: Suite) async -> [String?] {
        answers(queries, cases: cases, task: suite.task).map(\.label)
    }

    /// The answers with their probabilities and folds (what ``simulate(_:cases:suite:)`` returns, in detail).
    public func answers(_ queries: [SimulationQuery], cases: [SimulationCase], task: TaskSpec) -> [Answer] {
        let featurizer = SimulatorFeaturizer(task: task)
        let plan = plan(cases)
        let foldOfCase = cases.map { Self.fold(of: $0.instance.id, folds: folds, seed: seed) }
        var result = queries.map { query in
            Answer(label: nil, probabilities: [], fold: cases.indices.contains(query.caseIndex)
                   ? foldOfCase[query.caseIndex] : -1)
        }
        let pointers = cases.map { SimulatorFeaturizer.Pointers($0.explanation, of: $0.instance) }
        var training: [[SimulatorFeaturizer.Row]]? = nil
        // A query with and without the explanation, and from the explanation alone, share one input: its rows
        // (whose `all` terms do not depend on the explanation) are built once.
        var rowsOf: [RowKey: [SimulatorFeaturizer.Row]] = [:]
        for fold in plan {
            let asked = queries.indices.filter { result[$0].fold == fold.index }
            guard !asked.isEmpty else { continue }
            let model = cache.model(for: key(of: fold.training, cases: cases, task: task)) {
                if training == nil {
                    training = cases.map { featurizer.rows(of: $0.instance.input, pointers: .init()) }
                }
                return FoldModel(training: fold.training, rows: training ?? [], cases: cases, task: task,
                                 featurizer: featurizer, simulator: self)
            }
            guard let model else { continue }
            for index in asked {
                let query = queries[index]
                let key = RowKey(query)
                if rowsOf[key] == nil {
                    let input = key.counterfactual ?? cases[query.caseIndex].instance.input
                    rowsOf[key] = featurizer.rows(of: input, pointers: pointers[query.caseIndex])
                }
                let rows = rowsOf[key] ?? []
                let view = View(query)
                // A counterfactual read with the explanation compares its explained terms with the original's.
                var original: [SimulatorFeaturizer.Row] = []
                if view == .counterfactualAndExplanation {
                    let originalKey = RowKey(caseIndex: query.caseIndex)
                    if rowsOf[originalKey] == nil {
                        rowsOf[originalKey] = featurizer.rows(of: cases[query.caseIndex].instance.input,
                                                              pointers: pointers[query.caseIndex])
                    }
                    original = rowsOf[originalKey] ?? []
                }
                let (label, probabilities) = model.predict(rows, view: view, original: original)
                result[index].label = label
                result[index].probabilities = probabilities
            }
        }
        return result
    }

    /// The cache key of a fold's fit: a stable hash of the task, the settings, and each training case's id, input
    /// and label, in order.
    func key(of training: [Int], cases: [SimulationCase], task: TaskSpec) -> UInt64 {
        var parts = [task.kind.rawValue, task.labels.joined(separator: ","), "\(l2 ?? -1)", "\(vocabularyLimit)",
                     "\(optimizer.maxIterations)", "\(optimizer.gradientTolerance)",
                     "\(optimizer.relativeDecreaseTolerance)", "\(optimizer.memory)"]
        for index in training {
            let subject = cases[index]
            parts.append(subject.instance.id)
            parts.append(subject.label)
            for name in subject.instance.input.keys.sorted() {
                parts.append(name)
                parts.append(Self.canonical(subject.instance.input[name]!))
            }
        }
        return StableHash.of(parts.joined(separator: "\u{1E}"))
    }

    /// A field's value as text that is the same whatever the order of a table's cells.
    static func canonical(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): "t:" + text
        case .textList(let sentences): "l:" + sentences.joined(separator: "\u{1D}")
        case .choices(let items): "c:" + items.joined(separator: "\u{1D}")
        case .table(let cells):
            "m:" + cells.keys.sorted().map { name in
                switch cells[name]! {
                case .number(let number): "\(name)=\(number)"
                case .category(let level): "\(name)=\"\(level)\""
                }
            }.joined(separator: "\u{1D}")
        }
    }

    /// The input a query is about: its case and, for a counterfactual, the edited input.
    struct RowKey: Hashable {
        var caseIndex: Int
        var counterfactual: [String: FieldValue]?

        init(_ query: SimulationQuery) {
            caseIndex = query.caseIndex
            if case .counterfactual(let edited) = query.target { counterfactual = edited } else { counterfactual = nil }
        }

        /// The case's own input.
        init(caseIndex: Int) {
            self.caseIndex = caseIndex
            counterfactual = nil
        }
    }

    /// Which terms of a row a query shows, and how the explanation is read.
    enum View {
        /// The input alone.
        case input
        /// The input, its explained terms once more.
        case inputAndExplanation
        /// The explained terms alone.
        case explanation
        /// A counterfactual with the original's explanation: its explained terms count once more, and so does
        /// their change from the original (an explanation that says these terms drove ŷ also says that changing
        /// them moves the model).
        case counterfactualAndExplanation

        init(_ query: SimulationQuery) {
            if query.target == .explanationOnly { self = .explanation }
            else if !query.showsExplanation { self = .input }
            else if case .counterfactual = query.target { self = .counterfactualAndExplanation }
            else { self = .inputAndExplanation }
        }
    }

    /// The model of one fold: its vocabulary, the standardisation of its numbers, and the fit.
    struct FoldModel: Sendable {
        let task: TaskSpec
        let columns: [String: Int]
        let scaling: [Int: (mean: Double, deviation: Double)]
        let threshold: Double
        let classifier: LogisticRegression?
        let chooser: ConditionalLogit?

        init?(training: [Int], rows: [[SimulatorFeaturizer.Row]], cases: [SimulationCase], task: TaskSpec,
              featurizer: SimulatorFeaturizer, simulator: LinearSimulator) {
            self.task = task
            self.threshold = simulator.callThreshold
            let usable = training.filter { index in
                guard let label = task.labels.firstIndex(of: cases[index].label) else { return false }
                return task.kind == .classification || label < rows[index].count
            }
            guard !usable.isEmpty else { return nil }
            var frequency: [String: Int] = [:]
            for index in usable {
                var seen: Set<String> = []
                for row in rows[index] { seen.formUnion(row.all.keys) }
                for name in seen { frequency[name, default: 0] += 1 }
            }
            let vocabulary = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(simulator.vocabularyLimit).map(\.key).sorted()
            var columns: [String: Int] = [:]
            for (column, name) in vocabulary.enumerated() { columns[name] = column }
            self.columns = columns
            var scaling: [Int: (mean: Double, deviation: Double)] = [:]
            for name in featurizer.numericNames {
                guard let column = columns[name] else { continue }
                let values = usable.flatMap { rows[$0].compactMap { $0.all[name] } }
                guard !values.isEmpty else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
                scaling[column] = (mean, variance > 0 ? variance.squareRoot() : 1)
            }
            self.scaling = scaling
            let d = max(1, columns.count)
            var design: [Double] = []
            var labels: [Int] = []
            var counts: [Int] = []
            for index in usable {
                for row in rows[index] { design += Self.vector(row.all, columns: columns, scaling: scaling, d: d) }
                labels.append(task.labels.firstIndex(of: cases[index].label)!)
                counts.append(rows[index].count)
            }
            let matrix = Matrix(rows: design.count / d, columns: d, exactly: design)
            let l2 = simulator.l2 ?? 1 / Double(usable.count)
            switch task.kind {
            case .classification:
                classifier = try? LogisticRegression.fit(features: matrix, labels: labels,
                                                         classCount: task.labels.count, l2: l2,
                                                         optimizer: simulator.optimizer)
                chooser = nil
                if classifier == nil { return nil }
            case .multipleChoice:
                chooser = try? ConditionalLogit.fit(candidates: matrix, choiceCounts: counts, chosen: labels,
                                                    l2: l2, optimizer: simulator.optimizer)
                classifier = nil
                if chooser == nil { return nil }
            }
        }

        /// `terms` as a row of the design matrix: numbers standardised, unknown terms dropped.
        static func vector(_ terms: [String: Double], columns: [String: Int],
                           scaling: [Int: (mean: Double, deviation: Double)], d: Int) -> [Double] {
            var vector = [Double](repeating: 0, count: d)
            for (name, value) in terms {
                guard let column = columns[name] else { continue }
                if let scale = scaling[column] {
                    vector[column] += (value - scale.mean) / scale.deviation
                } else {
                    vector[column] += value
                }
            }
            return vector
        }

        /// The called label (nil: cannot tell) and the probabilities, for the rows of one input seen in `view`.
        /// `original`: the rows of the explained instance, for ``View/counterfactualAndExplanation``.
        func predict(_ rows: [SimulatorFeaturizer.Row], view: View, original: [SimulatorFeaturizer.Row] = [])
            -> (String?, [Double])
        {
            guard !rows.isEmpty else { return (nil, []) }
            var known = false
            // Scores are sums over the few terms a row has, so they are computed sparsely rather than through a
            // dense row of the whole vocabulary.
            var scores = [Double](repeating: 0, count: classifier == nil ? rows.count : task.labels.count)
            if let classifier { scores = classifier.intercepts }
            for (position, row) in rows.enumerated() {
                let shown = view == .explanation ? row.evidence : row.all
                if shown.keys.contains(where: { !$0.hasPrefix("at:") && columns[$0] != nil }) { known = true }
                // The explained terms are added once more term by term: a number counted twice is twice its
                // standardised value, not the standardisation of 2v.
                var parts: [(terms: [String: Double], sign: Double)] = [(shown, 1)]
                switch view {
                case .inputAndExplanation:
                    parts.append((row.evidence, 1))
                case .counterfactualAndExplanation:
                    // (c − o) over the explained terms, on top of c once more: 2c − o.
                    parts += [(row.evidence, 2), (position < original.count ? original[position].evidence : [:], -1)]
                case .input, .explanation:
                    break
                }
                var entries: [(column: Int, value: Double)] = []
                for (values, sign) in parts {
                    for (name, value) in values {
                        guard let column = columns[name] else { continue }
                        entries.append((column, sign * (scaling[column].map { (value - $0.mean) / $0.deviation } ?? value)))
                    }
                }
                // Summed in column order: a dictionary's order varies between runs, and so would the last bits.
                entries.sort { $0.column != $1.column ? $0.column < $1.column : $0.value < $1.value }
                for (column, x) in entries {
                    if let classifier {
                        for k in 0..<classifier.classCount { scores[k] += x * classifier.weights[column, k] }
                    } else if let chooser {
                        scores[position] += x * chooser.weights[column]
                    }
                }
            }
            guard known else { return (nil, []) }
            let probabilities = Softmax.softmax(scores)
            guard let top = probabilities.indices.max(by: {
                probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 > $1)
            }), probabilities[top] > threshold, top < task.labels.count else { return (nil, probabilities) }
            return (task.labels[top], probabilities)
        }
    }
}
