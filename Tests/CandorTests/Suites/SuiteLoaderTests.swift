import Candor
import Foundation
import Testing

@Suite struct SuiteLoaderTests {
    // MARK: - Valid fixtures, decoded values

    @Test func loadsATextSuite() throws {
        let suite = try SuiteLoader.load(FixtureFolder.suites.appendingPathComponent("valid-text"))
        #expect(suite.format == 1)
        #expect(suite.id == "valid-text")
        #expect(suite.version == "1.0.0")
        #expect(suite.title == "Tiny review sentiment")
        #expect(suite.task == TaskSpec(kind: .classification, labels: ["negative", "positive"],
                                       inputs: [InputField(name: "review", type: .text)]))
        #expect(suite.explanations == [.highlights, .text])
        #expect(suite.probes == ProbeSpec(insertionWords: ["truly", "barely"],
                                          cue: "A reader who saw this before says the answer is {label}."))
        #expect(suite.scorers == ["comprehensiveness", "token-f1"])
        #expect(suite.splits == [Suite.Split(name: "train", file: "train.jsonl", instanceCount: 4),
                                 Suite.Split(name: "test", file: "test.jsonl", instanceCount: 3)])
        #expect(suite.provenance == "written by hand as a test fixture")
        #expect(suite.licence == nil)

        let test = try suite.instances(split: "test")
        #expect(test.map(\.id) == ["valid-text-test-1", "valid-text-test-2", "valid-text-test-3"])
        // "A dull start, but a joy to watch." → A dull start , but a joy to watch . (10 tokens); [5, 8) = "a joy to".
        #expect(test[0] == Instance(id: "valid-text-test-1",
                                    input: ["review": .text("A dull start, but a joy to watch.")],
                                    label: "positive", rationale: [.span(field: "review", start: 5, end: 8)],
                                    explanation: "It ends as a joy to watch.", shortcut: false))
        #expect(Array(test[0].input["review"]!.tokens[5..<8]) == ["a", "joy", "to"])
        #expect(test.map(\.shortcut) == [false, true, true])
    }

    @Test func loadsATextListSuite() throws {
        let suite = try SuiteLoader.load(FixtureFolder.suites.appendingPathComponent("valid-text-list"))
        #expect(suite.task.inputs.map(\.type) == [.text, .textList])
        #expect(suite.task.labels == ["supported", "refuted", "not-enough-info"])
        let test = try suite.instances(split: "test")
        #expect(test.count == 2)
        #expect(test[0].input["evidence"] == .textList(["The bridge opened in 1932.", "It spans the river."]))
        // Flattened tokens: The bridge opened in 1932 . | It spans the river . → index 4 is "1932".
        #expect(test[0].rationale == [.span(field: "evidence", start: 4, end: 5)])
        #expect(test[0].input["evidence"]!.tokens[4] == "1932")
        // The second test line leaves out explanation and shortcut, which are optional.
        #expect(test[1].rationale.isEmpty)
        #expect(test[1].explanation == nil)
        #expect(test[1].shortcut == nil)
    }

    @Test func loadsAMultipleChoiceSuite() throws {
        let suite = try SuiteLoader.load(FixtureFolder.suites.appendingPathComponent("valid-multiple-choice"))
        #expect(suite.task.kind == .multipleChoice)
        #expect(suite.task.labels == ["A", "B", "C"])
        let train = try suite.instances(split: "train")
        #expect(train[0].input["choices"] == .choices(["oven", "fridge", "shelf"]))
        #expect(train[0].label == "B")
        #expect(train[0].input["question"]!.tokens[5] == "cold")
    }

    @Test func loadsATableSuite() throws {
        let suite = try SuiteLoader.load(FixtureFolder.suites.appendingPathComponent("valid-table"))
        #expect(suite.task.inputs == [InputField(name: "applicant", type: .table, features: [
            InputField.Feature(name: "income", kind: .number),
            InputField.Feature(name: "debt_ratio", kind: .number),
            InputField.Feature(name: "housing", kind: .category),
        ])])
        #expect(suite.licence == "the project's own")
        let train = try suite.instances(split: "train")
        #expect(train[0].input["applicant"] == .table(["income": .number(52000), "debt_ratio": .number(0.61),
                                                       "housing": .category("rent")]))
        #expect(train[1].rationale == [.features(field: "applicant", names: ["income", "debt_ratio"])])
        let test = try suite.instances(split: "test")
        #expect(test[0].input["applicant"] == .table(["income": .number(30500.5), "debt_ratio": .number(0.2),
                                                      "housing": .category("own")]))
    }

    @Test func loadAllSortsByIDAndSkipsFoldersWithoutADefinition() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["valid-text", "valid-table"] {
            try FileManager.default.copyItem(at: FixtureFolder.suites.appendingPathComponent(name),
                                             to: scratch.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("notes"),
                                                withIntermediateDirectories: true)
        try Data("x".utf8).write(to: scratch.appendingPathComponent("FORMAT.md"))
        #expect(try SuiteLoader.loadAll(in: scratch).map(\.id) == ["valid-table", "valid-text"])
    }

    @Test func loadAllReportsEveryBrokenSuite() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["valid-text", "label-outside-set", "newer-format"] {
            try FileManager.default.copyItem(at: FixtureFolder.suites.appendingPathComponent(name),
                                             to: scratch.appendingPathComponent(name))
        }
        let error = try #require(throws: SuiteValidationError.self) { try SuiteLoader.loadAll(in: scratch) }
        #expect(error.issues.map(\.file) == ["label-outside-set/test.jsonl", "newer-format/suite.yaml"])
    }

    // MARK: - Content hash

    @Test func contentHashIsSHA256OfTheDefinitionThenTheSplitsInOrder() throws {
        let folder = FixtureFolder.suites.appendingPathComponent("valid-text")
        let suite = try SuiteLoader.load(folder)
        var bytes = Data()
        for file in ["suite.yaml", "train.jsonl", "test.jsonl"] {
            bytes.append(try Data(contentsOf: folder.appendingPathComponent(file)))
        }
        #expect(suite.contentHash == RequestHash.sha256(bytes))
        #expect(suite.contentHash.count == 64)
    }

    @Test func contentHashChangesWhenAFileChanges() throws {
        let (folder, scratch) = try FixtureFolder.copy(suite: "valid-text")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try SuiteLoader.load(folder).contentHash
        #expect(try SuiteLoader.load(folder).contentHash == before)

        let testURL = folder.appendingPathComponent("test.jsonl")
        let text = try String(contentsOf: testURL, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "It is a mess.", with: "It is a wreck.").utf8).write(to: testURL)
        let afterData = try SuiteLoader.load(folder).contentHash
        #expect(afterData != before)

        let yamlURL = folder.appendingPathComponent("suite.yaml")
        let yaml = try String(contentsOf: yamlURL, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.1").utf8).write(to: yamlURL)
        let afterYAML = try SuiteLoader.load(folder).contentHash
        #expect(afterYAML != afterData)
        #expect(afterYAML != before)
    }

    // MARK: - Rules not covered by one fixture each

    @Test func stopsListingAfterTwoHundredProblems() throws {
        let error = try #require(throws: SuiteValidationError.self) {
            try SuiteLoader.load(FixtureFolder.suites.appendingPathComponent("too-many-problems"))
        }
        // 250 lines, each with a label outside the set: 200 listed, 50 counted.
        #expect(error.issues.count == 200)
        #expect(error.omittedCount == 50)
        #expect(error.totalCount == 250)
        #expect(error.description.hasSuffix("\n… and 50 more problems"))
    }

    @Test func aMissingDefinitionIsNamed() throws {
        let scratch = try FixtureFolder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = try #require(throws: SuiteValidationError.self) { try SuiteLoader.load(folder) }
        #expect(error.description == "empty/suite.yaml: found no file, expected the suite's definition, suite.yaml")
    }

    @Test func aBrokenLabelSetStillLetsTheInputsBeChecked() throws {
        // wrong-type-yaml has labels written as a string; its lines are fine, so no line is blamed for the labels.
        let error = try #require(throws: SuiteValidationError.self) {
            try SuiteLoader.load(FixtureFolder.suites.appendingPathComponent("wrong-type-yaml"))
        }
        #expect(error.issues.allSatisfy { $0.file == "wrong-type-yaml/suite.yaml" })
    }

    @Test func issuesRenderUnderTheFolderTheUserTyped() {
        let issue = SuiteIssue(file: "x/test.jsonl", line: 12, field: "rationale[0].end", found: "40",
                               expected: "at most 31 (the token count of field 'review')")
        #expect(issue.description
            == "x/test.jsonl:12: rationale[0].end: found 40, expected at most 31 (the token count of field 'review')")
        #expect(issue.description(under: "Suites")
            == "Suites/x/test.jsonl:12: rationale[0].end: found 40, expected at most 31 (the token count of field 'review')")
        let whole = SuiteIssue(file: "x/test.jsonl", line: nil, field: nil, found: "no instances", expected: "some")
        #expect(whole.description(under: "/") == "/x/test.jsonl: found no instances, expected some")
    }
}
