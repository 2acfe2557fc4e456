import Foundation
import GRDB

extension ResultStore {
    /// What merging one store into another did.
    public struct MergeReport: Sendable, Hashable {
        /// The store merged in.
        public var source: String
        /// Runs copied (a run already present, the same model, start time and command line, is not copied again).
        public var runs = 0
        /// Responses inserted, or that replaced a failed response (a final answer is never replaced).
        public var responses = 0
        /// Observations and aggregates copied where the target had none for the same key.
        public var observations = 0
        public var aggregates = 0
        /// Observations and aggregates the target already held with other values: the target's are kept, and the
        /// (model key, suite) pairs concerned need `candor score`.
        public var conflicts = 0
        /// The (model key, suite) pairs the source holds responses for.
        public var pairs: Set<Pair> = []
    }

    /// A model key and a suite id.
    public struct Pair: Sendable, Hashable, Comparable {
        public var modelKey: String
        public var suite: String

        public init(modelKey: String, suite: String) {
            self.modelKey = modelKey
            self.suite = suite
        }

        public static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.modelKey, lhs.suite) < (rhs.modelKey, rhs.suite)
        }
    }

    /// Copies everything `source` holds into this store, in one transaction, by the rules a run follows:
    /// a response is added when this store has none for its (model key, request hash), replaces a failed one,
    /// and never replaces a final answer (`ok`, a refusal), so the first final answer is the one kept. Runs keep
    /// their records (new ids; each response keeps pointing at its run). Observations and aggregates are copied
    /// where this store has none for the same key; differing ones are counted as conflicts and this store's kept.
    ///
    /// Merging the same store twice changes nothing the second time. Aggregates are per suite and need every
    /// instance: after merging shards, run `candor score` (see ``pairsNeedingScores()``).
    /// - Throws: ``StoreError`` when `source` is this store's own file or SQLite fails.
    public func merge(_ source: ResultStore) async throws -> MergeReport {
        let sourcePath = source.url.standardizedFileURL.resolvingSymlinksInPath().path
        guard sourcePath != url.standardizedFileURL.resolvingSymlinksInPath().path else {
            throw StoreError.cannotOpen(path: url.path, reason: "cannot merge a store into itself")
        }
        // Everything the source wrote must be in its main file or its WAL, which ATTACH reads; a checkpoint is not
        // needed, but the source's schema must be current, which opening it as a ResultStore has ensured.
        let path = url.path
        return try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS merged", arguments: [sourcePath])
            defer { try? db.execute(sql: "DETACH DATABASE merged") }
            var report = MergeReport(source: source.url.path)
            do {
                try db.inTransaction {
                    try Self.mergeAttached(db, into: &report)
                    return .commit
                }
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "merging \(source.url.path) failed: \(error)")
            }
            return report
        }
    }

    /// The merge itself, inside one transaction, from the attached schema `merged`.
    private static func mergeAttached(_ db: Database, into report: inout MergeReport) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS run_map (old_id INTEGER PRIMARY KEY, new_id INTEGER)")
        try db.execute(sql: "DELETE FROM temp.run_map")
        let runs = try Row.fetchAll(db, sql: "SELECT * FROM merged.runs ORDER BY id")
        for run in runs {
            let oldID: Int64 = run["id"]
            let existing = try Int64.fetchOne(db, sql: """
                SELECT id FROM main.runs WHERE model_key = ? AND started_at = ? AND command_line = ?
                """, arguments: [run["model_key"], run["started_at"], run["command_line"]])
            let newID: Int64
            if let existing {
                newID = existing
            } else {
                try db.execute(sql: """
                    INSERT INTO main.runs (model_key, model_name, model_version, capabilities, command_line,
                                           candor_version, started_at, finished_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [run["model_key"], run["model_name"], run["model_version"], run["capabilities"],
                                     run["command_line"], run["candor_version"], run["started_at"],
                                     run["finished_at"], run["status"]])
                newID = db.lastInsertedRowID
                report.runs += 1
            }
            try db.execute(sql: "INSERT INTO temp.run_map (old_id, new_id) VALUES (?, ?)", arguments: [oldID, newID])
        }

        // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the join.
        try db.execute(sql: """
            INSERT INTO main.responses
                (model_key, request_hash, op, suite, instance_id, status, response, latency, error, run_id,
                 created_at)
            SELECT s.model_key, s.request_hash, s.op, s.suite, s.instance_id, s.status, s.response, s.latency,
                   s.error, m.new_id, s.created_at
            FROM merged.responses AS s LEFT JOIN temp.run_map AS m ON m.old_id = s.run_id
            WHERE true
            ORDER BY s.id
            ON CONFLICT (model_key, request_hash) DO UPDATE SET
                op = excluded.op, suite = excluded.suite, instance_id = excluded.instance_id,
                status = excluded.status, response = excluded.response, latency = excluded.latency,
                error = excluded.error, run_id = excluded.run_id, created_at = excluded.created_at
            WHERE main.responses.status NOT IN ('ok', 'error')
            """)
        report.responses = db.changesCount

        report.conflicts = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM merged.observations AS s JOIN main.observations AS t
                USING (model_key, suite, scorer, source, instance_id)
            WHERE s.vals IS NOT t.vals
            """) ?? 0
        report.conflicts += try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM merged.aggregates AS s JOIN main.aggregates AS t
                USING (model_key, suite, scorer, source)
            WHERE s.value IS NOT t.value OR s.low IS NOT t.low OR s.high IS NOT t.high OR s.n IS NOT t.n
               OR s.coverage IS NOT t.coverage OR s.details IS NOT t.details
            """) ?? 0
        try db.execute(sql: "INSERT OR IGNORE INTO main.observations SELECT * FROM merged.observations")
        report.observations = db.changesCount
        try db.execute(sql: "INSERT OR IGNORE INTO main.aggregates SELECT * FROM merged.aggregates")
        report.aggregates = db.changesCount

        let pairs = try Row.fetchAll(db, sql: "SELECT DISTINCT model_key, suite FROM merged.responses")
        report.pairs = Set(pairs.map { Pair(modelKey: $0["model_key"], suite: $0["suite"]) })
        try db.execute(sql: "DROP TABLE temp.run_map")
    }

    /// The (model key, suite) pairs with explained instances but no aggregates: what `candor score` has to do
    /// after a merge of shards.
    public func pairsNeedingScores() async throws -> [Pair] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT r.model_key, r.suite FROM responses AS r
                WHERE r.op = 'explain' AND NOT EXISTS (
                    SELECT 1 FROM aggregates AS a WHERE a.model_key = r.model_key AND a.suite = r.suite)
                ORDER BY r.model_key, r.suite
                """).map { Pair(modelKey: $0["model_key"], suite: $0["suite"]) }
        }
    }

    /// The (model key, suite) pairs the store holds explain responses for, ordered.
    public func explainedPairs() async throws -> [Pair] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT model_key, suite FROM responses WHERE op = 'explain' ORDER BY model_key, suite
                """).map { Pair(modelKey: $0["model_key"], suite: $0["suite"]) }
        }
    }
}
