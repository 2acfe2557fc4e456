import GRDB

extension ResultStore {
    /// How many of a model's requests on a suite ended with each status (explain and probes alike).
    public func statusCounts(modelKey: String, suite: String) async throws -> [OutcomeStatus: Int] {
        try await pool.read { db in
            var counts: [OutcomeStatus: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT status, COUNT(*) AS n FROM responses WHERE model_key = ? AND suite = ? GROUP BY status
                """, arguments: [modelKey, suite])
            while let row = try rows.next() {
                let text: String = row["status"]
                if let status = OutcomeStatus(rawValue: text) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// The model keys that have at least one run, in the order first run.
    /// Every model key with a stored response, sorted: the run models and the external simulators that judged
    /// them (a simulator has answers but no run).
    public func respondingModelKeys() async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT model_key FROM responses ORDER BY model_key")
        }
    }

    public func modelKeys() async throws -> [String] {
        var keys: [String] = []
        for run in try await runs() where !keys.contains(run.modelKey) { keys.append(run.modelKey) }
        return keys
    }
}
