import Foundation

/// Where a model process's stderr goes: the first `limit` bytes to a log file, then one `[truncated]` line.
///
/// The beginning is kept rather than the end because a model's start-up messages and its first traceback are
/// what explain most failures, and a file that only grows at the start can be written without rewriting. The
/// last few kilobytes are also kept in memory so a crash can be reported with what the model said just before.
/// Every byte is read and counted even past the limit: a model blocked on a full stderr pipe would look hung.
struct StderrLog {
    private let handle: FileHandle?
    private let limit: Int
    private(set) var written = 0
    private(set) var total = 0
    private var truncated = false
    private var tail: [UInt8] = []
    private let tailLimit = 4096

    /// Opens (creating or truncating) `file`; with no file, stderr is only counted and its tail kept.
    init(file: URL?, limit: Int) {
        self.limit = limit
        guard let file else {
            handle = nil
            return
        }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        handle = try? FileHandle(forWritingTo: file)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        total += bytes.count
        keepTail(bytes)
        guard let handle, !truncated else { return }
        let room = limit - written
        if bytes.count <= room {
            try? handle.write(contentsOf: Data(bytes))
            written += bytes.count
        } else {
            if room > 0 { try? handle.write(contentsOf: Data(UnsafeRawBufferPointer(rebasing: bytes[0..<room]))) }
            written += max(room, 0)
            try? handle.write(contentsOf: Data("\n[truncated: stderr passed \(limit) bytes]\n".utf8))
            truncated = true
        }
    }

    /// A line marking a new process in the log, so restarts can be told apart.
    mutating func mark(_ text: String) {
        guard let handle, !truncated else { return }
        let line = Data("--- \(text) ---\n".utf8)
        try? handle.write(contentsOf: line)
        written += line.count
        tail = []
    }

    /// The last lines the current process wrote, for error messages (at most a few hundred characters).
    var recentText: String {
        let text = String(decoding: tail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(3)
        let joined = lines.joined(separator: " | ")
        return joined.count > 300 ? "…" + joined.suffix(300) : joined
    }

    func close() {
        try? handle?.close()
    }

    private mutating func keepTail(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= tailLimit {
            tail = Array(bytes[(bytes.count - tailLimit)...])
        } else {
            tail.append(contentsOf: bytes)
            if tail.count > 2 * tailLimit { tail.removeFirst(tail.count - tailLimit) }
        }
    }
}
