import CandorProtocol
import Foundation
import GRDB

/// The SQLite file every response, observation and aggregate of a run goes into.
///
/// It is opened in WAL mode, so readers (another `candor` command, a test polling progress) never block the one
/// writer, and a process killed mid-run leaves a consistent file: SQLite rolls back the unfinished transaction.
/// Writes during a run go through one ``ResponseWriter``, which batches them.
///
/// The schema is versioned (``schemaVersion``); a file from a newer Candor is refused before anything is written.
public final class ResultStore: Sendable {
    /// Where a store lives unless `--store` says otherwise, relative to the working folder.
    public static let defaultPath = ".candor/candor.sqlite"

    /// The store's file.
    public let url: URL
    let pool: DatabasePool

    /// SQLite's own limit on `?` parameters is far higher; smaller chunks keep each statement cheap to prepare.
    static let lookupChunk = 500

    /// Opens (creating the file and its folder if needed) the store at `url` and brings its schema up to date.
    ///
    /// - Throws: ``StoreError/newerSchema(path:found:supported:)`` for a file from a newer Candor,
    ///   ``StoreError/cannotOpen(path:reason:)`` when SQLite cannot open or migrate it.
    public init(url: URL = URL(fileURLWithPath: ResultStore.defaultPath)) throws {
        self.url = url
        let path = url.path
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            var configuration = Configuration()
            // Another process (a second `candor`, a test polling the file) may hold the write lock briefly.
            configuration.busyMode = .timeout(30)
            configuration.label = "candor-store"
            pool = try DatabasePool(path: path, configuration: configuration)
            let found = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if found > Self.schemaVersion {
                throw StoreError.newerSchema(path: path, found: found, supported: Self.schemaVersion)
            }
            try Self.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: String(describing: error))
        }
    }

    /// The schema version recorded in the file.
    public func schemaVersionOnDisk() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    // MARK: Responses

    /// Inserts `records` in one transaction.
    ///
    /// A final row (`ok`, `error`) is never replaced, so the first answer to a request is the one kept; a failed
    /// row (`timeout`, `protocol`, `crashed`) is replaced by any later outcome of the same request.
    public func insert(_ records: [ResponseRecord]) async throws {
        guard !records.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO responses
                    (model_key, request_hash, op, suite, instance_id, status, response, latency, error, run_id,
                     created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (model_key, request_hash) DO UPDATE SET
                    op = excluded.op, suite = excluded.suite, instance_id = excluded.instance_id,
                    status = excluded.status, response = excluded.response, latency = excluded.latency,
                    error = excluded.error, run_id = excluded.run_id, created_at = excluded.created_at
                WHERE responses.status NOT IN ('ok', 'error')
                """)
            for record in records {
                let json = record.response.map { String(decoding: CanonicalJSON.encode($0), as: UTF8.self) }
                try statement.execute(arguments: [
                    record.modelKey, record.requestHash, record.op.rawValue, record.suite, record.instanceID,
                    record.status.rawValue, json, record.latency, record.error, record.runID, now,
                ])
            }
        }
    }

    /// The stored outcome of the request hashed `requestHash` for `modelKey`, final or not.
    public func response(modelKey: String, requestHash: String) async throws -> ResponseRecord? {
        try await responses(modelKey: modelKey, hashes: [requestHash])[requestHash]
    }

    /// The stored outcomes, final or not, of those of `hashes` that have one, by hash. One query per 500 hashes.
    public func responses(modelKey: String, hashes: some Collection<String>) async throws
        -> [String: ResponseRecord]
    {
        let chunks = Self.chunks(of: hashes)
        let path = url.path
        return try await pool.read { db in
            let decoder = Self.makeDecoder()
            var found: [String: ResponseRecord] = [:]
            for chunk in chunks {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT * FROM responses WHERE model_key = ? AND request_hash IN (\(Self.placeholders(chunk.count)))
                    """, arguments: StatementArguments([modelKey] + chunk))
                while let row = try rows.next() {
                    let record = try Self.responseRecord(row, path: path, decoder: decoder)
                    found[record.requestHash] = record
                }
            }
            return found
        }
    }

    /// Those of `hashes` that already have a final answer (`ok` or a refusal) for `modelKey`: the requests a run
    /// must not send again. Failed requests are not among them, so a later run retries them.
    public func existingHashes(modelKey: String, among hashes: some Collection<String>) async throws -> Set<String> {
        let chunks = Self.chunks(of: hashes)
        return try await pool.read { db in
            var found = Set<String>()
            for chunk in chunks {
                let cursor = try String.fetchCursor(db, sql: """
                    SELECT request_hash FROM responses
                    WHERE model_key = ? AND status IN ('ok', 'error')
                      AND request_hash IN (\(Self.placeholders(chunk.count)))
                    """, arguments: StatementArguments([modelKey] + chunk))
                while let hash = try cursor.next() { found.insert(hash) }
            }
            return found
        }
    }

    /// The status and predicted label of those of `hashes` with a final answer, by hash.
    ///
    /// What the runner needs to skip a request and still count its accuracy, read without decoding whole
    /// responses: a resumed run over a large suite reads back many of them.
    func finalAnswers(modelKey: String, among hashes: some Collection<String>) async throws
        -> [String: (status: OutcomeStatus, label: String?)]
    {
        let chunks = Self.chunks(of: hashes)
        let path = url.path
        return try await pool.read { db in
            var found: [String: (status: OutcomeStatus, label: String?)] = [:]
            for chunk in chunks {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT request_hash, status, json_extract(response, '$.label') AS label FROM responses
                    WHERE model_key = ? AND status IN ('ok', 'error')
                      AND request_hash IN (\(Self.placeholders(chunk.count)))
                    """, arguments: StatementArguments([modelKey] + chunk))
                while let row = try rows.next() {
                    let hash: String = row["request_hash"]
                    let statusText: String = row["status"]
                    guard let status = OutcomeStatus(rawValue: statusText) else {
                        throw StoreError.corruptRow(path: path, table: "responses", key: hash,
                                                    reason: "unknown status \(statusText)")
                    }
                    // A label that is not a JSON string (a hand-edited row) counts as no label.
                    let label = row["label"] as? String
                    found[hash] = (status, label)
                }
            }
            return found
        }
    }

    /// Every stored outcome for `modelKey` (and `suite`, when given), ordered by suite, instance and hash.
    public func responses(modelKey: String, suite: String? = nil) async throws -> [ResponseRecord] {
        let path = url.path
        return try await pool.read { db in
            let decoder = Self.makeDecoder()
            let rows: RowCursor
            if let suite {
                rows = try Row.fetchCursor(db, sql: """
                    SELECT * FROM responses WHERE model_key = ? AND suite = ?
                    ORDER BY suite, instance_id, request_hash
                    """, arguments: [modelKey, suite])
            } else {
                rows = try Row.fetchCursor(db, sql: """
                    SELECT * FROM responses WHERE model_key = ? ORDER BY suite, instance_id, request_hash
                    """, arguments: [modelKey])
            }
            var records: [ResponseRecord] = []
            while let row = try rows.next() {
                records.append(try Self.responseRecord(row, path: path, decoder: decoder))
            }
            return records
        }
    }

    /// How many responses are stored, for one model or for all.
    public func responseCount(modelKey: String? = nil) async throws -> Int {
        try await pool.read { db in
            if let modelKey {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM responses WHERE model_key = ?",
                                        arguments: [modelKey]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM responses") ?? 0
        }
    }

    // MARK: Runs

    /// Records the start of a run and returns its id.
    public func beginRun(modelKey: String, descriptor: ModelDescriptor, commandLine: String) async throws -> Int64 {
        let capabilities = String(decoding: CanonicalJSON.encode(descriptor.capabilities), as: UTF8.self)
        let now = Date().timeIntervalSince1970
        return try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO runs (model_key, model_name, model_version, capabilities, command_line,
                                  candor_version, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [modelKey, descriptor.name, descriptor.version, capabilities, commandLine,
                                 CandorInfo.version, now, RunRecord.Status.running.rawValue])
            return db.lastInsertedRowID
        }
    }

    /// Records the end of run `id`.
    public func finishRun(id: Int64, status: RunRecord.Status) async throws {
        let now = Date().timeIntervalSince1970
        try await pool.write { db in
            try db.execute(sql: "UPDATE runs SET finished_at = ?, status = ? WHERE id = ?",
                           arguments: [now, status.rawValue, id])
        }
    }

    /// Every run, oldest first.
    public func runs() async throws -> [RunRecord] {
        let path = url.path
        return try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id").map { row in
                let id: Int64 = row["id"]
                let capabilitiesText: String = row["capabilities"]
                let statusText: String = row["status"]
                guard let capabilities = try? JSONDecoder().decode([Capability].self,
                                                                    from: Data(capabilitiesText.utf8)) else {
                    throw StoreError.corruptRow(path: path, table: "runs", key: "\(id)",
                                                reason: "capabilities is not a JSON array of strings")
                }
                guard let status = RunRecord.Status(rawValue: statusText) else {
                    throw StoreError.corruptRow(path: path, table: "runs", key: "\(id)",
                                                reason: "unknown status \(statusText)")
                }
                let finished: Double? = row["finished_at"]
                return RunRecord(
                    id: id, modelKey: row["model_key"],
                    descriptor: ModelDescriptor(name: row["model_name"], version: row["model_version"],
                                                capabilities: capabilities),
                    commandLine: row["command_line"], candorVersion: row["candor_version"],
                    startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    finishedAt: finished.map(Date.init(timeIntervalSince1970:)), status: status)
            }
        }
    }

    // MARK: Observations and aggregates

    /// Saves `records`, replacing any earlier observation with the same model, suite, scorer, source and instance.
    public func save(observations records: [ObservationRecord]) async throws {
        guard !records.isEmpty else { return }
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO observations (model_key, suite, scorer, source, instance_id, vals)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                try statement.execute(arguments: [record.modelKey, record.suite, record.scorer, record.source,
                                                  record.instanceID, Self.blob(of: record.values)])
            }
        }
    }

    /// The observations of one scorer and source, ordered by instance id.
    public func observations(modelKey: String, suite: String, scorer: String, source: String) async throws
        -> [ObservationRecord]
    {
        let path = url.path
        return try await pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT instance_id, vals FROM observations
                WHERE model_key = ? AND suite = ? AND scorer = ? AND source = ?
                ORDER BY instance_id
                """, arguments: [modelKey, suite, scorer, source])
            var records: [ObservationRecord] = []
            while let row = try rows.next() {
                let instanceID: String = row["instance_id"]
                let blob: Data = row["vals"]
                guard let values = Self.values(of: blob) else {
                    throw StoreError.corruptRow(path: path, table: "observations", key: instanceID,
                                                reason: "values blob of \(blob.count) bytes is not a whole "
                                                    + "number of 8-byte doubles")
                }
                records.append(ObservationRecord(modelKey: modelKey, suite: suite, scorer: scorer, source: source,
                                                 instanceID: instanceID, values: values))
            }
            return records
        }
    }

    /// Saves `records`, replacing any earlier aggregate with the same model, suite, scorer and source.
    public func save(aggregates records: [AggregateRecord]) async throws {
        guard !records.isEmpty else { return }
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO aggregates
                    (model_key, suite, scorer, source, value, low, high, n, coverage, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                let details = record.details.map { String(decoding: CanonicalJSON.encode($0), as: UTF8.self) }
                try statement.execute(arguments: [
                    record.modelKey, record.suite, record.scorer, record.source, record.value, record.low,
                    record.high, record.n, record.coverage, details,
                ])
            }
        }
    }

    /// The aggregates of `modelKey` (on `suite`, when given), ordered by suite, scorer and source.
    public func aggregates(modelKey: String, suite: String? = nil) async throws -> [AggregateRecord] {
        let path = url.path
        return try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM aggregates WHERE model_key = ? AND (?2 IS NULL OR suite = ?2)
                ORDER BY suite, scorer, source
                """, arguments: [modelKey, suite])
            return try rows.map { row in
                let detailsText: String? = row["details"]
                var details: JSONValue?
                if let detailsText {
                    do {
                        details = try JSONDecoder().decode(JSONValue.self, from: Data(detailsText.utf8))
                    } catch {
                        let key = "\(row["suite"] as String)/\(row["scorer"] as String)/\(row["source"] as String)"
                        throw StoreError.corruptRow(path: path, table: "aggregates", key: key,
                                                    reason: "details is not JSON")
                    }
                }
                return AggregateRecord(modelKey: row["model_key"], suite: row["suite"], scorer: row["scorer"],
                                       source: row["source"], value: row["value"], low: row["low"],
                                       high: row["high"], n: row["n"], coverage: row["coverage"], details: details)
            }
        }
    }

    // MARK: Encoding

    static func responseRecord(_ row: Row, path: String, decoder: JSONDecoder) throws -> ResponseRecord {
        let hash: String = row["request_hash"]
        let opText: String = row["op"]
        let statusText: String = row["status"]
        guard let op = Operation(rawValue: opText) else {
            throw StoreError.corruptRow(path: path, table: "responses", key: hash, reason: "unknown op \(opText)")
        }
        guard let status = OutcomeStatus(rawValue: statusText) else {
            throw StoreError.corruptRow(path: path, table: "responses", key: hash,
                                        reason: "unknown status \(statusText)")
        }
        var response: Response?
        if let json: String = row["response"] {
            do {
                let data = Data(json.utf8)
                // The strict decoder is fast; a stored NaN or infinity (written as a string by the in-process
                // encoder) needs the general one.
                if let decoded = try? ResponseDecoder().response(from: data) {
                    response = decoded
                } else {
                    response = try decoder.decode(Response.self, from: data)
                }
            } catch {
                throw StoreError.corruptRow(path: path, table: "responses", key: hash,
                                            reason: "response is not a protocol response: \(error)")
            }
        }
        return ResponseRecord(modelKey: row["model_key"], requestHash: hash, op: op, suite: row["suite"],
                              instanceID: row["instance_id"], status: status, response: response,
                              latency: row["latency"], error: row["error"], runID: row["run_id"])
    }

    /// Reads what ``CanonicalJSON`` writes, non-finite numbers included.
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    static func blob(of values: [Double]) -> Data {
        var data = Data(capacity: values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func values(of blob: Data) -> [Double]? {
        guard blob.count % 8 == 0 else { return nil }
        var values: [Double] = []
        values.reserveCapacity(blob.count / 8)
        var bits: UInt64 = 0
        for (index, byte) in blob.enumerated() {
            bits |= UInt64(byte) << (8 * UInt64(index % 8))
            if index % 8 == 7 {
                values.append(Double(bitPattern: bits))
                bits = 0
            }
        }
        return values
    }

    static func chunks(of hashes: some Collection<String>) -> [[String]] {
        var chunks: [[String]] = []
        var current: [String] = []
        for hash in hashes {
            current.append(hash)
            if current.count == lookupChunk {
                chunks.append(current)
                current = []
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
