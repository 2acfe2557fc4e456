import Candor
import CandorProtocol
import Foundation

/// Tiny hand-made suites for the reference model's tests, written to a fresh temporary folder.
///
/// Each is small enough to reason about by hand: one word decides the label, the rest is filler that occurs
/// with both labels.
enum ReferenceModelFixtures {
    /// Writes a suite folder named `id` and loads it.
    static func suite(id: String, task: String, explanations: String, train: [String], test: [String]) throws -> Suite {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-reference-\(UUID().uuidString)")
            .appendingPathComponent(id)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let yaml = """
            format: 1
            id: \(id)
            version: 1.0.0
            title: A tiny suite for the reference model's tests
            task:
            \(task)
            explanations: [\(explanations)]
            probes:
              insertion-words: [really]
              cue: "Someone says the answer is {label}."
            scorers: [comprehensiveness]
            splits: {train: train.jsonl, test: test.jsonl}
            provenance: "written by hand for tests"

            """
        try yaml.write(to: root.appendingPathComponent("suite.yaml"), atomically: true, encoding: .utf8)
        try (train.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("train.jsonl"),
                                                         atomically: true, encoding: .utf8)
        try (test.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("test.jsonl"),
                                                        atomically: true, encoding: .utf8)
        try "A tiny suite.\n".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        return try SuiteLoader.load(root)
    }

    /// Reviews: `great` means positive, `awful` negative; `the`, `film`, `cast`, … occur with both.
    static func reviews() throws -> Suite {
        let train = [
            ("the film was great", "positive"), ("a great cast and a long film", "positive"),
            ("great fun overall", "positive"), ("truly great work from the cast", "positive"),
            ("the plot was great", "positive"), ("great , simply great", "positive"),
            ("the film was awful", "negative"), ("an awful cast and a long film", "negative"),
            ("awful fun overall", "negative"), ("truly awful work from the cast", "negative"),
            ("the plot was awful", "negative"), ("awful , simply awful", "negative"),
        ].enumerated().map { i, pair in
            #"{"id":"reviews-train-\#(i)","input":{"review":"\#(pair.0)"},"label":"\#(pair.1)"}"#
        }
        let test = [
            #"{"id":"reviews-test-0","input":{"review":"the cast was great and the film was long"},"label":"positive","rationale":[{"field":"review","start":3,"end":4}],"explanation":"It says great.","shortcut":false}"#,
            #"{"id":"reviews-test-1","input":{"review":"an awful plot , a long film from the cast"},"label":"negative","rationale":[{"field":"review","start":1,"end":2}],"explanation":"It says awful.","shortcut":false}"#,
            #"{"id":"reviews-test-2","input":{"review":"truly great fun , the film was simply great work"},"label":"positive","rationale":[{"field":"review","start":1,"end":2},{"field":"review","start":8,"end":9}],"explanation":"Great, twice.","shortcut":false}"#,
        ]
        return try suite(id: "reviews", task: """
              kind: classification
              labels: [negative, positive]
              inputs:
                - {name: review, type: text}
            """, explanations: "highlights, text", train: train, test: test)
    }

    /// Loans: a high `debt` declines, a low one approves; `housing` is noise.
    static func loans() throws -> Suite {
        let rows: [(Double, Double, String, String)] = [
            (0.9, 40000, "rent", "decline"), (0.8, 52000, "own", "decline"), (0.85, 61000, "rent", "decline"),
            (0.7, 30000, "own", "decline"), (0.95, 45000, "rent", "decline"), (0.75, 58000, "own", "decline"),
            (0.1, 41000, "rent", "approve"), (0.2, 50000, "own", "approve"), (0.15, 62000, "rent", "approve"),
            (0.3, 31000, "own", "approve"), (0.05, 46000, "rent", "approve"), (0.25, 57000, "own", "approve"),
        ]
        let train = rows.enumerated().map { i, row in
            #"{"id":"loans-train-\#(i)","input":{"applicant":{"debt":\#(row.0),"income":\#(Int(row.1)),"housing":"\#(row.2)"}},"label":"\#(row.3)"}"#
        }
        let test = [
            #"{"id":"loans-test-0","input":{"applicant":{"debt":0.88,"income":50000,"housing":"own"}},"label":"decline","rationale":[{"field":"applicant","features":["debt"]}],"explanation":"Debt is 88 % of income.","shortcut":false}"#,
            #"{"id":"loans-test-1","input":{"applicant":{"debt":0.12,"income":38000,"housing":"rent"}},"label":"approve","rationale":[{"field":"applicant","features":["debt"]}],"explanation":"Debt is low.","shortcut":false}"#,
        ]
        return try suite(id: "loans", task: """
              kind: classification
              labels: [approve, decline]
              inputs:
                - name: applicant
                  type: table
                  features:
                    - {name: debt, kind: number}
                    - {name: income, kind: number}
                    - {name: housing, kind: category}
            """, explanations: "features, text", train: train, test: test)
    }

    /// Questions: `bake` goes with `oven`, `cold` with `fridge`, `sweep` with `broom`, wherever they stand.
    static func questions() throws -> Suite {
        let facts = [("where do you bake bread ?", "oven"), ("what keeps milk cold ?", "fridge"),
                     ("what do you sweep with ?", "broom")]
        let objects = ["oven", "fridge", "broom"]
        var train: [String] = []
        for (i, fact) in facts.enumerated() {
            for shift in 0..<3 {
                let choices = (0..<3).map { objects[(i + shift + $0) % 3] }
                let label = ["A", "B", "C"][choices.firstIndex(of: fact.1)!]
                let items = choices.map { "\"\($0)\"" }.joined(separator: ",")
                train.append(#"{"id":"questions-train-\#(i)-\#(shift)","input":{"question":"\#(fact.0)","choices":[\#(items)]},"label":"\#(label)"}"#)
            }
        }
        let test = [
            #"{"id":"questions-test-0","input":{"question":"tell me , where do you bake bread ?","choices":["broom","oven","fridge"]},"label":"B","rationale":[{"field":"question","start":6,"end":8}],"explanation":"You bake bread in an oven.","shortcut":false}"#,
        ]
        return try suite(id: "questions", task: """
              kind: multiple-choice
              labels: [A, B, C]
              inputs:
                - {name: question, type: text}
                - {name: choices, type: choices}
            """, explanations: "text, highlights", train: train, test: test)
    }

    /// An explain request for each test instance of `suite`.
    static func explainRequests(_ suite: Suite) throws -> [Request] {
        try suite.instances(split: "test").map { instance in
            Request(op: .explain, id: instance.id, suite: suite.id, task: suite.task.descriptor,
                    input: instance.wireInput)
        }
    }
}
