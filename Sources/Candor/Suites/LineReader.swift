import Foundation

/// Reads a file line by line in fixed-size chunks, so that memory stays flat however long the file is.
///
/// Lines are split on the byte `\n` only: U+2028, U+2029 and a lone CR are legal inside JSON strings and must not
/// end a line. A final line without `\n` still counts; a file ending in `\n` has no empty last line.
public struct LineReader: Sendable {
    /// The file read.
    public var url: URL
    /// Bytes read at a time.
    public var chunkSize: Int

    public init(url: URL, chunkSize: Int = 1 << 16) {
        self.url = url
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` with each line's 1-based number, its bytes (without the `\n`) and the byte offset of its start
    /// in the file.
    ///
    /// - Parameters:
    ///   - observe: called with every chunk as read, in order (for hashing the file in the same pass).
    ///   - body: gets a buffer valid only during the call.
    /// - Throws: when the file cannot be opened or read, or whatever `body` throws.
    /// - Complexity: memory is one chunk plus the longest line.
    public func forEachLine(
        observingChunks observe: ((Data) -> Void)? = nil,
        _ body: (_ number: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ fileOffset: Int) throws -> Void
    ) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var number = 0
        var consumed = 0
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            observe?(chunk)
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    guard let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { break }
                    let end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    number += 1
                    let lineStart = consumed - carry.count + start
                    if carry.isEmpty {
                        try body(number, UnsafeBufferPointer(rebasing: bytes[start..<end]), lineStart)
                    } else {
                        carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        try carry.withUnsafeBufferPointer { try body(number, $0, lineStart) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                }
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
            consumed += chunk.count
        }
        if !carry.isEmpty {
            number += 1
            try carry.withUnsafeBufferPointer { try body(number, $0, consumed - carry.count) }
        }
    }
}
