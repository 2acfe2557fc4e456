import Candor
import CandorProtocol
import CandorTesting
import Foundation
import Testing

/// `ModelConformance`: the reference model passes; each broken promise fails the check that names it, for
/// hand-made models in process and for the misbehaving model scripts in `Fixtures/models/`.
@Suite(.timeLimit(.minutes(2))) struct ModelConformanceTests {
    /// Four reviews whose words set off the fixtures that misbehave on a word: `bad` (invalid UTF-8), `long`
    /// (a 10 MB line) and `hang` (no answer).
    static func triggers() throws -> Suite {
        let train = [("a good film", "positive"), ("a bad film", "negative"), ("good fun", "positive"),
                     ("bad fun", "negative")].enumerated().map { index, pair in
            #"{"id":"triggers-train-\#(index)","input":{"review":"\#(pair.0)"},"label":"\#(pair.1)"}"#
        }
        let test = ["a good film", "a bad film , so long", "the good cast", "hang on , the bad plot"]
            .enumerated().map { index, text in
                #"{"id":"triggers-test-\#(index)","input":{"review":"\#(text)"},"label":"positive","rationale":[{"field":"review","start":0,"end":1}],"explanation":"It says so.","shortcut":false}"#
            }
        return try ReferenceModelFixtures.suite(id: "triggers", task: """
              kind: classification
              labels: [negative, positive]
              inputs:
                - {name: review, type: text}
            """, explanations: "highlights, text", train: train, test: test)
    }

    // MARK: In process

    @Test func theReferenceModelPassesOnATextSuite() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let report = await ModelConformance(suite: suite).check(try ReferenceModel.train(suite: suite))
        #expect(report.passed, "\(report.text)")
        #expect(report.check(named: "weights")?.verdict == .pass)
        #expect(report.check(named: "predict-from-explanation")?.verdict == .pass)
        #expect(report.check(named: "features")?.verdict == .skip)
    }

    @Test func theReferenceModelPassesOnTheCreditSuiteCitingFeatures() async throws {
        let suite = try SuiteLoader.load(ShippedSuiteData.folder("credit"))
        let report = await ModelConformance(suite: suite, instances: 10)
            .check(try ReferenceModel.train(suite: suite))
        #expect(report.passed, "\(report.text)")
        #expect(report.check(named: "features")?.verdict == .pass)
    }

    /// A model answering through `answer`, with `capabilities`.
    struct HandMade: ExplainingModel {
        var capabilities: [Capability]
        var answer: @Sendable (Request) -> Response
        var descriptor: ModelDescriptor {
            ModelDescriptor(name: "hand-made", version: "1", capabilities: capabilities)
        }
        var key: String { "hand-made" }
        func respond(to requests: [Request]) async -> [Outcome] { requests.map { .ok(answer($0)) } }
    }

    /// A well-behaved answer: positive at 0.75, highlighting token 0 by index and by quote, with text.
    static func good(_ request: Request) -> Response {
        let tokens = request.input?["review"]?.tokens ?? []
        return Response(id: request.id, label: "positive", probabilities: ["negative": 0.25, "positive": 0.75],
                        explanation: WireExplanation(
                            text: "It says so.",
                            highlights: [Highlight(field: "review", tokens: [0]),
                                         Highlight(field: "review", quote: tokens.first ?? "")],
                            weights: [FieldWeights(field: "review", values: tokens.map { _ in 0.5 })]))
    }

    static let everything: [Capability] = [.probabilities, .highlights, .text, .weights, .predictFromExplanation]

    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var capabilities: [Capability] = ModelConformanceTests.everything
        var change: @Sendable (inout Response) -> Void
        var failing: String
        var detail: String
        /// Checks that fail with it: an answer under the wrong id also leaves its request unanswered.
        var alsoFailing: [String] = []
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "sum 0.9", change: { $0.probabilities = ["negative": 0.15, "positive": 0.75] },
                 failing: "probabilities", detail: "sum to 0.9"),
        Breakage(name: "missing label", change: { $0.probabilities = ["positive": 1] },
                 failing: "probabilities", detail: "no probability for negative"),
        Breakage(name: "label outside the set", change: { $0.label = "maybe" },
                 failing: "labels", detail: #"label "maybe" is not one of"#),
        Breakage(name: "token out of range",
                 change: { $0.explanation?.highlights = [Highlight(field: "review", tokens: [99])] },
                 failing: "highlights", detail: "token 99 out of range"),
        Breakage(name: "quote that does not resolve",
                 change: { $0.explanation?.highlights = [Highlight(field: "review", quote: "zz")] },
                 failing: "highlights", detail: #"quote "zz" matches no whole tokens"#),
        Breakage(name: "unknown field",
                 change: { $0.explanation?.highlights = [Highlight(field: "plot", tokens: [0])] },
                 failing: "highlights", detail: #"no input field "plot""#),
        Breakage(name: "weights too short",
                 change: { $0.explanation?.weights = [FieldWeights(field: "review", values: [1])] },
                 failing: "weights", detail: "1 values for"),
        Breakage(name: "declared text missing", change: { $0.explanation?.text = nil },
                 failing: "text", detail: "no text, though the model declares it"),
        Breakage(name: "wrong id", change: { $0.id = "elsewhere" }, failing: "ids", detail: "elsewhere",
                 alsoFailing: ["explain"]),
    ]

    @Test(arguments: breakages)
    func eachBrokenPromiseFailsItsCheckAlone(breakage: Breakage) async throws {
        let suite = try ReferenceModelFixtures.reviews()
        // Only explain answers are broken, so only the check about them fails (predict answers stay good).
        let model = HandMade(capabilities: breakage.capabilities) { request in
            var response = Self.good(request)
            if request.op == .explain { breakage.change(&response) }
            return response
        }
        let report = await ModelConformance(suite: suite).check(model)
        #expect(Set(report.failures) == Set([breakage.failing] + breakage.alsoFailing), "\(report.text)")
        #expect(report.check(named: breakage.failing)?.detail.contains(breakage.detail) == true, "\(report.text)")
    }

    @Test func aRefusedDeclaredOperationFailsThatOperation() async throws {
        let model = HandMade(capabilities: Self.everything) { request in
            request.op == .predictFromExplanation ? Response(id: request.id, error: "not today") : Self.good(request)
        }
        let report = await ModelConformance(suite: try ReferenceModelFixtures.reviews()).check(model)
        #expect(report.failures == ["predict-from-explanation"])
        #expect(report.check(named: "predict-from-explanation")?.detail.contains("error: not today") == true)
    }

    @Test func undeclaredPartsThatAreAbsentAreSkipped() async throws {
        let model = HandMade(capabilities: []) { Response(id: $0.id, label: "negative") }
        let report = await ModelConformance(suite: try ReferenceModelFixtures.reviews()).check(model)
        #expect(report.passed, "\(report.text)")
        for name in ["probabilities", "highlights", "text", "weights", "features", "predict-from-explanation",
                     "simulate"] {
            #expect(report.check(named: name)?.verdict == .skip, "\(name)")
        }
    }

    // MARK: Model processes

    struct Fixture: Sendable, CustomTestStringConvertible {
        var script: String
        var arguments: [String] = []
        /// The check that must fail; nil when the model must pass every check.
        var failing: String?
        var detail: String = ""
        var timeout: Double = 10
        var startupTimeout: Double = 10
        var testDescription: String { ([script] + arguments).joined(separator: " ") }
    }

    static let fixtures: [Fixture] = [
        Fixture(script: "echo.py"),
        Fixture(script: "out_of_order.py", arguments: ["4"]),
        Fixture(script: "unicode_lines.py"),
        Fixture(script: "stderr_flood.py", arguments: ["2"]),
        Fixture(script: "slow_start.py", arguments: ["1"]),
        Fixture(script: "crash_at_start.py", failing: "handshake", detail: "model weights not found"),
        Fixture(script: "version_too_new.py", failing: "handshake", detail: "protocol version 2"),
        Fixture(script: "slow_start.py", arguments: ["3"], failing: "handshake", detail: "no hello within",
                startupTimeout: 1),
        Fixture(script: "exit_after_hello.py", failing: "explain", detail: "crashed"),
        Fixture(script: "crash_after.py", arguments: ["3"], failing: "stability", detail: "restarted 1 time"),
        Fixture(script: "half_line.py", failing: "clean-output", detail: "unterminated"),
        Fixture(script: "hang_forever.py", failing: "explain", detail: "timeout: no answer within 1 s", timeout: 1),
        Fixture(script: "hang_on.py", arguments: ["hang"], failing: "explain", detail: "1 of 4 not answered (3 ok, 1 timeout)",
                timeout: 1),
        Fixture(script: "non_json.py", failing: "clean-output", detail: "not valid JSON", timeout: 2),
        Fixture(script: "wrong_types.py", failing: "explain",
                detail: "expected a number, found a string"),
        Fixture(script: "invalid_utf8.py", failing: "clean-output", detail: "not valid UTF-8: byte 0xFF"),
        Fixture(script: "long_line.py", failing: "clean-output", detail: "too-long"),
        Fixture(script: "long_line.py", arguments: ["--id-last"], failing: "stability", detail: "restarted"),
        Fixture(script: "refuse_all.py", failing: "explain", detail: "error: input too long"),
        Fixture(script: "unknown_ids.py", failing: "ids", detail: "unknown-id", timeout: 2),
        Fixture(script: "answer_twice.py", failing: "ids", detail: "duplicate-id"),
    ]

    @Test(arguments: fixtures)
    func fixtureModelsPassOrFailTheRightCheck(fixture: Fixture) async throws {
        var configuration = ModelFixtures.configuration(fixture.script, timeout: fixture.timeout)
        configuration.command += fixture.arguments
        configuration.startupTimeout = .milliseconds(Int(fixture.startupTimeout * 1000))
        // A well-behaved model exits at once when its stdin closes; the margin is for a busy machine.
        configuration.gracePeriod = .seconds(5)
        let fixed = configuration
        let suite = try Self.triggers()
        let report = try await ModelFixtures.within(60) {
            await ModelConformance(suite: suite, instances: 4, pipelined: 16).check(command: fixed)
        }
        guard let failing = fixture.failing else {
            #expect(report.passed, "\(report.text)")
            return
        }
        #expect(report.failures.contains(failing), "\(report.text)")
        #expect(report.check(named: failing)?.detail.contains(fixture.detail) == true, "\(report.text)")
    }

    @Test func answerTwiceFailsOnlyTheIDCheck() async throws {
        var configuration = ModelFixtures.configuration("answer_twice.py")
        configuration.gracePeriod = .seconds(5)
        let fixed = configuration
        let report = try await ModelFixtures.within(60) {
            await ModelConformance(suite: try Self.triggers(), instances: 4, pipelined: 16).check(command: fixed)
        }
        #expect(report.failures == ["ids"], "\(report.text)")
    }

    @Test func theReportPrintsOneLinePerCheckAndTheVerdict() {
        let report = ConformanceReport(model: "m 1", suite: "s", checks: [
            .pass("handshake", "m 1"), .fail("ids", "duplicate-id"), .skip("simulate", "not declared"),
        ])
        #expect(report.text == """
            Conformance of m 1 on suite s
              PASS  handshake  m 1
              FAIL  ids        duplicate-id
              SKIP  simulate   not declared
            1 check(s) failed: ids.

            """)
        #expect(!report.passed)
    }
}
