import GRDB

extension ResultStore {
    /// The newest schema this build reads and writes. Every migration below ends by recording its number in
    /// SQLite's `user_version`, so a store written by a newer Candor is recognised before anything touches it.
    public static let schemaVersion = 1

    /// The schema's history, oldest first. A migration is never edited once released: a change is a new one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, responses, observations, aggregates") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    model_key TEXT NOT NULL,
                    model_name TEXT NOT NULL,
                    model_version TEXT NOT NULL,
                    capabilities TEXT NOT NULL,
                    command_line TEXT NOT NULL,
                    candor_version TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    status TEXT NOT NULL
                );
                CREATE TABLE responses (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    model_key TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    op TEXT NOT NULL,
                    suite TEXT NOT NULL,
                    instance_id TEXT NOT NULL,
                    status TEXT NOT NULL
                        CHECK (status IN ('ok', 'error', 'timeout', 'protocol', 'crashed')),
                    response TEXT,
                    latency REAL NOT NULL,
                    error TEXT,
                    run_id INTEGER REFERENCES runs(id),
                    created_at REAL NOT NULL,
                    UNIQUE (model_key, request_hash)
                );
                CREATE INDEX responses_by_suite ON responses (model_key, suite, op);
                CREATE TABLE observations (
                    model_key TEXT NOT NULL,
                    suite TEXT NOT NULL,
                    scorer TEXT NOT NULL,
                    source TEXT NOT NULL,
                    instance_id TEXT NOT NULL,
                    vals BLOB NOT NULL,
                    PRIMARY KEY (model_key, suite, scorer, source, instance_id)
                );
                CREATE TABLE aggregates (
                    model_key TEXT NOT NULL,
                    suite TEXT NOT NULL,
                    scorer TEXT NOT NULL,
                    source TEXT NOT NULL,
                    value REAL,
                    low REAL,
                    high REAL,
                    n INTEGER NOT NULL,
                    coverage REAL NOT NULL,
                    details TEXT,
                    PRIMARY KEY (model_key, suite, scorer, source)
                );
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }()
}
