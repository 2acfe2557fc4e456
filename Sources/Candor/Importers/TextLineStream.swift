import Foundation

/// Reads a text file one line at a time, on demand, in fixed-size chunks, so that memory stays flat however long
/// the file is.
///
/// Pull-based (unlike ``LineReader``) because some sources are read in lock step: e-SNLI's preprocessed files
/// hold one field of the same example on the same line of several files. Lines end at `\n`; a CR before it is
/// dropped, as Windows-made CSV and text files end their lines with CRLF.
final class TextLineStream {
    /// The file as messages name it.
    let name: String
    /// The number of the line last returned (1-based; 0 before the first).
    private(set) var lineNumber = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false

    init(url: URL, name: String) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ImportError(file: name, line: nil, field: nil, found: "a file that cannot be opened",
                              expected: "a readable file")
        }
        self.name = name
    }

    deinit {
        try? handle.close()
    }

    /// The next line as text, or nil at the end of the file.
    /// - Throws: ``ImportError`` naming the line when it is not UTF-8 or the file cannot be read.
    func next() throws -> String? {
        guard var bytes = try nextBytes() else { return nil }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError(file: name, line: lineNumber, field: nil, found: "bytes that are not UTF-8",
                              expected: "UTF-8 text")
        }
        return text
    }

    /// The next line's bytes (without its `\n`), or nil at the end of the file.
    func nextBytes() throws -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                lineNumber += 1
                return line
            }
            if exhausted {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 16)
            } catch {
                throw ImportError(file: name, line: lineNumber + 1, field: nil, found: "a read error",
                                  expected: "a readable file")
            }
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { exhausted = true }
        }
    }
}
