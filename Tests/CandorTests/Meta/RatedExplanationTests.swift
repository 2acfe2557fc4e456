@testable import Candor
import Foundation
import Testing

@Suite struct RatedExplanationTests {
    private func read(_ text: String) throws -> [RatedExplanation] {
        let folder = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ratings.jsonl")
        try Data(text.utf8).write(to: url)
        return try RatedExplanation.read(url)
    }

    @Test func readsBothRatingForms() throws {
        let rows = try read("""
            {"suite":"s","instance":"1","explanation":"e","rating":2}
            {"suite":"s","instance":"2","explanation":"e","reference":"r","ratings":[1,0,0.5],"source":"x","aspect":"acceptable"}

            """)
        #expect(rows.count == 2)
        #expect(rows[0].rating == 2 && rows[0].reference == nil)
        #expect(rows[1].rating == 0.5 && rows[1].source == "x" && rows[1].aspect == "acceptable")
        #expect(try read(rows[1].jsonLine) == [rows[1]])
    }

    @Test(arguments: [
        ("{\"suite\":\"s\",\"instance\":\"1\",\"explanation\":\"e\",\"score\":1}", "score", "an unknown key"),
        ("{\"suite\":\"s\",\"instance\":\"1\",\"explanation\":\"e\"}", "ratings", "no rating"),
        ("{\"suite\":\"s\",\"instance\":\"1\",\"explanation\":\"e\",\"rating\":1,\"ratings\":[1]}", "rating",
         "both rating and ratings"),
        ("{\"suite\":\"s\",\"instance\":\"1\",\"explanation\":\"e\",\"ratings\":[]}", "ratings", "an array"),
        ("{\"suite\":\"s\",\"instance\":1,\"explanation\":\"e\",\"rating\":1}", "instance", "a number (1)"),
    ])
    func namesTheLineAndField(line: String, field: String, found: String) throws {
        do {
            _ = try read("{\"suite\":\"s\",\"instance\":\"0\",\"explanation\":\"e\",\"rating\":1}\n" + line + "\n")
            Issue.record("accepted \(line)")
        } catch let error as ImportError {
            #expect(error.line == 2 && error.field == field && error.found == found)
        }
    }
}
