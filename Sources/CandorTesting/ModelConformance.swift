import Candor
import CandorProtocol
import Foundation

/// Checks that a model keeps the protocol's promises, on real instances of a suite: what `candor check-model`
/// runs, and what tests run against the examples and the misbehaving fixtures.
///
/// The checks, in order (each passes, fails, or is skipped when it does not apply):
/// - `handshake`: the model answers hello with a name and a protocol version Candor speaks;
/// - `explain`: every `explain` request on the first instances of the `test` split is answered, not refused,
///   timed out, broken or crashed;
/// - `labels`: every label is one of the task's (null only in answer to `simulate` and
///   `predict-from-explanation`, where it means "cannot tell");
/// - `probabilities`: declared, they come with every answer; wherever given, there is one for every label, each
///   in [0, 1], summing to 1 ± 1e-6;
/// - `highlights`, `text`, `weights`, `features`: a declared part comes with every explanation; wherever given,
///   highlights name input fields, token indices are in range, quotes resolve to whole tokens, weights have one
///   value per token, cited features exist;
/// - `predict`, `predict-from-explanation`, `simulate`: each operation is answered (the last two only when
///   declared);
/// - `ids`: every answer carries the id of a request that was sent, and no request is answered twice;
/// - `clean-output`: stdout holds nothing but answers (no text, no broken or unterminated lines);
/// - `pipelining`: 64 requests sent before any answer is read are all answered, matched by id in any order;
/// - `stability`: the process never had to be restarted;
/// - `end-of-input`: the process exits by itself when its stdin closes;
/// - `latency`: percentiles of the time to answer the `explain` requests, all sent at once (reported, never
///   failed): for a model that answers one request at a time they grow with the number of instances.
public struct ModelConformance: Sendable {
    /// The suite whose test instances the checks use.
    public var suite: Suite
    /// How many test instances are explained (and predicted); fewer when the split is smaller.
    public var instances: Int
    /// How many requests the pipelining check sends at once.
    public var pipelined: Int

    public init(suite: Suite, instances: Int = 20, pipelined: Int = 64) {
        self.suite = suite
        self.instances = instances
        self.pipelined = pipelined
    }

    /// The largest allowed difference between 1 and the sum of an answer's probabilities.
    public static let probabilityTolerance = 1e-6

    /// Launches the model `configuration` describes, runs every check, and shuts it down.
    ///
    /// The configuration's `maxInFlight` is raised to ``pipelined`` so the pipelining check can keep that many
    /// requests outstanding. A model that cannot be launched fails `handshake`, and every other check is skipped.
    public func check(command configuration: ProcessModel.Configuration) async -> ConformanceReport {
        var configuration = configuration
        configuration.maxInFlight = max(configuration.maxInFlight, pipelined)
        let commandText = configuration.command.joined(separator: " ")
        let model: ProcessModel
        do {
            model = try await ProcessModel.launch(configuration)
        } catch {
            var checks = [ConformanceCheck.fail("handshake", "\(error)")]
            checks += Self.laterChecks.map { .skip($0, "the handshake failed") }
            return ConformanceReport(model: commandText, suite: suite.id, checks: checks)
        }
        var checks = [handshake(model.descriptor, detail: "protocol version accepted")]
        checks += await exercise(model)
        await model.shutdown()
        let incidents = model.incidents
        let statistics = model.statistics
        let latency = Self.take("latency", from: &checks)
        var idProblems = incidents.filter { $0.kind == .unknownID || $0.kind == .duplicateID }
            .map { "\($0.kind.rawValue): \($0)" }
        if let misrouted = Self.take("ids", from: &checks) { idProblems.append(misrouted.detail) }
        checks.append(.judge("ids", problems: idProblems,
                             passing: "every answer carried the id of a request sent, and each was answered once"))
        let broken = incidents.filter { [.malformed, .tooLong, .unterminated].contains($0.kind) }
        checks.append(.judge("clean-output", problems: broken.map { "\($0.kind.rawValue): \($0)" },
                             passing: "every stdout line was an answer"))
        checks.append(statistics.restarts == 0
            ? .pass("stability", "no restart was needed")
            : .fail("stability", "the process was restarted \(statistics.restarts) time(s) after a crash, a hang "
                + "or a broken pipe"))
        checks.append(statistics.signalledAtShutdown == 0
            ? .pass("end-of-input", "exited by itself when its stdin closed")
            : .fail("end-of-input", "did not exit within \(configuration.gracePeriod) of its stdin closing, and "
                + "had to be sent SIGTERM"))
        if let latency { checks.append(latency) }
        return ConformanceReport(model: "\(model.descriptor.name) \(model.descriptor.version)", suite: suite.id,
                                 checks: checks)
    }

