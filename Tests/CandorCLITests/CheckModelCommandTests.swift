import Foundation
import Testing

/// `candor check-model`: the examples pass, a misbehaving model fails with the check named and status 1.
@Suite(.timeLimit(.minutes(3))) struct CheckModelCommandTests {
    @Test(arguments: ["sentiment", "nli", "credit"])
    func thePythonExamplePassesEveryCheck(suite: String) async throws {
        let result = try await CLI.run(["check-model", "--suite", suite, "--instances", "10", "--",
                                  "python3", "Examples/python/keyword_model.py"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("Conformance of keyword-model 1.0 on suite \(suite)\n"))
        for check in ["handshake", "explain", "labels", "probabilities", "highlights", "text", "predict",
                      "predict-from-explanation", "pipelining", "ids", "clean-output", "stability", "end-of-input"] {
            #expect(result.stdout.contains("  PASS  \(check) "), "\(check)")
        }
        #expect(!result.stdout.contains("FAIL"))
    }

    @Test func theServedReferenceModelPassesGivenAsOneString() async throws {
        let candor = CLI.productsFolder.appendingPathComponent("candor").path
        let result = try await CLI.run(["check-model", "--instances", "10", "--model-command",
                                  "'\(candor)' serve reference --suite sentiment"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("  PASS  weights "))
    }

    @Test func aRefusingModelFailsTheExplainCheckWithStatusOne() async throws {
        let result = try await CLI.run(["check-model", "--instances", "3", "--", "python3", "Fixtures/models/refuse_all.py"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  FAIL  explain "))
        #expect(result.stdout.contains("3 of 3 not answered (3 error); explain-sentiment-test-00001: error: input too long"))
        #expect(result.stdout.hasSuffix("1 check(s) failed: explain.\n"))
    }

    @Test func theCommandIsGivenOnceOnly() async throws {
        let both = try await CLI.run(["check-model", "--model-command", "python3 a.py", "--", "python3", "b.py"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give the model's command either with --model-command or after --, not both"))
        let neither = try await CLI.run(["check-model"])
        #expect(neither.status == 64)
    }
}
