import Candor
import Foundation
import Testing

/// Every folder under `Fixtures/suites` either loads (no `expected-error.txt`) or fails with exactly the text in
/// its `expected-error.txt`.
@Suite struct SuiteFixtureTests {
    static let folders: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FixtureFolder.suites.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = FixtureFolder.suites.appendingPathComponent(name).path
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    @Test func thereAreValidAndBrokenFixtures() {
        #expect(Self.folders.filter { $0.hasPrefix("valid-") }.count == 4)
        #expect(Self.folders.count >= 28)
    }

    @Test(arguments: folders)
    func fixtureLoadsOrFailsAsDocumented(name: String) throws {
        let folder = FixtureFolder.suites.appendingPathComponent(name)
        let expectedURL = folder.appendingPathComponent("expected-error.txt")
        guard FileManager.default.fileExists(atPath: expectedURL.path) else {
            #expect(name.hasPrefix("valid-"), "a fixture without expected-error.txt must be a valid- suite")
            let suite = try SuiteLoader.load(folder)
            #expect(suite.id == name)
            return
        }
        var expected = try String(contentsOf: expectedURL, encoding: .utf8)
        if expected.hasSuffix("\n") { expected.removeLast() }
        #expect(!expected.isEmpty)
        do {
            _ = try SuiteLoader.load(folder)
            Issue.record("\(name) loaded, but its expected-error.txt says it must fail")
        } catch let error as SuiteValidationError {
            #expect(error.description == expected)
        }
    }
}
