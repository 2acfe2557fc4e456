import Candor
import Foundation
import Testing

@Suite struct VersionTests {
    @Test func printsTheVersion() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == CandorInfo.version)
    }
}
