import Foundation

/// The documents of an ERASER dataset, read as `rationale_benchmark/utils.py` reads them.
///
/// A dataset keeps them either as files `docs/<docid>` or as one `docs.jsonl` of `{"docid", "document"}` lines.
/// A document is newline-separated sentences of space-joined tokens: from `docs/`, lines are stripped, blank
/// lines dropped and each line split on single spaces with empty pieces dropped (`load_documents`); from
/// `docs.jsonl`, the text is split on `\n` and each stripped line on single spaces, keeping empty pieces
/// (`load_documents_from_file`). Token offsets index the flattened sentences.
///
/// Documents are read when asked for (`docs.jsonl` is indexed once by byte offset), so memory stays flat in the
/// number of documents.
public final class EraserDocuments {
    /// The dataset folder as messages name it.
    let name: String
    private let folder: URL
    /// For `docs.jsonl`: docid → (byte offset, byte length) of its line.
    private let index: [String: (offset: UInt64, length: Int)]?
    private let indexFile: URL?
    private var lengthCache: [String: (tokens: Int, sentences: Int)] = [:]

    /// Finds the documents of the dataset in `folder`.
    /// - Throws: ``ImportError`` when neither `docs/` nor `docs.jsonl` exists, or `docs.jsonl` is malformed.
    public init(folder: URL, name: String) throws {
        self.folder = folder
        self.name = name
        let file = folder.appendingPathComponent("docs.jsonl")
        if FileManager.default.fileExists(atPath: file.path) {
            var index: [String: (offset: UInt64, length: Int)] = [:]
            let display = name + "/docs.jsonl"
            try LineReader(url: file).forEachLine { number, bytes, offset in
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                let value = try ImportJSON.parse(bytes, file: display, line: number)
                let reader = JSONFieldReader(file: display, line: number)
                let docid = try reader.string(value["docid"], "docid")
                _ = try reader.string(value["document"], "document")
                index[docid] = (UInt64(offset), bytes.count)
            }
            self.index = index
            self.indexFile = file
        } else if FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs").path) {
            index = nil
            indexFile = nil
        } else {
            throw ImportError(file: name, line: nil, field: nil, found: "neither docs/ nor docs.jsonl",
                              expected: "an ERASER dataset folder holding its documents")
        }
    }

    /// Whether the dataset has a document `docid`.
    public func contains(_ docid: String) -> Bool {
        if let index { return index[docid] != nil }
        return FileManager.default.fileExists(atPath: documentURL(docid).path)
    }

    /// The document's sentences, each a list of tokens.
    /// - Throws: ``ImportError`` when there is no such document or it cannot be read.
    public func sentences(of docid: String) throws -> [[String]] {
        if let index, let indexFile {
            guard let entry = index[docid] else { throw missing(docid) }
            let handle = try FileHandle(forReadingFrom: indexFile)
            defer { try? handle.close() }
            try handle.seek(toOffset: entry.offset)
            let data = try handle.read(upToCount: entry.length) ?? Data()
            let value = try ImportJSON.parse([UInt8](data), file: name + "/docs.jsonl", line: nil)
            let text = value["document"]?.stringValue ?? ""
            // A CR before the LF is one Character with it in Swift; Python splits on the LF and strips the CR.
            return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { line in
                Self.stripped(line).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let url = documentURL(docid)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw missing(docid) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError(file: "\(name)/docs/\(docid)", line: nil, field: nil, found: "bytes that are not UTF-8",
                              expected: "UTF-8 text")
        }
        // Python reads text files with universal newlines: LF, CRLF and CR all end a line.
        let lines = text.split(omittingEmptySubsequences: false,
                               whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return lines.compactMap { line in
            let trimmed = Self.stripped(line)
            guard !trimmed.isEmpty else { return nil }
            return trimmed.split(separator: " ").map(String.init)
        }
    }

    /// How many tokens (flattened) and sentences the document has.
    public func lengths(of docid: String) throws -> (tokens: Int, sentences: Int) {
        if let known = lengthCache[docid] { return known }
        let lengths: (tokens: Int, sentences: Int)
        if index == nil, let data = FileManager.default.contents(atPath: documentURL(docid).path),
           let counted = Self.asciiLengths(data) {
            lengths = counted
        } else {
            let sentences = try sentences(of: docid)
            lengths = (sentences.reduce(0) { $0 + $1.count }, sentences.count)
        }
        lengthCache[docid] = lengths
        return lengths
    }

    /// The token and sentence counts of a `docs/` file by the same rules as ``sentences(of:)``, counted from its
    /// bytes without building strings; nil when the file has a byte outside ASCII (then Unicode whitespace and
    /// line ends need the full rules).
    static func asciiLengths(_ data: Data) -> (tokens: Int, sentences: Int)? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (tokens: Int, sentences: Int)? in
            var tokens = 0, sentences = 0
            var lineTokens = 0, inToken = false, lineHasText = false
            func endLine() {
                if lineHasText { sentences += 1; tokens += lineTokens }
                lineTokens = 0
                inToken = false
                lineHasText = false
            }
            for byte in raw {
                switch byte {
                case 0x80...: return nil
                case 0x0A, 0x0D: endLine()
                case 0x20:
                    inToken = false
                case 0x09, 0x0B, 0x0C, 0x1C...0x1F:
                    // Whitespace that Python's strip() removes at the ends of a line but split(' ') keeps inside a
                    // token: only the general rules get it right.
                    return nil
                default:
                    if !inToken { lineTokens += 1 }
                    inToken = true
                    lineHasText = true
                }
            }
            endLine()
            return (tokens, sentences)
        }
    }

    private func documentURL(_ docid: String) -> URL {
        folder.appendingPathComponent("docs").appendingPathComponent(docid)
    }

    private func missing(_ docid: String) -> ImportError {
        ImportError(file: name, line: nil, field: "docid", found: "\"\(docid)\", which is not among the documents",
                    expected: index == nil ? "a file docs/\(docid)" : "a line of docs.jsonl with that docid")
    }

    /// `line` without leading and trailing whitespace, as Python's `str.strip()`.
    static func stripped(_ line: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { character in
            character.unicodeScalars.allSatisfy { $0.properties.isWhitespace || (0x1C...0x1F).contains($0.value) }
        }
        guard let first = line.firstIndex(where: { !isSpace($0) }),
              let last = line.lastIndex(where: { !isSpace($0) }) else { return "" }
        return line[first...last]
    }
}
