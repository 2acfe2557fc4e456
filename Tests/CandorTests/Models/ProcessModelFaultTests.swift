import Candor
import CandorProtocol
import Foundation
import Testing

/// The fault matrix: one test per misbehaving model in `Fixtures/models/`. Each checks that the call ends
/// (every test runs under an overall deadline), that every request is accounted for with the right status and
/// reason, and that answers given before a fault are kept.
@Suite(.timeLimit(.minutes(1))) struct ProcessModelFaultTests {
    @Test func crashAtStartFailsTheLaunchWithTheModelsLastWords() async throws {
        let error = await #expect(throws: ProcessModelError.self) {
            _ = try await ModelFixtures.run(ModelFixtures.configuration("crash_at_start.py"), [])
        }
        guard case .handshakeFailed(_, let reason)? = error else {
            Issue.record("expected a handshake failure, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("exited with status 1 before answering hello"))
        #expect(reason.contains("model weights not found: weights.bin"))
    }

    @Test func crashAfterThreeKeepsTheThreeAnswers() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("crash_after.py", "3", restarts: 0), ModelFixtures.requests(5))
        #expect(outcomes.map(\.status) == [.ok, .ok, .ok, .crashed, .crashed])
        #expect(outcomes.prefix(3).allSatisfy { $0.response?.label == "negative" })
        let reason = try #require(outcomes[3].reason)
        #expect(reason.contains("exited with status 3"))
        #expect(reason.contains("out of memory (simulated)"))
        #expect(reason.contains("restarted 0 of 0 times; giving up"))
        #expect(model.statistics.restarts == 0)
    }

    @Test func crashAfterThreeIsRestartedAndOwedRequestsAreResent() async throws {
        // First process answers q0–q2 and dies; the second gets q3 and q4 again and answers both.
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("crash_after.py", "3", restarts: 1), ModelFixtures.requests(5))
        #expect(outcomes.map(\.status) == Array(repeating: .ok, count: 5))
        #expect(outcomes.map(\.requestID) == ["q0", "q1", "q2", "q3", "q4"])
        #expect(model.statistics.restarts == 1)
    }

    @Test func hangForeverEndsEveryRequestAsATimeout() async throws {
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("hang_forever.py", timeout: 1, restarts: 1), ModelFixtures.requests(3))
        #expect(outcomes.map(\.status) == [.timeout, .timeout, .timeout])
        #expect(outcomes.allSatisfy { $0.reason == "no answer within 1 s" })
    }

    @Test(arguments: [[String](), ["--ignore-sigterm"]])
    func shutdownStopsAModelThatIgnoresItsClosedStdin(arguments: [String]) async throws {
        // The model neither exits on end of input nor (second case) on SIGTERM: SIGKILL must end it.
        var configuration = ModelFixtures.configuration("hang_forever.py")
        configuration.command += arguments
        configuration.gracePeriod = .milliseconds(300)
        let fixed = configuration
        let version = try await ModelFixtures.within(15) {
            let model = try await ProcessModel.launch(fixed)
            await model.shutdown()
            return model.descriptor.version
        }
        // The fixture's version is its process id; after the shutdown no such process exists (it was reaped).
        let pid = try #require(pid_t(version))
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func hangOnOneRequestTimesOutThatRequestOnly() async throws {
        let requests = ModelFixtures.requests(4, texts: ["fine", "please hang here", "also fine", "fine too"])
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("hang_on.py", "hang", timeout: 1, restarts: 1), requests)
        #expect(outcomes.map(\.status) == [.ok, .timeout, .ok, .ok])
        #expect(outcomes[1].reason == "no answer within 1 s")
    }

    @Test func nonJSONOutputIsAProtocolErrorWithAnExcerpt() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("non_json.py", timeout: 1, restarts: 0), ModelFixtures.requests(2))
        #expect(outcomes.map(\.status) == [.protocol, .protocol])
        let reason = try #require(outcomes[0].reason)
        #expect(reason.hasPrefix("no valid answer within 1 s; meanwhile the model printed 2 line(s) that match no request"))
        #expect(reason.contains("Thinking about it... the answer is positive"))
        #expect(model.incidents.count == 2)
        #expect(model.incidents.allSatisfy { $0.kind == .malformed && $0.detail.hasPrefix("not valid JSON") })
    }

    @Test func unknownIDsAreProtocolErrorsNamingTheID() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("unknown_ids.py", timeout: 1, restarts: 0), ModelFixtures.requests(2))
        #expect(outcomes.map(\.status) == [.protocol, .protocol])
        #expect(model.incidents.map(\.kind) == [.unknownID, .unknownID])
        // Wire ids are r1, r2 in send order; the model answers as x-r1, x-r2.
        #expect(Set(model.incidents.map(\.detail)) == [
            "id \"x-r1\" matches no request sent to this process",
            "id \"x-r2\" matches no request sent to this process",
        ])
        #expect(outcomes[1].reason?.contains("x-r") == true)
    }

    @Test func aSecondAnswerIsIgnoredAndRecorded() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("answer_twice.py"), ModelFixtures.requests(3))
        #expect(outcomes.map(\.status) == [.ok, .ok, .ok])
        // The first answer carries the first label; the ignored second one the last.
        #expect(outcomes.map { $0.response?.label } == ["negative", "negative", "negative"])
        #expect(model.incidents.map(\.kind) == [.duplicateID, .duplicateID, .duplicateID])
        #expect(model.incidents[0].detail == "a second answer to id \"r1\", already answered")
    }

    @Test func aTenMegabyteLineEndsItsRequestAndStaysBounded() async throws {
        let before = ModelFixtures.residentBytes()
        let requests = ModelFixtures.requests(5, texts: ["short", "long one", "short again", "long two", "end"])
        let (outcomes, model) = try await ModelFixtures.run(ModelFixtures.configuration("long_line.py"), requests)
        #expect(outcomes.map(\.status) == [.ok, .protocol, .ok, .protocol, .ok])
        #expect(outcomes[1].reason?.hasPrefix("an answer longer than the 1048576-byte line limit (line: {\"id\": \"r2\"")
                == true)
        #expect(model.statistics.restarts == 0)
        // The line buffer never holds more than max-line (1 MiB), though 2 × 10 MB went through it.
        #expect(model.statistics.largestLineBuffered <= 1 << 20)
        if let before, let after = ModelFixtures.residentBytes() {
            // Coarse guard only (other tests share this process): far below the 20 MB that went through.
            #expect(after - before < 200 << 20)
        }
    }

    @Test func aLongLineWithoutReadableIDRestartsTheProcess() async throws {
        let requests = ModelFixtures.requests(3, texts: ["short", "long one", "short again"])
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("long_line.py", "--id-last", restarts: 1), requests)
        // q0 answered; q1's line cannot be matched, so the process is restarted and q1, q2 resent; the second
        // process does the same and no restart is left.
        #expect(outcomes.map(\.status) == [.ok, .protocol, .protocol])
        #expect(outcomes[2].reason?.hasPrefix("the model printed a line longer than the 1048576-byte line limit "
                                              + "with no readable id") == true)
        #expect(outcomes[2].reason?.hasSuffix("(restarted 1 of 1 times; giving up)") == true)
        #expect(model.statistics.restarts == 1)
        #expect(model.statistics.largestLineBuffered <= 1 << 20)
        #expect(model.incidents.map(\.kind) == [.tooLong, .tooLong])
    }

    @Test func invalidUTF8EndsThatRequestOnly() async throws {
        let requests = ModelFixtures.requests(3, texts: ["fine", "bad one", "fine again"])
        let (outcomes, _) = try await ModelFixtures.run(ModelFixtures.configuration("invalid_utf8.py"), requests)
        #expect(outcomes.map(\.status) == [.ok, .protocol, .ok])
        // The line is {"id": "r2", "label": "\xFF\xFE"}: 23 bytes precede the bad byte
        // ({ 1, "id" 4, ": " 2, "r2" 4, ", " 2, "label" 7, ": " 2, opening quote 1).
        #expect(outcomes[1].reason?.hasPrefix("not valid UTF-8: byte 0xFF at offset 23") == true)
    }

    @Test func aStderrFloodIsDrainedAndTruncatedInTheLog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("candor-flood-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = ModelFixtures.configuration("stderr_flood.py", "50")
        configuration.logDirectory = directory
        configuration.stderrLimit = 100_000
        let (outcomes, model) = try await ModelFixtures.run(configuration, ModelFixtures.requests(3), within: 40)
        #expect(outcomes.map(\.status) == [.ok, .ok, .ok])
        #expect(model.statistics.stderrBytes >= 50_000_000)
        let log = try Data(contentsOf: directory.appendingPathComponent("stderr-0.log"))
        // 100,000 bytes of stderr, the start-of-process marker and the truncation note: well under 101 kB.
        #expect(log.count < 101_000)
        #expect(String(decoding: log, as: UTF8.self).contains("[truncated: stderr passed 100000 bytes]"))
    }

    @Test func exitRightAfterHelloEndsAsCrashed() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("exit_after_hello.py", restarts: 1), ModelFixtures.requests(3))
        #expect(outcomes.map(\.status) == [.crashed, .crashed, .crashed])
        #expect(outcomes.allSatisfy {
            $0.reason == "the model exited with status 0 (restarted 1 of 1 times; giving up)"
        })
        #expect(model.statistics.restarts == 1)
    }

    @Test func aSlowStartIsWaitedFor() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("slow_start.py", "3"), ModelFixtures.requests(2))
        #expect(model.descriptor.name == "slow")
        #expect(outcomes.map(\.status) == [.ok, .ok])
    }

    @Test func aStartSlowerThanTheStartupTimeoutFailsTheLaunch() async throws {
        var configuration = ModelFixtures.configuration("slow_start.py", "3")
        configuration.startupTimeout = .seconds(1)
        let error = await #expect(throws: ProcessModelError.self) {
            _ = try await ModelFixtures.run(configuration, [])
        }
        #expect(error == .handshakeFailed(command: configuration.command.joined(separator: " "),
                                          reason: "no hello within 1 s"))
    }

    @Test func halfALineThenExitIsRecordedAndCrashes() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("half_line.py", restarts: 0), ModelFixtures.requests(2))
        #expect(outcomes.map(\.status) == [.crashed, .crashed])
        #expect(outcomes[0].reason == "the model exited with status 0 (restarted 0 of 0 times; giving up)")
        #expect(model.incidents == [ProtocolIncident(kind: .unterminated, worker: 0,
                                                     detail: "output ended in the middle of a line",
                                                     excerpt: "{\"id\": \"r1\", \"lab")])
    }

    @Test func refusalsAreModelErrorsAndNotRetried() async throws {
        let (outcomes, model) = try await ModelFixtures.run(
            ModelFixtures.configuration("refuse_all.py"), ModelFixtures.requests(3))
        #expect(outcomes.map(\.status) == [.error, .error, .error])
        #expect(outcomes.allSatisfy { $0.reason == "input too long" && $0.response?.error == "input too long" })
        #expect(model.statistics.restarts == 0)
    }

    @Test func aNewerProtocolVersionIsRefusedNamingBoth() async throws {
        let error = await #expect(throws: ProcessModelError.self) {
            _ = try await ModelFixtures.run(ModelFixtures.configuration("version_too_new.py"), [])
        }
        guard case .handshakeFailed(_, let reason)? = error else {
            Issue.record("expected a handshake failure, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("hello: candor: the model speaks Candor protocol version 2, but this Candor "
                                 + "speaks only up to version 1"))
    }

    @Test func wrongTypesNameTheKey() async throws {
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("wrong_types.py"), ModelFixtures.requests(2))
        #expect(outcomes.map(\.status) == [.protocol, .protocol])
        // Either label's probability may be checked first; both are strings.
        let reason = try #require(outcomes[0].reason)
        #expect(reason.hasPrefix("probabilities.negative: expected a number, found a string")
                || reason.hasPrefix("probabilities.positive: expected a number, found a string"))
    }

    @Test func lineSeparatorsAndCarriageReturnsSurvive() async throws {
        let (outcomes, _) = try await ModelFixtures.run(
            ModelFixtures.configuration("unicode_lines.py"), ModelFixtures.requests(3))
        #expect(outcomes.map(\.status) == [.ok, .ok, .ok])
        #expect(outcomes.allSatisfy { $0.response?.explanation?.text == "one\u{2028}two\u{2029}three\rfour" })
    }
}
