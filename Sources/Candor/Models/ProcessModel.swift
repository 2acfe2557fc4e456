#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CandorProtocol
import Foundation

/// An external model: a command that speaks Candor's JSON-lines protocol on stdin and stdout.
///
/// ``launch(_:)`` starts `workers` copies of the command and completes the `hello` handshake with each; after
/// that ``respond(to:)`` never throws. Requests are pipelined, up to `maxInFlight` outstanding per process,
/// and answers are matched by `id` in any order. Every request ends as exactly one outcome:
/// - `ok` or `error`: the model answered, or refused with `{"id": …, "error": …}`;
/// - `timeout`: no answer within `timeout`; the process counts as hung and is restarted;
/// - `protocol`: the answer broke the protocol (wrong types, not valid UTF-8, longer than `maxLine`), or the
///   request went unanswered while the model printed lines that matched no request;
/// - `crashed`: the process died (or closed its stdin) and no restart was left to resend the request.
///
/// A crash, a hang or a broken pipe restarts the process (at most `restarts` times per worker) and resends the
/// requests it still owed, except a request that itself timed out: it has had its chance, and resending it
/// would let one request that always hangs use up every restart. A line longer than `maxLine` ends the request
/// it names; if its `id` cannot be read from its beginning nothing can be matched to it, so the process counts
/// as broken and is restarted. Other bad lines are recorded as ``ProtocolIncident``s and never stop the run.
///
/// Call ``shutdown()`` at the end: it closes each process's stdin, waits `gracePeriod` for it to exit, then
/// sends SIGTERM and, after as long again, SIGKILL.
public final class ProcessModel: ExplainingModel {
    public let descriptor: ModelDescriptor
    /// `process/<name>:<hash>`: the configured name (else the declared one), and a hash over the command, the
    /// extra environment and the model's version.
    public let key: String
    public let configuration: Configuration
    private let workers: [ProcessWorker]
    private let queue: JobQueue
    private let record: ProcessModelRecord

    private init(descriptor: ModelDescriptor, key: String, configuration: Configuration,
                 workers: [ProcessWorker], queue: JobQueue, record: ProcessModelRecord) {
        self.descriptor = descriptor
        self.key = key
        self.configuration = configuration
        self.workers = workers
        self.queue = queue
        self.record = record
    }

    deinit {
        for worker in workers { worker.requestStop() }
    }

    /// A child that closes its stdin must not kill Candor with SIGPIPE; a write then fails with EPIPE instead,
    /// which is handled as a broken pipe. Done once per process, on first launch.
    private static let ignoringSIGPIPE: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Starts the model's processes and completes the handshake with each.
    /// - Throws: ``ProcessModelError`` when the configuration is unusable, the command cannot be run, or a
    ///   process does not answer `hello` properly within `startupTimeout` (the message says which and includes
    ///   the end of its stderr). Nothing is left running after a throw.
    public static func launch(_ configuration: Configuration) async throws(ProcessModelError) -> ProcessModel {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw .invalidConfiguration(problems.joined(separator: "; ")) }
        _ = ignoringSIGPIPE
        let queue = JobQueue(workers: configuration.workers)
        let record = ProcessModelRecord()
        let workers = (0..<configuration.workers).map {
            ProcessWorker(index: $0, configuration: configuration, queue: queue, record: record)
        }
        let results = await withTaskGroup(of: (Int, Result<Hello, ProcessModelError>).self) { group in
            for worker in workers {
                group.addTask { (worker.index, await worker.start()) }
            }
            var results: [Int: Result<Hello, ProcessModelError>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        var hellos: [Hello] = []
        for index in workers.indices {
            switch results[index] {
            case .success(let hello)?:
                hellos.append(hello)
            case .failure(let error)?:
                await withTaskGroup(of: Void.self) { group in
                    for worker in workers { group.addTask { await worker.stop() } }
                }
                throw error
            case nil:
                throw .handshakeFailed(command: configuration.command.joined(separator: " "),
                                       reason: "worker \(index) did not report")
            }
        }
        let hello = hellos[0]
        let descriptor = ModelDescriptor(name: hello.name ?? "unnamed", version: hello.version ?? "",
                                         capabilities: hello.capabilities ?? [])
        return ProcessModel(descriptor: descriptor, key: key(for: configuration, descriptor: descriptor),
                            configuration: configuration, workers: workers, queue: queue, record: record)
    }

    /// The store key: the name it goes by, and a short hash of everything that could change its answers.
    static func key(for configuration: Configuration, descriptor: ModelDescriptor) -> String {
        struct Identity: Encodable {
            var command: [String]
            var environment: [String: String]
            var version: String
        }
        let identity = Identity(command: configuration.command, environment: configuration.environment,
                                version: descriptor.version)
        let hash = RequestHash.sha256(CanonicalJSON.encode(identity))
        return "process/\(configuration.name ?? descriptor.name):\(hash.prefix(12))"
    }

    public func respond(to requests: [Request]) async -> [Outcome] {
        guard !requests.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let batch = ResponseBatch(count: requests.count, continuation: continuation)
            queue.enqueue(requests, into: batch)
        }
    }

    /// Ends every process gracefully (see the type's summary). Requests still outstanding, and any sent after
    /// this, end as `crashed`.
    public func shutdown() async {
        queue.close(status: .crashed, reason: "the model was shut down before answering")
        await withTaskGroup(of: Void.self) { group in
            for worker in workers { group.addTask { await worker.stop() } }
        }
    }

    /// The protocol incidents seen so far (the first 1,000; later ones are only counted), oldest first.
    public var incidents: [ProtocolIncident] { record.incidents }

    /// Counters over the model's life so far.
    public var statistics: Statistics { record.statistics }
}
