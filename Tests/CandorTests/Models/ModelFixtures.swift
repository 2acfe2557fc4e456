import Candor
import CandorProtocol
import Foundation
import Synchronization
import Testing

/// The misbehaving model scripts in `Fixtures/models/`, and small requests to send them.
enum ModelFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/models")

    /// A configuration running fixture `name` with `arguments`. The request timeout is generous (answers end a
    /// call as soon as they arrive, so it costs nothing on a busy machine); tests that expect timeouts pass 1 s.
    static func configuration(_ name: String, _ arguments: String..., timeout: Double = 10, restarts: Int = 1,
                              maxInFlight: Int = 32, workers: Int = 1) -> ProcessModel.Configuration {
        ProcessModel.Configuration(
            command: ["python3", directory.appendingPathComponent(name).path] + arguments,
            workers: workers, maxInFlight: maxInFlight, timeout: .milliseconds(Int(timeout * 1000)),
            startupTimeout: .seconds(10), restarts: restarts, gracePeriod: .milliseconds(500))
    }

    /// `count` classification requests whose only input field `review` reads `texts[i]` (or `review i`).
    static func requests(_ count: Int, texts: [String] = []) -> [Request] {
        (0..<count).map { index in
            let text = index < texts.count ? texts[index] : "review \(index)"
            return Request(op: .explain, id: "q\(index)", suite: "sentiment",
                           task: TaskDescriptor(kind: "classification", labels: ["negative", "positive"]),
                           input: ["review": WireField(text: text, tokens: Tokenizer.tokenize(text))])
        }
    }

    /// Runs `operation` but gives up after `seconds`, so that a model that hangs fails the test instead of
    /// hanging the suite. The operation is left running in the background when it overruns.
    static func within<T: Sendable>(_ seconds: Double, _ operation: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
            let slot = FirstResult<T>(continuation)
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                slot.resume(result)
            }
            Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                slot.resume(.failure(Overrun(seconds: seconds)))
            }
        }
        return try result.get()
    }

    /// Launches fixture `configuration`, sends `requests`, shuts the model down, all within `seconds`.
    static func run(_ configuration: ProcessModel.Configuration, _ requests: [Request], within seconds: Double = 20)
        async throws -> (outcomes: [Outcome], model: ProcessModel)
    {
        try await within(seconds) {
            let model = try await ProcessModel.launch(configuration)
            let outcomes = await model.respond(to: requests)
            await model.shutdown()
            return (outcomes, model)
        }
    }

    /// Resumes a continuation with whichever result comes first.
    final class FirstResult<T: Sendable>: Sendable {
        private let slot: Mutex<CheckedContinuation<Result<T, any Error>, Never>?>
        init(_ continuation: CheckedContinuation<Result<T, any Error>, Never>) { slot = Mutex(continuation) }
        func resume(_ result: Result<T, any Error>) {
            slot.withLock { $0.take() }?.resume(returning: result)
        }
    }

    struct Overrun: Error, CustomStringConvertible {
        var seconds: Double
        var description: String { "did not finish within \(seconds) s" }
    }

    /// Resident memory of this test process, in bytes (Linux; nil elsewhere).
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
