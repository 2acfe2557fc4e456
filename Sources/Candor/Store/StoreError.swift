/// Why a result store could not be opened or used.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's schema is newer than this build understands; reading it could misinterpret or damage it.
    case newerSchema(path: String, found: Int, supported: Int)
    /// SQLite refused to open or migrate the file (not a database, no permission, a disk error).
    case cannotOpen(path: String, reason: String)
    /// A stored value could not be decoded (a row written by hand or a damaged file).
    case corruptRow(path: String, table: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .newerSchema(let path, let found, let supported):
            "\(path): this store was written by a newer Candor (schema \(found)); "
                + "this build reads up to schema \(supported)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the result store: \(reason)"
        case .corruptRow(let path, let table, let key, let reason):
            "\(path): table \(table), row \(key): \(reason)"
        }
    }
}
