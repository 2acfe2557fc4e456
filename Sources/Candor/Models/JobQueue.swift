import CandorProtocol
import Synchronization

/// The requests waiting for a worker, shared by all workers of a process model.
///
/// Workers pull as much as they have room for, so a slow or restarting worker does not hold work a free one
/// could do. When the last worker has given up, everything queued, and everything queued later, ends at once
/// with that worker's reason instead of waiting forever.
final class JobQueue: Sendable {
    private struct State {
        var jobs: [Job] = []
        var head = 0
        var nextID = 0
        var liveWorkers: Int
        var failure: (status: OutcomeStatus, reason: String)?
        var wakers: [WakePipe] = []
    }

    private let state: Mutex<State>

    init(workers: Int) {
        state = Mutex(State(liveWorkers: workers))
    }

    func register(_ waker: WakePipe) {
        state.withLock { $0.wakers.append(waker) }
    }

    /// Forgets a worker's wake-up pipe before it is closed, so no wake-up is ever written to a reused descriptor.
    func unregister(_ waker: WakePipe) {
        state.withLock { state in state.wakers.removeAll { $0.readEnd == waker.readEnd } }
    }

    /// Queues `requests` as slots of `batch` and wakes the workers.
    func enqueue(_ requests: [Request], into batch: ResponseBatch) {
        let failure: (OutcomeStatus, String)? = state.withLock { state in
            if let failure = state.failure { return failure }
            for (index, request) in requests.enumerated() {
                state.nextID += 1
                state.jobs.append(Job(batch: batch, index: index, request: request, wireID: "r\(state.nextID)"))
            }
            // Under the lock, so a worker cannot close its pipe between the copy and the write.
            state.wakers.forEach { $0.wake() }
            return nil
        }
        if let (status, reason) = failure {
            for (index, request) in requests.enumerated() {
                batch.complete(index, with: Outcome(requestID: request.id, status: status, reason: reason))
            }
        }
    }

    /// Up to `limit` queued jobs, oldest first.
    func take(_ limit: Int) -> [Job] {
        guard limit > 0 else { return [] }
        return state.withLock { state in
            let end = state.head + min(limit, state.jobs.count - state.head)
            let taken = Array(state.jobs[state.head..<end])
            state.head = end
            if state.head > 1024 && state.head * 2 > state.jobs.count {
                state.jobs.removeFirst(state.head)
                state.head = 0
            }
            return taken
        }
    }

    var isEmpty: Bool {
        state.withLock { $0.head == $0.jobs.count }
    }

    /// A worker has used up its restarts; when it was the last, every queued job ends with its reason.
    func workerGaveUp(status: OutcomeStatus, reason: String) {
        let orphans: [Job] = state.withLock { state in
            state.liveWorkers -= 1
            guard state.liveWorkers <= 0 else { return [] }
            return Self.fail(&state, status: status, reason: reason)
        }
        for job in orphans { job.finish(status, reason: reason) }
    }

    /// No worker will take anything any more (the model is shutting down): queued and later jobs end at once.
    func close(status: OutcomeStatus, reason: String) {
        let orphans = state.withLock { state in
            state.failure == nil ? Self.fail(&state, status: status, reason: reason) : []
        }
        for job in orphans { job.finish(status, reason: reason) }
    }

    private static func fail(_ state: inout State, status: OutcomeStatus, reason: String) -> [Job] {
        state.failure = (status, reason)
        let orphans = Array(state.jobs[state.head...])
        state.jobs = []
        state.head = 0
        return orphans
    }
}
