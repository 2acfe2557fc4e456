import Candor
import CandorProtocol
import Foundation
import Testing

/// `candor schema protocol` prints the protocol's schemas.
@Suite struct SchemaCommandTests {
    @Test func printsTheProtocolSchemaDocument() async throws {
        let result = try await CLI.run(["schema", "protocol"])
        #expect(result.status == 0)
        #expect(result.stdout == ProtocolSchema.documentText)
        let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
        #expect(parsed == ProtocolSchema.document)
    }

    @Test func printsTheSuiteSchemaDocument() async throws {
        let result = try await CLI.run(["schema", "suite"])
        #expect(result.status == 0)
        #expect(result.stdout == SuiteSchema.documentText)
        #expect(result.stdout.contains("\"instance\" : {"))
    }

    @Test func anUnknownSubjectIsAUsageError() async throws {
        let result = try await CLI.run(["schema", "model"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown schema 'model'; expected protocol or suite"))
    }
}
