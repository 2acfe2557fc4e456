import Foundation

/// Splits a model's stdout into lines on `\n` bytes only, with a bound on how much one line may buffer.
///
/// Only `\n` ends a line: U+2028, U+2029 and `\r` may appear inside a JSON line (the last as whitespace), and a
/// general-purpose line reader that splits on them would cut valid responses apart. A line longer than
/// `maxLine` is reported once, with its first bytes, and the rest of it is dropped as it arrives, so a model
/// printing an endless line costs at most `maxLine` bytes of memory.
struct LineSplitter {
    /// One piece of output.
    enum Piece {
        /// A complete line without its `\n`.
        case line(Data)
        /// A line that passed `maxLine`; the bytes are its beginning (at most `maxLine`).
        case tooLong(prefix: Data)
    }

    let maxLine: Int
    private var partial: [UInt8] = []
    private var discarding = false
    /// The most bytes ever held for one unfinished line: the memory bound, checked by tests.
    private(set) var largestBuffered = 0

    init(maxLine: Int) {
        self.maxLine = maxLine
    }

    /// Feeds `bytes` and hands each finished piece to `handle`, which returns false to drop the rest (the
    /// process it came from is gone).
    mutating func feed(_ bytes: UnsafeRawBufferPointer, handle: (Piece) -> Bool) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        let count = bytes.count
        while start < count {
            let rest = count - start
            let found = memchr(base + start, 0x0A, rest)
            let end = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? count
            let piece = UnsafeRawBufferPointer(start: base + start, count: end - start)
            if discarding {
                if found != nil { discarding = false }
            } else if partial.count + piece.count > maxLine {
                let take = maxLine - partial.count
                var prefix = Data(partial)
                prefix.append(contentsOf: UnsafeRawBufferPointer(rebasing: piece[0..<max(0, take)]))
                partial.removeAll(keepingCapacity: false)
                discarding = found == nil
                if !handle(.tooLong(prefix: prefix)) { return }
            } else if found != nil {
                let line: Data
                if partial.isEmpty {
                    line = Data(piece)
                } else {
                    partial.append(contentsOf: piece)
                    largestBuffered = max(largestBuffered, partial.count)
                    line = Data(partial)
                    partial.removeAll(keepingCapacity: partial.capacity <= 1 << 16)
                }
                if !handle(.line(line)) { return }
            } else {
                partial.append(contentsOf: piece)
                largestBuffered = max(largestBuffered, partial.count)
            }
            start = end + 1
        }
    }

    /// The unfinished last line, if the output ended without a `\n`; clears the splitter for a new process.
    mutating func finish() -> Data? {
        defer { reset() }
        return partial.isEmpty || discarding ? nil : Data(partial)
    }

    mutating func reset() {
        partial = []
        discarding = false
    }
}
