@testable import Candor
import Foundation
import Testing

@Suite struct CSVReaderTests {
    private func reader(_ text: String) throws -> (CSVReader, URL) {
        let folder = try FixtureFolder.scratch()
        let url = folder.appendingPathComponent("t.csv")
        try Data(text.utf8).write(to: url)
        return (try CSVReader(url: url, name: "t.csv"), folder)
    }

    @Test func readsQuotedMultiLineFieldsAndCRLF() throws {
        let (csv, folder) = try reader("id,text,n\r\n1,\"a, \"\"b\"\"\nc\",2\r\n\r\n2,plain,3\r\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(csv.header == ["id", "text", "n"])
        let first = try #require(try csv.next())
        #expect(first.line == 2)
        #expect(first["text"] == "a, \"b\"\nc")
        let second = try #require(try csv.next())
        #expect(second.line == 5)
        #expect(second["text"] == "plain" && second["n"] == "3")
        #expect(try csv.next() == nil)
    }

    @Test func namesTheLineOfARecordWithTheWrongNumberOfFields() throws {
        let (csv, folder) = try reader("a,b\n1,2\n3\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try csv.next()
        #expect(throws: ImportError(file: "t.csv", line: 3, field: nil, found: "1 fields",
                                    expected: "2 fields, one per column of the header")) { try csv.next() }
    }

    @Test func reportsAQuoteThatIsNeverClosed() throws {
        let (csv, folder) = try reader("a,b\n1,\"open\n2,3\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ImportError(file: "t.csv", line: 2, field: nil, found: "a quoted field that is never closed",
                                    expected: "a closing double quote")) { try csv.next() }
    }

    @Test func requiresColumns() throws {
        let (csv, folder) = try reader("a,b\n1,2\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ImportError.self) { try csv.require(["a", "c"]) }
    }
}
