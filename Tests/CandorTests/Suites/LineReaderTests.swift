import Candor
import Foundation
import Testing

@Suite struct LineReaderTests {
    struct Line: Equatable {
        var number: Int
        var text: String
        var offset: Int
    }

    static func lines(of content: Data, chunkSize: Int) throws -> [Line] {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let url = scratch.appendingPathComponent("lines.jsonl")
        try content.write(to: url)
        var lines: [Line] = []
        try LineReader(url: url, chunkSize: chunkSize).forEachLine { number, bytes, offset in
            lines.append(Line(number: number, text: String(decoding: bytes, as: UTF8.self), offset: offset))
        }
        return lines
    }

    // Chunk sizes from 1 byte (every line spans chunks) to larger than the file.
    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 16])
    func numbersLinesFromOneWithTheirOffsets(chunkSize: Int) throws {
        // "ab\n" (offsets 0-2), "\n" (3), "cde\n" (4-7), "f" (8): four lines, the last without "\n".
        let lines = try Self.lines(of: Data("ab\n\ncde\nf".utf8), chunkSize: chunkSize)
        #expect(lines == [Line(number: 1, text: "ab", offset: 0), Line(number: 2, text: "", offset: 3),
                          Line(number: 3, text: "cde", offset: 4), Line(number: 4, text: "f", offset: 8)])
    }

    @Test(arguments: [1, 4, 1 << 16])
    func splitsOnlyOnLineFeed(chunkSize: Int) throws {
        // CR, U+2028 and U+2029 are legal inside JSON strings and must stay inside their line.
        let content = "a\rb\u{2028}c\u{2029}d\nnext\n"
        let lines = try Self.lines(of: Data(content.utf8), chunkSize: chunkSize)
        // "a\rb" is 3 bytes, U+2028 and U+2029 3 bytes each: 1 + 1 + 1 + 3 + 1 + 3 + 1 = 11, then "\n" → next at 12.
        #expect(lines == [Line(number: 1, text: "a\rb\u{2028}c\u{2029}d", offset: 0),
                          Line(number: 2, text: "next", offset: 12)])
    }

    @Test func anEmptyFileHasNoLines() throws {
        #expect(try Self.lines(of: Data(), chunkSize: 4).isEmpty)
    }

    @Test func aFinalNewlineDoesNotAddALine() throws {
        #expect(try Self.lines(of: Data("x\n".utf8), chunkSize: 4) == [Line(number: 1, text: "x", offset: 0)])
    }

    @Test func hashesTheSameBytesItReads() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let url = scratch.appendingPathComponent("f")
        let content = Data((0..<1000).map { "line \($0)\n" }.joined().utf8)
        try content.write(to: url)
        var seen = Data()
        var count = 0
        try LineReader(url: url, chunkSize: 100).forEachLine(observingChunks: { seen.append($0) }) { _, _, _ in
            count += 1
        }
        #expect(seen == content)
        #expect(count == 1000)
    }

    @Test func streamingKeepsLineNumbersInErrors() throws {
        // A 5,000-line split read in 64 KiB chunks: the broken line is named by its number, wherever chunks fall.
        let (folder, scratch) = try FixtureFolder.copy(suite: "valid-text")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var text = ""
        for index in 1...5000 {
            let label = index == 4321 ? "neutral" : "positive"
            text += "{\"id\":\"valid-text-test-\(index)\",\"input\":{\"review\":\"Fine, a joy.\"},\"label\":\"\(label)\"}\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("test.jsonl"))
        let error = try #require(throws: SuiteValidationError.self) { try SuiteLoader.load(folder) }
        #expect(error.description == "valid-text/test.jsonl:4321: label: found \"neutral\", expected one of negative, positive")
    }
}
