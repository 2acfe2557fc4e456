import CandorProtocol
import Foundation
import Synchronization

/// One worker of a process model: a dedicated thread running one model process at a time.
///
/// A thread of its own, not a task, because it blocks in `poll` on the process's pipes; keeping that off the
/// cooperative pool means a model that hangs or floods its output can never stall the rest of Candor. This
/// type is the thread-safe handle; the thread's state lives in ``WorkerLoop`` and is touched by nothing else.
final class ProcessWorker: Sendable {
    let index: Int
    let configuration: ProcessModel.Configuration
    let queue: JobQueue
    let record: ProcessModelRecord
    let waker = WakePipe()

    private struct Control {
        var stopping = false
        var started: CheckedContinuation<Result<Hello, ProcessModelError>, Never>?
        var startResult: Result<Hello, ProcessModelError>?
        var stopped: [CheckedContinuation<Void, Never>] = []
        var finished = false
        var threadStarted = false
    }

    private let control = Mutex(Control())

    init(index: Int, configuration: ProcessModel.Configuration, queue: JobQueue, record: ProcessModelRecord) {
        self.index = index
        self.configuration = configuration
        self.queue = queue
        self.record = record
        queue.register(waker)
    }

    /// Starts the thread and waits for its first process to complete the handshake.
    func start() async -> Result<Hello, ProcessModelError> {
        await withCheckedContinuation { continuation in
            control.withLock { $0.started = continuation; $0.threadStarted = true }
            let thread = Thread { [self] in
                WorkerLoop(worker: self).run()
                finished()
            }
            thread.name = "candor-model-\(index)"
            thread.start()
        }
    }

    /// Called once by the loop with the first handshake's result.
    func reportStart(_ result: Result<Hello, ProcessModelError>) {
        let continuation = control.withLock { control in
            defer { control.started = nil }
            control.startResult = result
            return control.started
        }
        continuation?.resume(returning: result)
    }

    var isStopping: Bool { control.withLock { $0.stopping } }

    /// Asks the loop to end its process gracefully, without waiting.
    func requestStop() {
        control.withLock { control in
            control.stopping = true
            // Under the lock: once `finished` is set the pipe may be closed and its descriptor reused.
            if !control.finished { waker.wake() }
        }
    }

    /// Ends the process gracefully and waits for the thread to finish.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = control.withLock { control in
                control.stopping = true
                if control.finished || !control.threadStarted { return true }
                control.stopped.append(continuation)
                waker.wake()
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func finished() {
        let waiting = control.withLock { control in
            control.finished = true
            defer { control.stopped = [] }
            return control.stopped
        }
        queue.unregister(waker)
        waker.dispose()
        waiting.forEach { $0.resume() }
    }
}
