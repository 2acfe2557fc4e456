import Synchronization

/// Fitted fold models of the ``LinearSimulator``, kept by the content of what they were fitted on.
///
/// A fold's model depends only on its training cases' inputs and the subject's labels, not on explanations, so
/// within one run the same fit serves every explanation source, both simulatability scorers, and every explainer
/// variant of a model (they share predictions). Keys are a stable hash of the training content and the fit's
/// settings; the oldest entries are dropped beyond ``capacity``.
public final class SimulatorFitCache: Sendable {
    /// At most this many fold models are kept.
    public let capacity: Int
    private let state = Mutex<(models: [UInt64: LinearSimulator.FoldModel], order: [UInt64])>(([:], []))

    public init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// The model stored under `key`, or the one `fit` makes (stored unless nil).
    func model(for key: UInt64, fit: () -> LinearSimulator.FoldModel?) -> LinearSimulator.FoldModel? {
        if let found = state.withLock({ $0.models[key] }) { return found }
        guard let fitted = fit() else { return nil }
        state.withLock { state in
            guard state.models[key] == nil else { return }
            state.models[key] = fitted
            state.order.append(key)
            while state.order.count > capacity {
                state.models[state.order.removeFirst()] = nil
            }
        }
        return fitted
    }

    /// How many fold models are stored.
    public var count: Int { state.withLock { $0.models.count } }
}
