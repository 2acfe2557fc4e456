import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The leaderboard as JUnit XML for CI dashboards: one test case per model × suite, failing when more than
/// `maximumFailureRate` of its requests failed; and one per suite × scorer of the sanity matrix, failing when the
/// scorer fails its sanity check there.
public enum JUnitReport {
    public static func render(results: [ModelResults], sanity: SanityMatrix?, maximumFailureRate: Double) -> String {
        let root = XMLElement(name: "testsuites")
        root.addAttribute(attribute("name", "candor"))
        for model in results.sorted(by: { $0.model.name < $1.model.name }) {
            var cases: [XMLElement] = []
            for suite in model.suites {
                let testCase = XMLElement(name: "testcase")
                testCase.addAttribute(attribute("classname", "candor.\(model.model.name)"))
                testCase.addAttribute(attribute("name", suite.id))
                if suite.failureRate > maximumFailureRate {
                    let failure = XMLElement(name: "failure")
                    let failed = suite.failures.keys.sorted().map { "\($0) \(suite.failures[$0]!)" }
                    failure.addAttribute(attribute("message", String(
                        format: "%.1f %% of requests failed (limit %.1f %%): ", suite.failureRate * 100,
                        maximumFailureRate * 100) + failed.joined(separator: ", ")))
                    testCase.addChild(failure)
                }
                cases.append(testCase)
            }
            root.addChild(testSuite(name: "model \(model.model.name)", cases: cases))
        }
        if let sanity {
            var grouped: [String: [SanityMatrix.Cell]] = [:]
            for cell in sanity.cells { grouped["\(cell.suite)\u{1F}\(cell.scorer)", default: []].append(cell) }
            let cases = grouped.keys.sorted().map { key -> XMLElement in
                let cells = grouped[key]!
                let testCase = XMLElement(name: "testcase")
                testCase.addAttribute(attribute("classname", "candor.sanity.\(cells[0].scorer)"))
                testCase.addAttribute(attribute("name", cells[0].suite))
                let failing = cells.filter { $0.status == .fail }
                if !failing.isEmpty {
                    let failure = XMLElement(name: "failure")
                    failure.addAttribute(attribute("message", failing.map {
                        "\($0.winner) does not beat \($0.other)"
                    }.joined(separator: "; ")))
                    testCase.addChild(failure)
                } else if cells.allSatisfy({ $0.status == .undecided || $0.status == .notApplicable }) {
                    testCase.addChild(XMLElement(name: "skipped"))
                }
                return testCase
            }
            root.addChild(testSuite(name: "sanity", cases: cases))
        }
        let document = XMLDocument(rootElement: root)
        document.characterEncoding = "UTF-8"
        document.version = "1.0"
        return document.xmlString(options: [.nodePrettyPrint]) + "\n"
    }

    static func testSuite(name: String, cases: [XMLElement]) -> XMLElement {
        let suite = XMLElement(name: "testsuite")
        suite.addAttribute(attribute("name", name))
        suite.addAttribute(attribute("tests", "\(cases.count)"))
        suite.addAttribute(attribute("failures", "\(cases.filter { $0.elements(forName: "failure").count > 0 }.count)"))
        suite.addAttribute(attribute("skipped", "\(cases.filter { $0.elements(forName: "skipped").count > 0 }.count)"))
        for testCase in cases { suite.addChild(testCase) }
        return suite
    }

    static func attribute(_ name: String, _ value: String) -> XMLNode {
        XMLNode.attribute(withName: name, stringValue: xmlText(value)) as! XMLNode
    }

    /// `text` without the characters XML 1.0 cannot hold at all (control characters other than tab, line feed
    /// and carriage return, and the non-characters U+FFFE and U+FFFF), which no escaping can carry.
    static func xmlText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE
                && value != 0xFFFF)
            if allowed { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