    /// Runs every check that applies to a model already in this process (no handshake over pipes, no process
    /// to restart or to end).
    public func check(_ model: any ExplainingModel) async -> ConformanceReport {
        var checks = [handshake(model.descriptor, detail: "in process")]
        checks += await exercise(model)
        let latency = Self.take("latency", from: &checks)
        checks.append(Self.take("ids", from: &checks)
            ?? .pass("ids", "every answer carried the id of a request sent, and each was answered once"))
        checks.append(.skip("clean-output", "the model runs in process"))
        checks.append(.skip("stability", "the model runs in process"))
        checks.append(.skip("end-of-input", "the model runs in process"))
        if let latency { checks.append(latency) }
        return ConformanceReport(model: "\(model.descriptor.name) \(model.descriptor.version)", suite: suite.id,
                                 checks: checks)
    }

    /// Removes the check named `name` from `checks` and returns it.
    private static func take(_ name: String, from checks: inout [ConformanceCheck]) -> ConformanceCheck? {
        guard let index = checks.firstIndex(where: { $0.name == name }) else { return nil }
        return checks.remove(at: index)
    }

    /// The checks after `handshake`, skipped together when it fails.
    static let laterChecks = [
        "explain", "labels", "probabilities", "highlights", "text", "weights", "features", "predict",
        "predict-from-explanation", "simulate", "pipelining", "ids", "clean-output", "stability", "end-of-input",
    ]

    private func handshake(_ descriptor: ModelDescriptor, detail: String) -> ConformanceCheck {
        guard !descriptor.name.isEmpty else { return .fail("handshake", "the model has no name") }
        let capabilities = descriptor.capabilities.map(\.rawValue).joined(separator: ", ")
        return .pass("handshake", "\(descriptor.name) \(descriptor.version), \(detail); capabilities: "
            + (capabilities.isEmpty ? "none" : capabilities))
    }

    // MARK: Exercising the model

