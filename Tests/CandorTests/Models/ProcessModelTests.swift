import Candor
import CandorProtocol
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct ProcessModelTests {
    @Test func echoModelAnswersEveryRequest() async throws {
        let requests = ModelFixtures.requests(5, texts: ["Great fun", "Dull"])
        let (outcomes, model) = try await ModelFixtures.run(ModelFixtures.configuration("echo.py"), requests)
        #expect(model.descriptor == ModelDescriptor(name: "echo", version: "1.0",
                                                    capabilities: [.probabilities, .highlights, .text]))
        #expect(outcomes.map(\.requestID) == ["q0", "q1", "q2", "q3", "q4"])
        #expect(outcomes.allSatisfy { $0.status == .ok && $0.reason == nil })
        let first = try #require(outcomes.first?.response)
        #expect(first.id == "q0")
        #expect(first.label == "negative")
        // Two labels, uniform: 1 / 2 = 0.5 each.
        #expect(first.probabilities == ["negative": 0.5, "positive": 0.5])
        #expect(first.explanation?.text == "echo: Great fun")
        #expect(first.explanation?.highlights == [Highlight(field: "review", tokens: [0]),
                                                  Highlight(field: "review", quote: "Great")])
        #expect(outcomes[1].response?.explanation?.text == "echo: Dull")
        #expect(model.incidents.isEmpty)
    }

    @Test func keyNamesTheModelAndHashesOnlyWhatChangesAnswers() async throws {
        let base = ModelFixtures.configuration("echo.py")
        var busier = base
        busier.workers = 2
        busier.timeout = .seconds(9)
        var other = base
        other.environment = ["ECHO_MODE": "loud"]
        let configurations = [base, busier, other]
        let keys = try await ModelFixtures.within(20) {
            var keys: [String] = []
            for configuration in configurations {
                let model = try await ProcessModel.launch(configuration)
                keys.append(model.key)
                await model.shutdown()
            }
            return keys
        }
        #expect(keys[0].hasPrefix("process/echo:"))
        #expect(keys[0].count == "process/echo:".count + 12)
        #expect(keys[0] == keys[1])
        #expect(keys[0] != keys[2])
    }

    @Test func answersOutOfOrderAreMatchedByID() async throws {
        let texts = (0..<8).map { "text number \($0)" }
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("out_of_order.py", "4"), ModelFixtures.requests(8, texts: texts))
        #expect(outcomes.allSatisfy { $0.status == .ok })
        // The model answers each batch of four in reverse; each answer repeats its own request's text.
        for (index, outcome) in outcomes.enumerated() {
            #expect(outcome.requestID == "q\(index)")
            #expect(outcome.response?.id == "q\(index)")
            #expect(outcome.response?.explanation?.text == "text number \(index)")
        }
    }

    @Test func pipeliningKeepsSeveralRequestsInFlight() async throws {
        // The model answers only once it has read 8 requests: 8 in flight are needed.
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("out_of_order.py", "8", maxInFlight: 8), ModelFixtures.requests(16))
        #expect(outcomes.map(\.status) == Array(repeating: .ok, count: 16))
    }

    @Test func maxInFlightIsRespected() async throws {
        // With only 4 in flight the model never reaches 8 and never answers: every request times out.
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("out_of_order.py", "8", timeout: 1, restarts: 0, maxInFlight: 4),
            ModelFixtures.requests(8))
        #expect(outcomes.map(\.status) == Array(repeating: .timeout, count: 8))
    }

    @Test func severalWorkersShareTheWork() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("echo.py", workers: 3), ModelFixtures.requests(60))
        #expect(outcomes.count == 60)
        #expect(outcomes.allSatisfy { $0.status == .ok })
        #expect(model.statistics.restarts == 0)
    }

    @Test func concurrentCallsWithTheSameIDsDoNotCollide() async throws {
        let result = try await ModelFixtures.within(20) {
            let model = try await ProcessModel.launch(ModelFixtures.configuration("echo.py"))
            async let first = model.respond(to: ModelFixtures.requests(10, texts: (0..<10).map { "a\($0)" }))
            async let second = model.respond(to: ModelFixtures.requests(10, texts: (0..<10).map { "b\($0)" }))
            let both = await (first, second)
            await model.shutdown()
            return both
        }
        #expect(result.0.map { $0.response?.explanation?.text } == (0..<10).map { "echo: a\($0)" })
        #expect(result.1.map { $0.response?.explanation?.text } == (0..<10).map { "echo: b\($0)" })
    }

    @Test func requestsAfterShutdownEndAtOnce() async throws {
        let outcomes = try await ModelFixtures.within(20) {
            let model = try await ProcessModel.launch(ModelFixtures.configuration("echo.py"))
            await model.shutdown()
            return await model.respond(to: ModelFixtures.requests(2))
        }
        #expect(outcomes.map(\.status) == [.crashed, .crashed])
        #expect(outcomes.allSatisfy { $0.reason == "the model was shut down before answering" })
    }

    @Test func emptyBatchNeedsNoModelWork() async throws {
        let (outcomes, _) = try await ModelFixtures.run(ModelFixtures.configuration("echo.py"), [])
        #expect(outcomes.isEmpty)
    }

    @Test func invalidConfigurationIsRefusedBeforeStarting() async {
        var configuration = ModelFixtures.configuration("echo.py")
        configuration.workers = 0
        configuration.maxInFlight = 0
        await #expect(throws: ProcessModelError.invalidConfiguration(
            "workers must be at least 1, found 0; max-in-flight must be at least 1, found 0")) {
            _ = try await ProcessModel.launch(configuration)
        }
    }

    @Test func missingCommandCannotStart() async throws {
        let configuration = ProcessModel.Configuration(command: ["candor-no-such-model-command"])
        let error = await #expect(throws: ProcessModelError.self) {
            _ = try await ProcessModel.launch(configuration)
        }
        #expect(error == .cannotStart(command: "candor-no-such-model-command", reason: "No such file or directory"))
    }

    @Test func workingDirectoryAndEnvironmentReachTheModel() async throws {
        let script = """
            import json, os, sys
            sys.stdin.readline()
            print(json.dumps({"candor": 1, "op": "hello", "name": os.getcwd() + "|" + os.environ["CANDOR_TEST"]}),
                  flush=True)
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("candor-cwd-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = ProcessModel.Configuration(
            command: ["python3", "-c", script], workingDirectory: directory, environment: ["CANDOR_TEST": "yes"],
            gracePeriod: .milliseconds(200))
        let name = try await ModelFixtures.within(20) {
            let model = try await ProcessModel.launch(configuration)
            await model.shutdown()
            return model.descriptor.name
        }
        let resolved = directory.resolvingSymlinksInPath().path
        #expect(name == "\(resolved)|yes")
    }

    @Test func stderrIsSavedToTheLog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("candor-log-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = ModelFixtures.configuration("crash_after.py", "1", restarts: 0)
        configuration.logDirectory = directory
        let (outcomes, _) = try await ModelFixtures.run(configuration, ModelFixtures.requests(2))
        #expect(outcomes.map(\.status) == [.ok, .crashed])
        let log = try String(contentsOf: directory.appendingPathComponent("stderr-0.log"), encoding: .utf8)
        #expect(log.contains("out of memory (simulated)"))
        #expect(log.contains("--- process 1 of worker 0, pid "))
    }
}
