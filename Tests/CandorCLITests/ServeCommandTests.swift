import Candor
import CandorProtocol
import Foundation
import Testing

/// `candor serve reference`: run as an external model through `ProcessModel`, it answers exactly as the
/// reference model does in process.
@Suite(.timeLimit(.minutes(5))) struct ServeCommandTests {
    static let suites = ["sentiment", "nli", "commonsense-qa", "fact-check", "triage", "credit"]

    /// Sends the first `count` test instances of `suiteID` as explain and predict requests, then a
    /// predict-from-explanation request built from each in-process explanation, to `candor serve reference` and
    /// to the same model in process, and expects identical outcomes.
    static func compare(suiteID: String, variant: ReferenceModel.Variant, count: Int) async throws {
        let suite = try SuiteLoader.load(CLI.projectRoot.appendingPathComponent("Suites/\(suiteID)"))
        let inProcess = try ReferenceModel.train(suite: suite, variant: variant)
        let served = try await ProcessModel.launch(ProcessModel.Configuration(
            command: [CLI.productsFolder.appendingPathComponent("candor").path, "serve", "reference",
                      "--suite", suiteID, "--variant", variant.rawValue],
            workingDirectory: CLI.projectRoot, timeout: .seconds(120), startupTimeout: .seconds(120)))
        #expect(served.descriptor == inProcess.descriptor)
        let instances = Array(try suite.instances(split: "test").prefix(count))
        var requests = instances.flatMap { instance in
            [CandorProtocol.Operation.explain, .predict].map { op in
                Request(op: op, id: "\(op.rawValue)-\(instance.id)", suite: suite.id, task: suite.task.descriptor,
                        input: instance.wireInput)
            }
        }
        var expected = await inProcess.respond(to: requests)
        let explained = zip(instances, expected.filter { $0.requestID.hasPrefix("explain-") })
        let fromExplanation = explained.map { instance, outcome in
            let resolved = ResolvedExplanation(outcome.response?.explanation, of: instance, task: suite.task)
            let choices = instance.input.filter { suite.task.field(named: $0.key)?.type == .choices }
            return Request(op: .predictFromExplanation, id: "from-\(instance.id)", suite: suite.id,
                           task: suite.task.descriptor, input: choices.isEmpty ? nil : choices.mapValues(\.wire),
                           explanation: WireExplanation(text: resolved.text, highlights: resolved.quotes(in: instance)))
        }
        expected += await inProcess.respond(to: fromExplanation)
        requests += fromExplanation
        let answered = await served.respond(to: requests)
        await served.shutdown()
        #expect(answered.count == 3 * instances.count)
        #expect(answered.allSatisfy { $0.status == .ok })
        for (got, want) in zip(answered, expected) {
            #expect(got.requestID == want.requestID)
            #expect(got.response == want.response, "\(got.requestID)")
        }
        #expect(served.statistics.incidents == 0)
    }

    @Test(arguments: suites)
    func servedAnswersAreIdenticalToTheModelInProcess(suiteID: String) async throws {
        try await Self.compare(suiteID: suiteID, variant: .faithful, count: 100)
    }

    @Test(arguments: [ReferenceModel.Variant.shuffled, .inverted, .plausible])
    func everyVariantIsServedAsInProcess(variant: ReferenceModel.Variant) async throws {
        try await Self.compare(suiteID: "sentiment", variant: variant, count: 30)
    }

    @Test func aRequestForAnotherSuiteIsRefusedInWords() async throws {
        let served = try await ProcessModel.launch(ProcessModel.Configuration(
            command: [CLI.productsFolder.appendingPathComponent("candor").path, "serve", "reference",
                      "--suite", "sentiment"],
            workingDirectory: CLI.projectRoot, timeout: .seconds(60), startupTimeout: .seconds(60)))
        let request = Request(op: .explain, id: "q", suite: "nli",
                              task: TaskDescriptor(kind: "classification", labels: ["negative", "positive"]),
                              input: [:])
        let outcome = try #require(await served.respond(to: [request]).first)
        await served.shutdown()
        #expect(outcome.status == .error)
        #expect(outcome.reason == "request for suite 'nli', but this reference model was trained on suite 'sentiment'")
    }

    @Test func anUnknownVariantIsAUsageError() async throws {
        let result = try await CLI.run(["serve", "reference", "--suite", "sentiment", "--variant", "sloppy"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown variant 'sloppy'; known variants: faithful, shuffled, inverted, plausible"))
    }
}