    /// Sends every kind of request and judges the answers; returns the checks from `explain` to `pipelining`.
    private func exercise(_ model: any ExplainingModel) async -> [ConformanceCheck] {
        let descriptor = model.descriptor
        let task = suite.task
        let chosen: [Instance]
        do {
            chosen = Array(try suite.instances(split: "test").prefix(instances))
        } catch {
            return [.fail("explain", "cannot read the test split of suite \(suite.id): \(error)")]
        }
        var misrouted: [String] = []
        func ask(_ requests: [Request]) async -> [Outcome?] {
            let outcomes = await model.respond(to: requests)
            var byID: [String: Outcome] = [:]
            let sent = Set(requests.map(\.id))
            for outcome in outcomes {
                if !sent.contains(outcome.requestID) || byID[outcome.requestID] != nil {
                    misrouted.append(outcome.requestID)
                }
                if byID[outcome.requestID] == nil { byID[outcome.requestID] = outcome }
            }
            return requests.map { byID[$0.id] }
        }

        let explainRequests = chosen.map { instance in
            Request(op: .explain, id: "explain-\(instance.id)", suite: suite.id, task: task.descriptor,
                    input: instance.wireInput)
        }
        let explained = await ask(explainRequests)
        var checks: [ConformanceCheck] = []
        checks.append(Self.answered("explain", explained, requests: explainRequests))
        let answers: [(Instance, Response)] = zip(chosen, explained).compactMap { instance, outcome in
            guard let outcome, outcome.status == .ok, let response = outcome.response else { return nil }
            return (instance, response)
        }
        let latencies = explained.compactMap { $0?.status == .ok ? $0?.latency : nil }
        guard !answers.isEmpty else {
            let rest = ["labels", "probabilities", "highlights", "text", "weights", "features", "predict",
                        "predict-from-explanation", "simulate", "pipelining"]
            return checks + rest.map { .skip($0, "no explain request was answered") } + (misrouted.isEmpty ? [] : [
                .fail("ids", "answers came back under ids that were not asked: \(misrouted.prefix(3))")])
        }

        let predictRequests = chosen.map { instance in
            Request(op: .predict, id: "predict-\(instance.id)", suite: suite.id, task: task.descriptor,
                    input: instance.wireInput)
        }
        let predicted = await ask(predictRequests)

        var explanationRequests: [Request] = []
        if descriptor.has(.predictFromExplanation) {
            for (instance, response) in answers {
                guard let explanation = Self.explanationAlone(response.explanation, of: instance, task: task)
                else { continue }
                let choices = instance.input.filter { task.field(named: $0.key)?.type == .choices }
                explanationRequests.append(Request(
                    op: .predictFromExplanation, id: "from-explanation-\(instance.id)", suite: suite.id,
                    task: task.descriptor, input: choices.isEmpty ? nil : choices.mapValues(\.wire),
                    explanation: explanation))
            }
        }
        let fromExplanation = await ask(explanationRequests)

        var simulateRequests: [Request] = []
        if descriptor.has(.simulate), answers.count >= 2 {
            let examples = answers.prefix(2).map { instance, response in
                SimulationExample(input: instance.wireInput, label: response.label, explanation: response.explanation)
            }
            for (instance, response) in answers.dropFirst(2).prefix(5) {
                simulateRequests.append(Request(op: .simulate, id: "simulate-\(instance.id)", suite: suite.id,
                                                task: task.descriptor, input: instance.wireInput,
                                                explanation: response.explanation, examples: Array(examples)))
            }
        }
        let simulated = await ask(simulateRequests)

        // Labels, probabilities and explanation parts over every answer of the kinds that carry them.
        var labelProblems: [String] = []
        var probabilityProblems: [String] = []
        let labelled: [(Request, Outcome?)] = Array(zip(explainRequests, explained))
            + Array(zip(predictRequests, predicted)) + Array(zip(explanationRequests, fromExplanation))
            + Array(zip(simulateRequests, simulated))
        for (request, outcome) in labelled {
            guard let outcome, outcome.status == .ok, let response = outcome.response else { continue }
            let mayBeNull = request.op == .simulate || request.op == .predictFromExplanation
            switch response.label {
            case nil where !mayBeNull:
                labelProblems.append("\(request.id): no label")
            case let label? where !task.labels.contains(label):
                labelProblems.append("\(request.id): label \"\(label)\" is not one of \(task.labels)")
            default:
                break
            }
            guard request.op == .explain || request.op == .predict else { continue }
            if let probabilities = response.probabilities {
                probabilityProblems += Self.probabilityProblems(probabilities, labels: task.labels, id: request.id)
            } else if descriptor.has(.probabilities) {
                probabilityProblems.append("\(request.id): no probabilities, though the model declares them")
            }
        }
        checks.append(.judge("labels", problems: labelProblems,
                             passing: "every label was one of \(task.labels.joined(separator: ", "))"))
        if probabilityProblems.isEmpty && !descriptor.has(.probabilities)
            && !answers.contains(where: { $0.1.probabilities != nil }) {
            checks.append(.skip("probabilities", "not declared and not given"))
        } else {
            checks.append(.judge("probabilities", problems: probabilityProblems,
                                 passing: "one for every label, each in [0, 1], summing to 1 ± 1e-6"))
        }
        checks += explanationChecks(answers, descriptor: descriptor)
        checks.append(Self.answered("predict", predicted, requests: predictRequests))
        if descriptor.has(.predictFromExplanation) {
            checks.append(explanationRequests.isEmpty
                ? .fail("predict-from-explanation", "declared, but no explanation had text or highlights to send")
                : Self.answered("predict-from-explanation", fromExplanation, requests: explanationRequests))
        } else {
            checks.append(.skip("predict-from-explanation", "not declared"))
        }
        if !descriptor.has(.simulate) {
            checks.append(.skip("simulate", "not declared"))
        } else if simulateRequests.isEmpty {
            checks.append(.skip("simulate", "fewer than 3 explain answers to build simulation requests from"))
        } else {
            checks.append(Self.answered("simulate", simulated, requests: simulateRequests))
        }

        // Many requests at once: a model that reads one line and blocks writing its answer while Candor is
        // still writing requests would deadlock here; one that mixes up ids gives another request's label.
        let pipelineRequests = (0..<pipelined).map { index in
            let instance = chosen[index % chosen.count]
            return Request(op: .predict, id: "pipelined-\(index)", suite: suite.id, task: task.descriptor,
                           input: instance.wireInput)
        }
        let pipelinedOutcomes = await ask(pipelineRequests)
        let unanswered = zip(pipelineRequests, pipelinedOutcomes).filter { $0.1?.status != .ok }
        if unanswered.isEmpty {
            checks.append(.pass("pipelining", "\(pipelined) requests in flight at once were all answered"))
        } else {
            let first = unanswered.prefix(3).map { request, outcome in
                "\(request.id): \(outcome.map { "\($0.status.rawValue), \($0.reason ?? "")" } ?? "no outcome")"
            }
            checks.append(.fail("pipelining", "\(unanswered.count) of \(pipelined) requests sent at once were not "
                + "answered: " + first.joined(separator: "; ")))
        }
        checks.append(Self.latency(latencies))
        if !misrouted.isEmpty {
            checks.append(.fail("ids", "answers came back under ids that were not asked or twice: "
                + misrouted.prefix(3).joined(separator: ", ")))
        }
        return checks
    }

