@testable import Candor
import Foundation
import Testing

@Suite struct LineSplitterTests {
    /// Feeds `chunks` in order and describes each piece: the line's text, or `TOO LONG:<prefix>`.
    func pieces(_ chunks: [String], maxLine: Int = 64) -> (pieces: [String], rest: String?, largest: Int) {
        var splitter = LineSplitter(maxLine: maxLine)
        var result: [String] = []
        for chunk in chunks {
            Array(chunk.utf8).withUnsafeBytes { bytes in
                splitter.feed(bytes) { piece in
                    switch piece {
                    case .line(let data): result.append(String(decoding: data, as: UTF8.self))
                    case .tooLong(let prefix): result.append("TOO LONG:" + String(decoding: prefix, as: UTF8.self))
                    }
                    return true
                }
            }
        }
        let largest = splitter.largestBuffered
        return (result, splitter.finish().map { String(decoding: $0, as: UTF8.self) }, largest)
    }

    @Test func splitsOnNewlineOnlyAcrossChunks() {
        let result = pieces(["{\"a\":\"x\u{2028}y\"}\r\n{\"b\"", ":1}\n\n", "{\"c\":\r2}\n{\"d\""])
        #expect(result.pieces == ["{\"a\":\"x\u{2028}y\"}\r", "{\"b\":1}", "", "{\"c\":\r2}"])
        #expect(result.rest == "{\"d\"")
    }

    @Test func aLongLineIsCutAtTheLimitAndTheRestDropped() {
        // maxLine 8: "0123456789" is 10 bytes, reported once with its first 8; the tail arrives in later chunks.
        let result = pieces(["ok\n0123", "456789", "ABCDEF\nnext\n"], maxLine: 8)
        #expect(result.pieces == ["ok", "TOO LONG:01234567", "next"])
        #expect(result.rest == nil)
        #expect(result.largest <= 8)
    }

    @Test func aLineOfExactlyTheLimitIsKept() {
        let result = pieces(["1234", "5678\n123456789\n"], maxLine: 8)
        #expect(result.pieces == ["12345678", "TOO LONG:12345678"])
    }

    @Test func anEndlessLineNeverBuffersMoreThanTheLimit() {
        let chunk = String(repeating: "x", count: 1000)
        let result = pieces(Array(repeating: chunk, count: 100), maxLine: 4096)
        // 100,000 bytes without a newline: one report, then nothing kept; at most 4096 bytes held at once.
        #expect(result.pieces.count == 1)
        #expect(result.largest <= 4096)
        #expect(result.rest == nil)
    }
}
