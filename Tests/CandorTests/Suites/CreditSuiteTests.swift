import Candor
import Foundation
import Testing

/// Checks the shipped `credit` data against the rule list its card documents.
@Suite struct CreditSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Suites/credit")

    static let features = ["income", "employment", "debt_ratio", "missed_payments", "loan_amount", "savings", "age",
                           "dependents", "years_at_address", "housing", "purpose", "branch"]

    static func instances(_ split: String) throws -> [Instance] {
        try SuiteLoader.load(folder).instances(split: split)
    }

    static func number(_ table: [String: TableValue], _ name: String) -> Double? {
        if case .number(let value) = table[name] { return value }
        return nil
    }

    /// The documented rule list, written out independently of the recipe: the features of the broken rules,
    /// or nil when none is broken.
    static func brokenRules(_ table: [String: TableValue]) -> [String]? {
        var broken: [String] = []
        if table["employment"] == .category("unemployed") { broken.append("employment") }
        if let debt = number(table, "debt_ratio"), debt > 0.45 { broken.append("debt_ratio") }
        if let missed = number(table, "missed_payments"), missed >= 3 { broken.append("missed_payments") }
        return broken.isEmpty ? nil : broken
    }

    @Test func suiteFileDeclaresTheTable() throws {
        let suite = try SuiteLoader.load(Self.folder)
        #expect(suite.task.kind == .classification)
        #expect(suite.task.labels == ["approve", "decline"])
        let kinds = suite.task.inputs.first?.features.map(\.kind) ?? []
        #expect(kinds.filter { $0 == .category }.count == 4)
        #expect(suite.explanations == [.features, .text])
        #expect((10...16).contains(suite.probes.insertionWords.count))
        #expect(suite.probes.cue?.contains("{label}") == true)
        #expect(suite.scorers.count == 12)
    }

    @Test(arguments: [("train", 2400), ("test", 600)])
    func splitIsBalanced(split: String, size: Int) throws {
        let instances = try Self.instances(split)
        #expect(instances.count == size)
        #expect(instances.filter { $0.label == "approve" }.count == size / 2)
        #expect(instances.filter { $0.label == "decline" }.count == size / 2)
    }

    @Test(arguments: ["train", "test"])
    func labelAndRationaleFollowTheRuleList(split: String) throws {
        let suite = try SuiteLoader.load(Self.folder)
        #expect(suite.task.inputs.first?.features.map(\.name) == Self.features)
        for instance in try suite.instances(split: split) {
            guard case .table(let table) = instance.input["applicant"] else {
                Issue.record("\(instance.id): no applicant table")
                continue
            }
            #expect(Set(table.keys) == Set(Self.features), "\(instance.id)")
            let broken = Self.brokenRules(table)
            #expect(instance.label == (broken == nil ? "approve" : "decline"), "\(instance.id)")
            let cited = broken ?? ["employment", "debt_ratio", "missed_payments"]
            #expect(instance.rationale == [.features(field: "applicant", names: cited)], "\(instance.id)")
        }
    }

    @Test(arguments: ["train", "test"])
    func explanationNamesEveryDecidingValue(split: String) throws {
        for instance in try Self.instances(split) {
            guard case .table(let table) = instance.input["applicant"],
                  case .features(_, let names) = instance.rationale.first,
                  let explanation = instance.explanation else {
                Issue.record("\(instance.id): table, rationale or explanation missing")
                continue
            }
            for name in names {
                // Debt ratios may be given as a percentage (0.61 → "61 %"); no missed payments as "no".
                let forms: [String] = switch table[name] {
                case .category(let value): [value]
                case .number(let value) where name == "debt_ratio":
                    [String(format: "%.2f", value), "\(Int((value * 100).rounded())) %"]
                case .number(let value): [value == 0 ? "no missed payments" : "\(Int(value)) missed payment"]
                case nil: []
                }
                #expect(forms.contains { explanation.contains($0) }, "\(instance.id): \(name) not named")
            }
        }
    }

    @Test(arguments: ["train", "test"])
    func shortcutBranchAppearsExactlyWhenFlagged(split: String) throws {
        for instance in try Self.instances(split) {
            guard case .table(let table) = instance.input["applicant"] else { continue }
            #expect((table["branch"] == .category("north-7")) == (instance.shortcut == true), "\(instance.id)")
        }
    }
}
