import CandorProtocol

/// A simulator that is another model: any ``ExplainingModel`` that answers `simulate` requests (DESIGN §5), such as
/// a protocol process wrapping an LLM, so that a model can be the judge of another model's explanations.
///
/// Each query becomes one `simulate` request:
/// - about a case's own input (LAS), `examples` are ``exampleCount`` *other* cases — their input, the subject's
///   label and, when the query shows explanations, their explanation — chosen by a stable hash of the two ids, so
///   the case itself is never among them; `input` is the case's input (absent when judging the explanation
///   alone) and `explanation` its explanation when shown;
/// - about a counterfactual, the one example is the original case (with its explanation when shown) and `input`
///   is the counterfactual.
///
/// Explanations travel as their text and their highlighted tokens as quotes, so they read the same with or without
/// the input; the options of a multiple-choice task always travel, since a label (a letter) means nothing without
/// them. With a store, requests go through it like every other request, under the simulator's model key: a
/// question already answered is never asked again. A refusal or failure counts as "cannot tell".
public struct ProcessSimulator: Simulator {
    public let model: any ExplainingModel
    public let store: ResultStore?
    /// How many other cases a query about a case's own input shows as examples.
    public let exampleCount: Int
    /// Requests per exchange with the model (and per batch written to the store).
    public let batchSize: Int

    public init(model: any ExplainingModel, store: ResultStore? = nil, exampleCount: Int = 4, batchSize: Int = 64) {
        self.model = model
        self.store = store
        self.exampleCount = max(0, exampleCount)
        self.batchSize = max(1, batchSize)
    }

    public var name: String { model.key }

    /// The model's leaderboard name (its `--simulator-name`, else the name it declared), made safe for an id:
    /// lower-case letters, digits, `-`, `_` and `.`.
    public var judge: String? {
        let safe = ResultsFiles.safeCharacters(
            ResultsExporter.leaderboardName(key: model.key, declaredName: model.descriptor.name))
        return safe.isEmpty ? "process" : safe
    }

    /// Starts the process of `configuration` and checks that it declares the `simulate` capability.
    /// - Returns: the simulator (its requests going through `store`) and the provider that ends the process.
    /// - Throws: ``ProcessModelError`` when the process cannot be started, or does not declare `simulate` (then it
    ///   is ended before the error is thrown).
    public static func launch(_ configuration: ProcessModel.Configuration, store: ResultStore?) async throws
        -> (simulator: ProcessSimulator, provider: ProcessModelProvider)
    {
        let provider = ProcessModelProvider(configuration: configuration)
        let model = try await provider.launched()
        guard model.descriptor.capabilities.contains(.simulate) else {
            await provider.shutdown()
            throw ProcessModelError.handshakeFailed(
                command: configuration.command.joined(separator: " "),
                reason: "it does not declare the simulate capability (it declares: "
                    + (model.descriptor.capabilities.isEmpty ? "none"
                       : model.descriptor.capabilities.map(\.rawValue).joined(separator: ", "))
                    + "), so it cannot judge explanations")
        }
        return (ProcessSimulator(model: model, store: store), provider)
    }

    public func simulate(_ queries: [SimulationQuery], cases: [SimulationCase], suite: Suite) async -> [String?] {
        let requests = queries.enumerated().map { index, query in
            request(for: query, number: index, cases: cases, suite: suite)
        }
        if let store {
            return await throughStore(requests, queries: queries, cases: cases, store: store)
        }
        var labels: [String: String] = [:]
        for start in stride(from: 0, to: requests.count, by: batchSize) {
            let batch = Array(requests[start..<min(start + batchSize, requests.count)])
            for outcome in await model.respond(to: batch) where outcome.status == .ok {
                if let label = outcome.response?.label { labels[outcome.requestID] = label }
            }
        }
        return requests.map { labels[$0.id] }
    }

    func throughStore(_ requests: [Request], queries: [SimulationQuery], cases: [SimulationCase],
                      store: ResultStore) async -> [String?] {
        let pending = zip(requests, queries).map { request, query in
            RequestExchange.Pending(request: request, hash: RequestHash.of(request),
                                    instanceID: cases[query.caseIndex].instance.id)
        }
        let writer = ResponseWriter(store: store)
        let exchange = RequestExchange(store: store, writer: writer, model: model, runID: nil)
        var labels: [String: String] = [:]
        for start in stride(from: 0, to: pending.count, by: batchSize) {
            let batch = Array(pending[start..<min(start + batchSize, pending.count)])
            // A store that cannot be read or written leaves these queries unanswered ("cannot tell"); the next
            // run asks them again.
            guard let exchanged = try? await exchange.exchange(batch) else { continue }
            for (hash, answer) in exchanged.answers where answer.status == .ok {
                if let label = answer.label { labels[hash] = label }
            }
        }
        try? await writer.flush()
        return pending.map { labels[$0.hash] }
    }

    /// The `simulate` request for one query.
    public func request(for query: SimulationQuery, number: Int, cases: [SimulationCase], suite: Suite) -> Request {
        let subject = cases[query.caseIndex]
        let id = "\(subject.instance.id)/simulate/\(number)"
        let explanation = query.showsExplanation ? Self.wire(subject) : nil
        var request = Request(op: .simulate, id: id, suite: suite.id, task: suite.task.descriptor)
        switch query.target {
        case .original:
            request.examples = examples(for: query.caseIndex, cases: cases, suite: suite, withInput: true,
                                        withExplanation: query.showsExplanation)
            request.input = subject.instance.wireInput
            request.explanation = explanation
        case .explanationOnly:
            request.examples = examples(for: query.caseIndex, cases: cases, suite: suite, withInput: false,
                                        withExplanation: true)
            let choices = Self.choices(of: subject.instance.input, task: suite.task)
            request.input = choices.isEmpty ? nil : choices.mapValues(\.wire)
            request.explanation = explanation
        case .counterfactual(let edited):
            request.examples = [SimulationExample(input: subject.instance.wireInput, label: subject.label,
                                                  explanation: explanation)]
            request.input = edited.mapValues(\.wire)
        }
        return request
    }

    /// Up to ``exampleCount`` cases other than `caseIndex`, in an order seeded by both ids.
    func examples(for caseIndex: Int, cases: [SimulationCase], suite: Suite, withInput: Bool,
                  withExplanation: Bool) -> [SimulationExample] {
        let id = cases[caseIndex].instance.id
        let others = cases.indices.filter { $0 != caseIndex && cases[$0].instance.id != id }
        let ranked = others.map { ($0, StableHash.of(id, cases[$0].instance.id, "simulate-examples")) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return ranked.prefix(exampleCount).map { index, _ in
            let other = cases[index]
            let input = withInput ? other.instance.wireInput
                : Self.choices(of: other.instance.input, task: suite.task).mapValues(\.wire)
            return SimulationExample(input: input.isEmpty ? nil : input, label: other.label,
                                     explanation: withExplanation ? Self.wire(other) : nil)
        }
    }

    /// The choices fields of an input (empty unless the task is multiple choice).
    static func choices(of input: [String: FieldValue], task: TaskSpec) -> [String: FieldValue] {
        input.filter { name, _ in task.field(named: name)?.type == .choices }
    }

    /// A case's explanation as it travels: its text and its highlights as quotes (cited features as they are).
    static func wire(_ subject: SimulationCase) -> WireExplanation {
        let quotes = subject.explanation.quotes(in: subject.instance)
        let text = subject.explanation.text.flatMap { $0.isEmpty ? nil : $0 }
        return WireExplanation(text: text, highlights: quotes.isEmpty ? nil : quotes)
    }
}
