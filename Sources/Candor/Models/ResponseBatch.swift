import CandorProtocol
import Synchronization

/// The outcomes of one `respond(to:)` call, filled in by workers in any order.
///
/// Each slot is filled at most once; a second outcome for the same request is dropped, so however a model
/// misbehaves a request ends exactly once. The caller resumes when the last slot is filled.
final class ResponseBatch: Sendable {
    private struct State {
        var outcomes: [Outcome?]
        var remaining: Int
        var continuation: CheckedContinuation<[Outcome], Never>?
    }

    private let state: Mutex<State>

    init(count: Int, continuation: CheckedContinuation<[Outcome], Never>) {
        state = Mutex(State(outcomes: Array(repeating: nil, count: count), remaining: count,
                            continuation: continuation))
    }

    /// Records the outcome of request `index`; ignored if it already has one.
    func complete(_ index: Int, with outcome: Outcome) {
        let finished: (CheckedContinuation<[Outcome], Never>, [Outcome])? = state.withLock { state in
            guard state.outcomes[index] == nil else { return nil }
            state.outcomes[index] = outcome
            state.remaining -= 1
            guard state.remaining == 0, let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.outcomes.map { $0! })
        }
        if let (continuation, outcomes) = finished {
            continuation.resume(returning: outcomes)
        }
    }
}
