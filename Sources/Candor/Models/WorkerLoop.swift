#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CandorProtocol
import Foundation

/// The state and event loop of one ``ProcessWorker``'s thread.
///
/// One `poll` waits on the wake-up pipe, the process's stdout and stderr, its stdin while there is something to
/// write, and the nearest deadline. Everything a request can go through is decided here, on one thread, which
/// is what makes "exactly one outcome per request" easy to see: a job is always in exactly one of the queue,
/// `pending`, `inFlight`, or finished.
final class WorkerLoop {
    private enum Phase {
        /// No process, or one being torn down.
        case idle
        /// `hello` sent, waiting for the answer until `deadline`.
        case handshaking(deadline: Double)
        case ready
    }

    private struct Flight {
        let job: Job
        /// Send order, so that requests a failed process owed are resent in the order they were first sent.
        let order: Int
        let sentAt: Double
        let deadline: Double
        /// Unmatched bad lines seen before this request was sent, to tell whether any came while it waited.
        let badLinesAtSend: Int
    }

    private let worker: ProcessWorker
    private let configuration: ProcessModel.Configuration
    private let timeout: Double
    private let requestEncoder = RequestEncoder()
    private let decoder = ResponseDecoder()
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)

    private var child: ChildProcess?
    private var phase = Phase.idle
    private var starts = 0
    private var restartsUsed = 0
    private var gaveUp = false
    private var launched = false
    private var pending: [Job] = []
    private var inFlight: [String: Flight] = [:]
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var splitter: LineSplitter
    private var stderrLog: StderrLog
    private var answered: Set<String> = []
    private var answeredOrder: [String] = []
    private var sent = 0
    /// Requests in send order with their deadlines. All share one timeout, so the oldest request still in
    /// flight has the nearest deadline; entries for requests already answered are skipped lazily.
    private var deadlines: [(order: Int, wireID: String, deadline: Double)] = []
    private var deadlinesHead = 0
    private var badLines = 0
    private var lastBadLine = ""

    /// How many answered ids are remembered to tell a duplicate answer from an unknown id.
    private static let answeredMemory = 4096

    init(worker: ProcessWorker) {
        self.worker = worker
        configuration = worker.configuration
        timeout = configuration.timeout.seconds
        splitter = LineSplitter(maxLine: configuration.maxLine)
        stderrLog = StderrLog(
            file: configuration.logDirectory?.appendingPathComponent("stderr-\(worker.index).log"),
            limit: configuration.stderrLimit)
    }

    deinit {
        readBuffer.deallocate()
    }

    func run() {
        startProcess()
        while !worker.isStopping {
            if child == nil && !gaveUp && (!pending.isEmpty || !worker.queue.isEmpty) {
                startProcess()
            }
            if case .ready = phase { sendWhatFits() }
            waitAndHandle()
        }
        shutDown()
    }

    // MARK: Starting

    private var commandText: String { configuration.command.joined(separator: " ") }

    private func startProcess() {
        if launched {
            restartsUsed += 1
            worker.record.noteRestart()
        }
        starts += 1
        do {
            let process = try ChildProcess.spawn(arguments: configuration.command,
                                                 workingDirectory: configuration.workingDirectory,
                                                 environment: configuration.environment)
            child = process
            stderrLog.mark("process \(starts) of worker \(worker.index), pid \(process.pid)")
        } catch {
            startFailed(error, reason: error.description)
            return
        }
        splitter.reset()
        answered = []
        answeredOrder = []
        output = Array(CanonicalJSON.encode(Hello())) + [0x0A]
        outputOffset = 0
        phase = .handshaking(deadline: Monotonic.now() + configuration.startupTimeout.seconds)
    }

    /// The first start of a worker fails the launch; a failed restart is a fault like any other.
    private func startFailed(_ error: ProcessModelError?, reason: String) {
        if !launched {
            launched = true
            gaveUp = true
            stopChild(waiting: 0)
            worker.reportStart(.failure(error ?? .handshakeFailed(command: commandText, reason: reason)))
            worker.queue.workerGaveUp(status: .crashed, reason: "the model could not be started: \(reason)")
        } else {
            fault(.crashed, reason: "the restarted model did not start: \(reason)")
        }
    }

    private func handshake(_ piece: LineSplitter.Piece) -> Bool {
        guard case .line(let line) = piece else {
            startFailed(nil, reason: "its hello answer is longer than \(configuration.maxLine) bytes")
            return false
        }
        do {
            let hello = try decoder.hello(from: line)
            phase = .ready
            if !launched {
                launched = true
                worker.reportStart(.success(hello))
            }
            return true
        } catch {
            startFailed(nil, reason: "hello: \(error) (line: \(ProtocolIncident.excerpt(of: line)))")
            return false
        }
    }

    // MARK: Sending

    private func sendWhatFits() {
        guard let child, child.stdin >= 0 else { return }
        let room = configuration.maxInFlight - inFlight.count
        guard room > 0 else { return }
        if pending.count < room { pending += worker.queue.take(room - pending.count) }
        let now = Monotonic.now()
        for job in pending.prefix(room) {
            var request = job.request
            request.id = job.wireID
            guard requestEncoder.append(request, to: &output) else {
                job.finish(.protocol, reason: "Candor could not encode the request as JSON: it holds a number "
                    + "JSON cannot represent (NaN or an infinity)")
                continue
            }
            sent += 1
            inFlight[job.wireID] = Flight(job: job, order: sent, sentAt: now, deadline: now + timeout,
                                          badLinesAtSend: badLines)
            deadlines.append((sent, job.wireID, now + timeout))
        }
        pending.removeFirst(min(room, pending.count))
    }

    private func writeOutput() {
        guard let child, child.stdin >= 0 else { return }
        while outputOffset < output.count {
            let written = output.withUnsafeBytes { bytes in
                write(child.stdin, bytes.baseAddress! + outputOffset, bytes.count - outputOffset)
            }
            if written > 0 {
                outputOffset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                if written < 0 && errno != EAGAIN {
                    // The model closed its stdin (EPIPE) or the pipe broke: nothing more can be sent, but its
                    // answers to what it already read are still on stdout, so keep reading until it ends.
                    child.closeStdin()
                    output = []
                    outputOffset = 0
                }
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
        outputOffset = 0
    }

    // MARK: Waiting

    private func waitAndHandle() {
        var descriptors = [pollfd(fd: worker.waker.readEnd, events: Int16(POLLIN), revents: 0)]
        let process = child
        if let process {
            if process.stdout >= 0 { descriptors.append(pollfd(fd: process.stdout, events: Int16(POLLIN), revents: 0)) }
            if process.stderr >= 0 { descriptors.append(pollfd(fd: process.stderr, events: Int16(POLLIN), revents: 0)) }
            if process.stdin >= 0 && outputOffset < output.count {
                descriptors.append(pollfd(fd: process.stdin, events: Int16(POLLOUT), revents: 0))
            }
        }
        let result = poll(&descriptors, nfds_t(descriptors.count), pollTimeout())
        if result > 0 {
            for descriptor in descriptors where descriptor.revents != 0 {
                guard let process, process === child else { break }
                if descriptor.fd == worker.waker.readEnd {
                    worker.waker.drain()
                } else if descriptor.fd == process.stdin {
                    writeOutput()
                } else if descriptor.fd == process.stderr {
                    readStderr(of: process)
                } else if descriptor.fd == process.stdout {
                    readStdout(of: process)
                }
            }
            if descriptors[0].revents != 0 { worker.waker.drain() }
        }
        checkDeadlines()
    }

    /// Milliseconds until the nearest deadline, at most one second.
    private func pollTimeout() -> Int32 {
        var nearest = oldestFlight()?.deadline ?? .infinity
        if case .handshaking(let deadline) = phase { nearest = min(nearest, deadline) }
        guard nearest.isFinite else { return 1000 }
        let milliseconds = (nearest - Monotonic.now()) * 1000
        return Int32(max(0, min(1000, milliseconds.rounded(.up))))
    }

    private func readStderr(of process: ChildProcess) {
        while process.stderr >= 0 {
            let count = read(process.stderr, readBuffer.baseAddress, readBuffer.count)
            if count > 0 {
                stderrLog.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
                worker.record.note(lineBuffered: 0, stderrBytes: count)
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if count == 0 || errno != EAGAIN { process.closeStderr() }
                return
            }
        }
    }

    private func readStdout(of process: ChildProcess) {
        // A bounded number of reads per wake-up, so stderr and stdin get their turn under a flood.
        for _ in 0..<16 {
            guard process === child, process.stdout >= 0 else { return }
            let count = read(process.stdout, readBuffer.baseAddress, readBuffer.count)
            if count > 0 {
                splitter.feed(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])) { piece in
                    guard process === child else { return false }
                    if case .handshaking = phase { return handshake(piece) }
                    return handle(piece)
                }
                worker.record.note(lineBuffered: splitter.largestBuffered, stderrBytes: 0)
                // A short read emptied the pipe; the next poll says when there is more (or its end), which
                // saves a read that would only fail with EAGAIN on every lock-step round trip.
                if count < readBuffer.count { return }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if count == 0 || errno != EAGAIN { stdoutEnded(process) }
                return
            }
        }
    }

    // MARK: Answers

    private func handle(_ piece: LineSplitter.Piece) -> Bool {
        switch piece {
        case .line(let line):
            do {
                let response = try decoder.response(from: line)
                if let flight = inFlight.removeValue(forKey: response.id) {
                    remember(response.id)
                    flight.job.finish(with: response, latency: Monotonic.now() - flight.sentAt)
                } else if answered.contains(response.id) {
                    unmatched(.duplicateID, "a second answer to id \"\(response.id)\", already answered", line)
                } else {
                    unmatched(.unknownID, "id \"\(response.id)\" matches no request sent to this process", line)
                }
            } catch {
                if let id = error.id, let flight = inFlight.removeValue(forKey: id) {
                    remember(id)
                    let incident = record(.malformed, error.description, line)
                    flight.job.finish(.protocol, reason: incident.description,
                                      latency: Monotonic.now() - flight.sentAt)
                } else {
                    unmatched(.malformed, error.description, line)
                }
            }
            return true
        case .tooLong(let prefix):
            let limit = "longer than the \(configuration.maxLine)-byte line limit"
            if let id = ResponseDecoder.leadingID(in: prefix), let flight = inFlight.removeValue(forKey: id) {
                remember(id)
                let incident = record(.tooLong, "an answer \(limit)", prefix)
                flight.job.finish(.protocol, reason: incident.description, latency: Monotonic.now() - flight.sentAt)
                return true
            }
            unmatched(.tooLong, "a line \(limit) with no readable id", prefix)
            fault(.protocol, reason: "the model printed a line \(limit) with no readable id, so its answers "
                + "could no longer be matched to requests")
            return false
        }
    }

    @discardableResult
    private func record(_ kind: ProtocolIncident.Kind, _ detail: String, _ line: Data) -> ProtocolIncident {
        let incident = ProtocolIncident(kind: kind, worker: worker.index, detail: detail,
                                        excerpt: ProtocolIncident.excerpt(of: line))
        worker.record.add(incident)
        return incident
    }

    /// A bad line no request can be blamed for: recorded, and remembered for the reason of requests that then
    /// go unanswered.
    private func unmatched(_ kind: ProtocolIncident.Kind, _ detail: String, _ line: Data) {
        let incident = record(kind, detail, line)
        badLines += 1
        lastBadLine = incident.description
    }

    private func remember(_ id: String) {
        answered.insert(id)
        answeredOrder.append(id)
        if answeredOrder.count > 2 * Self.answeredMemory {
            for old in answeredOrder.prefix(Self.answeredMemory) { answered.remove(old) }
            answeredOrder.removeFirst(Self.answeredMemory)
        }
    }

    // MARK: Faults

    private func checkDeadlines() {
        let now = Monotonic.now()
        if case .handshaking(let deadline) = phase, deadline <= now {
            startFailed(nil, reason: "no hello within \(configuration.startupTimeout.seconds.formatted()) s")
            return
        }
        var expired: [Flight] = []
        while let flight = oldestFlight(), flight.deadline <= now {
            expired.append(flight)
            inFlight[flight.job.wireID] = nil
        }
        guard !expired.isEmpty else { return }
        let seconds = timeout.formatted()
        for flight in expired {
            let latency = now - flight.sentAt
            let unmatchedSince = badLines - flight.badLinesAtSend
            if unmatchedSince > 0 {
                flight.job.finish(.protocol, reason: "no valid answer within \(seconds) s; meanwhile the model "
                    + "printed \(unmatchedSince) line(s) that match no request, the last: \(lastBadLine)",
                    latency: latency)
            } else {
                flight.job.finish(.timeout, reason: "no answer within \(seconds) s", latency: latency)
            }
        }
        fault(.timeout, reason: "the model stopped answering (no answer within \(seconds) s)")
    }

    /// The request that has waited longest, still in flight.
    private func oldestFlight() -> Flight? {
        while deadlinesHead < deadlines.count {
            let entry = deadlines[deadlinesHead]
            if let flight = inFlight[entry.wireID], flight.order == entry.order {
                if deadlinesHead > 4096 && deadlinesHead * 2 > deadlines.count {
                    deadlines.removeFirst(deadlinesHead)
                    deadlinesHead = 0
                }
                return flight
            }
            deadlinesHead += 1
        }
        deadlines.removeAll(keepingCapacity: true)
        deadlinesHead = 0
        return nil
    }

    private func stdoutEnded(_ process: ChildProcess) {
        if let rest = splitter.finish() {
            unmatched(.unterminated, "output ended in the middle of a line", rest)
        }
        // Give a dying process a moment, so its exit status and last words are known.
        process.waitForExit(upTo: 0.5)
        readStderr(of: process)
        let exit = process.exitStatus == nil ? "closed its stdout" : process.exitDescription
        let recent = stderrLog.recentText
        let words = recent.isEmpty ? "" : "; its last stderr: \(recent)"
        if case .handshaking = phase {
            startFailed(nil, reason: "the model \(exit) before answering hello\(words)")
        } else {
            fault(.crashed, reason: "the model \(exit)\(words)")
        }
    }

    /// The process is unusable: stop it, and resend what it owed if a restart is left, else end all of it.
    private func fault(_ status: OutcomeStatus, reason: String) {
        stopChild(waiting: 0)
        let owed = inFlight.values.sorted { $0.order < $1.order }.map(\.job)
        inFlight = [:]
        deadlines = []
        deadlinesHead = 0
        if restartsUsed < configuration.restarts {
            pending = owed + pending
            return
        }
        gaveUp = true
        let final = "\(reason) (restarted \(restartsUsed) of \(configuration.restarts) times; giving up)"
        for job in owed + pending { job.finish(status, reason: final) }
        pending = []
        worker.queue.workerGaveUp(status: status, reason: final)
    }

    private func stopChild(waiting seconds: Double) {
        if let child {
            readStderr(of: child)
            child.stop(after: seconds)
        }
        child = nil
        phase = .idle
        output = []
        outputOffset = 0
    }

    // MARK: Ending

    private func shutDown() {
        let reason = "the model was shut down before answering"
        for job in pending + inFlight.values.map(\.job) { job.finish(.crashed, reason: reason) }
        pending = []
        inFlight = [:]
        for job in worker.queue.take(Int.max) { job.finish(.crashed, reason: reason) }
        if let child {
            child.closeStdin()
            let grace = configuration.gracePeriod.seconds
            if !drain(child, upTo: grace) {
                worker.record.noteSignalledAtShutdown()
                child.send(SIGTERM)
                if !drain(child, upTo: grace) { child.send(SIGKILL) }
            }
            stopChild(waiting: 0)
        }
        stderrLog.close()
        if !launched {
            worker.reportStart(.failure(.handshakeFailed(command: commandText, reason: "shut down during start")))
        }
    }

    /// Reads and drops the process's output until it exits or `seconds` pass; true when it exited.
    private func drain(_ process: ChildProcess, upTo seconds: Double) -> Bool {
        let deadline = Monotonic.now() + seconds
        while !process.reap() {
            let left = deadline - Monotonic.now()
            guard left > 0 else { return false }
            var descriptors: [pollfd] = []
            if process.stdout >= 0 { descriptors.append(pollfd(fd: process.stdout, events: Int16(POLLIN), revents: 0)) }
            if process.stderr >= 0 { descriptors.append(pollfd(fd: process.stderr, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&descriptors, nfds_t(descriptors.count), Int32(min(left * 1000, 10).rounded(.up)))
            readStderr(of: process)
            while process.stdout >= 0 {
                let count = read(process.stdout, readBuffer.baseAddress, readBuffer.count)
                if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) { process.closeStdout() }
                if count <= 0 { break }
            }
        }
        return true
    }
}
