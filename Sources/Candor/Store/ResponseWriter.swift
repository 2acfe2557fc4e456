/// The one writer of responses during a run: buffers outcomes and commits them in small transactions.
///
/// A batch is committed when ``batchSize`` records are waiting or ``interval`` after the first of them arrived,
/// whichever comes first, and ``flush()`` commits the rest. So a killed run loses at most the records of the last
/// uncommitted batch, and since each batch is one SQLite transaction the store is never left half-written.
/// Commits run one after another, in the order their batches were cut; a caller of ``record(_:)`` that fills a
/// batch waits for its commit, which keeps a fast model from running ahead of the disk.
public actor ResponseWriter {
    public let store: ResultStore
    public let batchSize: Int
    public let interval: Duration

    private var buffer: [ResponseRecord] = []
    /// Batches cut but not yet known to be committed.
    private var inFlight: [ResponseRecord] = []
    /// The last commit started; each commit waits for the one before it.
    private var lastCommit: Task<Void, any Error>?
    private var timer: Task<Void, Never>?
    /// The error of a commit nobody was waiting for (a timed one), reported by the next call.
    private var pendingError: (any Error)?
    /// Records committed so far.
    public private(set) var committed = 0

    /// - Parameters:
    ///   - batchSize: Records per transaction.
    ///   - interval: The longest a record waits in the buffer.
    public init(store: ResultStore, batchSize: Int = 64, interval: Duration = .milliseconds(100)) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.interval = interval
    }

    /// Buffers `records`, committing a batch if the buffer is full.
    public func record(_ records: [ResponseRecord]) async throws {
        try reportPendingError()
        buffer += records
        if buffer.count >= batchSize {
            try await commit()
        } else if timer == nil, !buffer.isEmpty {
            let interval = interval
            timer = Task { [weak self] in
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                await self?.timerFired()
            }
        }
    }

    /// Records buffered and not yet committed (or being committed), by request hash, for `modelKey`.
    ///
    /// The runner asks this before asking the store, so a request answered moments ago is not sent again just
    /// because its batch has not reached the disk yet.
    public func pending(modelKey: String, among hashes: Set<String>) -> [String: ResponseRecord] {
        var found: [String: ResponseRecord] = [:]
        for record in inFlight + buffer where record.modelKey == modelKey && hashes.contains(record.requestHash) {
            found[record.requestHash] = record
        }
        return found
    }

    /// Commits everything buffered and waits for every commit to finish.
    public func flush() async throws {
        try reportPendingError()
        try await commit()
    }

    private func commit() async throws {
        timer?.cancel()
        timer = nil
        let batch = buffer
        buffer = []
        inFlight += batch
        let previous = lastCommit
        let store = store
        let task = Task {
            try await previous?.value
            try await store.insert(batch)
        }
        lastCommit = task
        try await task.value
        inFlight.removeFirst(min(batch.count, inFlight.count))
        committed += batch.count
    }

    private func timerFired() async {
        timer = nil
        guard !buffer.isEmpty else { return }
        do {
            try await commit()
        } catch {
            pendingError = error
        }
    }

    private func reportPendingError() throws {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
    }
}