    /// Passes when every request ended `ok`; otherwise names the statuses and the first reasons.
    static func answered(_ name: String, _ outcomes: [Outcome?], requests: [Request]) -> ConformanceCheck {
        var counts: [OutcomeStatus: Int] = [:]
        var problems: [String] = []
        for (request, outcome) in zip(requests, outcomes) {
            guard let outcome else {
                problems.append("\(request.id): no outcome")
                continue
            }
            counts[outcome.status, default: 0] += 1
            if outcome.status != .ok {
                problems.append("\(request.id): \(outcome.status.rawValue): \(outcome.reason ?? "no reason")")
            }
        }
        guard !problems.isEmpty else { return .pass(name, "\(requests.count) request(s) answered") }
        let tally = OutcomeStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        return .fail(name, "\(problems.count) of \(requests.count) not answered (\(tally.joined(separator: ", "))); "
            + problems.prefix(2).joined(separator: "; "))
    }

    static func probabilityProblems(_ probabilities: [String: Double], labels: [String], id: String) -> [String] {
        var problems: [String] = []
        let missing = labels.filter { probabilities[$0] == nil }
        if !missing.isEmpty { problems.append("\(id): no probability for \(missing.joined(separator: ", "))") }
        let unknown = probabilities.keys.filter { !labels.contains($0) }.sorted()
        if !unknown.isEmpty { problems.append("\(id): probabilities for unknown labels \(unknown)") }
        for label in labels {
            if let value = probabilities[label], !(0...1).contains(value) {
                problems.append("\(id): probability of \(label) is \(value), outside [0, 1]")
            }
        }
        let sum = probabilities.values.reduce(0, +)
        if abs(sum - 1) > probabilityTolerance {
            problems.append("\(id): probabilities sum to \(sum), not 1 ± 1e-6")
        }
        return problems
    }

    static func latency(_ seconds: [Double]) -> ConformanceCheck {
        guard !seconds.isEmpty else { return .skip("latency", "no answers to time") }
        let sorted = seconds.sorted()
        // Nearest rank: the smallest latency with at least p of the answers at or below it.
        func percentile(_ p: Double) -> String {
            let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
            return String(format: "%.1f ms", sorted[rank - 1] * 1000)
        }
        return .pass("latency", "\(sorted.count) explain requests sent at once, answered in: p50 \(percentile(0.5)), "
            + "p90 \(percentile(0.9)), p99 \(percentile(0.99)), max \(percentile(1))")
    }

    /// The explanation as it travels without its input (quotes for highlighted tokens), or nil when empty.
    static func explanationAlone(_ explanation: WireExplanation?, of instance: Instance, task: TaskSpec)
        -> WireExplanation? {
        let resolved = ResolvedExplanation(explanation, of: instance, task: task)
        let quotes = resolved.quotes(in: instance)
        let text = resolved.text.flatMap { $0.isEmpty ? nil : $0 }
        if text == nil && quotes.isEmpty { return nil }
        return WireExplanation(text: text, highlights: quotes.isEmpty ? nil : quotes)
    }

    // MARK: Explanations

