import Candor
import CandorProtocol
import Foundation
import Testing

/// `candor serve reference`: run as an external model through `ProcessModel`, it answers exactly as the
/// reference model does in process.
@Suite(.timeLimit(.minutes(5))) struct ServeCommandTests {
    static let suites = ["sentiment", "nli", "commonsense-qa", "fact-check", "triage", "credit"]

    @Test(arguments: suites)
    func servedAnswersAreIdenticalToTheModelInProcess(suiteID: String) async throws {
        let suite = try SuiteLoader.load(CLI.projectRoot.appendingPathComponent("Suites/\(suiteID)"))
        let inProcess = try ReferenceModel.train(suite: suite)
        let served = try await ProcessModel.launch(ProcessModel.Configuration(
            command: [CLI.productsFolder.appendingPathComponent("candor").path, "serve", "reference",
                      "--suite", suiteID],
            workingDirectory: CLI.projectRoot, timeout: .seconds(120), startupTimeout: .seconds(120)))
        #expect(served.descriptor == inProcess.descriptor)
        let requests = try suite.instances(split: "test").prefix(100).flatMap { instance in
            [Operation.explain, .predict].map { op in
                Request(op: op, id: "\(op.rawValue)-\(instance.id)", suite: suite.id, task: suite.task.descriptor,
                        input: instance.wireInput)
            }
        }
        let expected = await inProcess.respond(to: requests)
        let answered = await served.respond(to: requests)
        await served.shutdown()
        #expect(answered.count == 200)
        #expect(answered.allSatisfy { $0.status == .ok })
        for (got, want) in zip(answered, expected) {
            #expect(got.requestID == want.requestID)
            #expect(got.response == want.response, "\(got.requestID)")
        }
        #expect(served.statistics.incidents == 0)
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

    @Test func anUnknownVariantIsAUsageError() throws {
        let result = try CLI.run(["serve", "reference", "--suite", "sentiment", "--variant", "sloppy"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown variant 'sloppy'; known variants: faithful, shuffled, inverted, plausible"))
    }
}