    private func explanationChecks(_ answers: [(Instance, Response)], descriptor: ModelDescriptor)
        -> [ConformanceCheck] {
        let task = suite.task
        var highlightProblems: [String] = []
        var textProblems: [String] = []
        var weightProblems: [String] = []
        var featureProblems: [String] = []
        var given: Set<String> = []
        let tables = task.inputs.filter { $0.type == .table }
        for (instance, response) in answers {
            let id = instance.id
            let explanation = response.explanation
            if let highlights = explanation?.highlights {
                given.insert("highlights")
                for (index, highlight) in highlights.enumerated() {
                    let place = "\(id): highlights[\(index)]"
                    guard let field = task.field(named: highlight.field), let value = instance.input[field.name] else {
                        highlightProblems.append("\(place): no input field \"\(highlight.field)\"")
                        continue
                    }
                    if field.type == .table {
                        let names = Set(field.features.map(\.name))
                        for name in highlight.features ?? [] where !names.contains(name) {
                            featureProblems.append("\(place): no feature \"\(name)\" in \(field.name)")
                        }
                        if highlight.features != nil { given.insert("features") }
                        continue
                    }
                    let count = value.tokens.count
                    for token in highlight.tokens ?? [] where !(0..<count).contains(token) {
                        highlightProblems.append("\(place): token \(token) out of range 0..<\(count)")
                    }
                    if let quote = highlight.quote, ResolvedExplanation.locate(quote: quote, in: value.tokens) == nil {
                        highlightProblems.append(
                            "\(place): quote \"\(quote)\" matches no whole tokens of \(field.name)")
                    }
                }
            } else if descriptor.has(.highlights) {
                highlightProblems.append("\(id): no highlights, though the model declares them")
            }
            if let text = explanation?.text, !text.isEmpty {
                given.insert("text")
            } else if descriptor.has(.text) {
                textProblems.append("\(id): no text, though the model declares it")
            }
            if let weights = explanation?.weights {
                given.insert("weights")
                for (index, entry) in weights.enumerated() {
                    let place = "\(id): weights[\(index)]"
                    guard let field = task.field(named: entry.field), let value = instance.input[field.name] else {
                        weightProblems.append("\(place): no input field \"\(entry.field)\"")
                        continue
                    }
                    if let values = entry.values {
                        if field.type == .table {
                            weightProblems.append("\(place): \(field.name) is a table; weigh it by features")
                        } else if values.count != value.tokens.count {
                            weightProblems.append("\(place): \(values.count) values for \(value.tokens.count) tokens")
                        }
                    }
                    if let features = entry.features {
                        let names = Set(field.features.map(\.name))
                        for name in features.keys.sorted() where !names.contains(name) {
                            weightProblems.append("\(place): no feature \"\(name)\" in \(field.name)")
                        }
                    }
                }
            } else if descriptor.has(.weights) {
                weightProblems.append("\(id): no weights, though the model declares them")
            }
            if descriptor.has(.features), !tables.isEmpty {
                let cites = (explanation?.highlights ?? []).contains { highlight in
                    tables.contains { $0.name == highlight.field } && !(highlight.features ?? []).isEmpty
                }
                if !cites {
                    featureProblems.append("\(id): cites no table feature, though the model declares features")
                }
            }
        }
        func judge(_ name: String, _ problems: [String], passing: String, declared: Capability) -> ConformanceCheck {
            if problems.isEmpty && !descriptor.has(declared) && !given.contains(name) {
                return .skip(name, "not declared and not given")
            }
            return .judge(name, problems: problems, passing: passing)
        }
        var checks = [
            judge("highlights", highlightProblems,
                  passing: "fields exist, token indices are in range, quotes resolve to whole tokens",
                  declared: .highlights),
            judge("text", textProblems, passing: "every explanation has text", declared: .text),
            judge("weights", weightProblems, passing: "one weight per token, or per known feature",
                  declared: .weights),
        ]
        if tables.isEmpty {
            checks.append(featureProblems.isEmpty
                ? .skip("features", "suite \(suite.id) has no table field")
                : .fail("features", featureProblems.prefix(3).joined(separator: "; ")))
        } else {
            checks.append(judge("features", featureProblems, passing: "cited features exist in the table",
                                declared: .features))
        }
        return checks
    }
}
