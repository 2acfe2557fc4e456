/// Turns one parsed JSONL line into an ``Instance``, checking it against the suite's task and recording every
/// problem it has (not just the first).
///
/// Checks that need other lines (duplicate ids, empty splits) belong to the loader; everything that one line can
/// get wrong is here.
struct InstanceDecoder: Sendable {
    /// The task lines are checked against; a part `suite.yaml` got wrong is nil, and what depends on it is not
    /// checked.
    let task: PartialTask
    /// The file as messages name it (`<suite folder>/<split file>`).
    let file: String

    static let keys = ["id", "input", "label", "rationale", "explanation", "shortcut"]

    /// What one line of a split file turned out to be.
    enum LineResult: Sendable {
        /// An empty (or all-whitespace) line; already reported.
        case blank
        /// A valid instance.
        case instance(Instance)
        /// A line with problems (already reported), and its id when that much could be read.
        case broken(id: String?)
    }

    /// Checks and decodes the raw bytes of line `number`, which starts at byte `fileOffset` of the file: UTF-8,
    /// one JSON object, then everything ``decode(_:line:log:)`` checks.
    func decode(line bytes: UnsafeBufferPointer<UInt8>, number: Int, fileOffset: Int,
                log: inout IssueLog) -> LineResult {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        if index == bytes.count {
            log.add(file: file, line: number, field: nil, found: "an empty line",
                    expected: "one JSON object per line")
            return .blank
        }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            log.add(file: file, line: number, field: nil,
                    found: "a byte that is not UTF-8 (0x\(Self.hex(bytes[bad]))) at byte offset \(bad) of the line "
                        + "(offset \(fileOffset + bad) in the file)",
                    expected: "UTF-8 text")
            return .broken(id: nil)
        }
        let value: JSONLineValue
        do {
            value = try JSONLineParser.parse(bytes)
        } catch {
            log.add(file: file, line: number, field: nil,
                    found: "text that is not JSON (\(error.message), at byte offset \(error.offset))",
                    expected: "one JSON object per line")
            return .broken(id: nil)
        }
        if let instance = decode(value, line: number, log: &log) { return .instance(instance) }
        if case .object(let members) = value,
           case .string(let id)? = members.first(where: { $0.key == "id" })?.value, !id.isEmpty {
            return .broken(id: id)
        }
        return .broken(id: nil)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The instance on `line`, or nil when the line has problems (each added to `log`).
    func decode(_ value: JSONLineValue, line: Int, log: inout IssueLog) -> Instance? {
        // The log moves into the context and back, so appends never copy its storage.
        var context = Context(file: file, line: line, log: log)
        log = IssueLog()
        defer { log = context.log }
        let before = context.log.count
        guard let fields = context.object(value, at: nil, allowed: Self.keys, required: [
            "id": "a non-empty string", "input": "an object with the task's fields", "label": "one of the task's labels",
        ]) else { return nil }

        var id: String?
        if let value = fields["id"], let text = context.string(value, at: "id") {
            if text.isEmpty {
                context.issue("id", found: "an empty string", expected: "a non-empty string")
            } else {
                id = text
            }
        }
        var input: [String: FieldValue]?
        if let value = fields["input"] { input = decodeInput(value, context: &context) }
        var label: String?
        if let value = fields["label"], let text = context.string(value, at: "label") {
            if let labels = task.labels, !labels.contains(text) {
                context.issue("label", found: JSONLineValue.quoted(text),
                              expected: "one of " + labels.joined(separator: ", "))
            } else {
                label = text
            }
        }
        var rationale: [Rationale] = []
        if let value = fields["rationale"] { rationale = decodeRationale(value, input: input, context: &context) }
        var explanation: String?
        if let value = fields["explanation"] { explanation = context.string(value, at: "explanation") }
        var shortcut: Bool?
        if let value = fields["shortcut"] {
            if case .bool(let flag) = value {
                shortcut = flag
            } else {
                context.issue("shortcut", found: value.summary, expected: "true or false")
            }
        }
        guard context.log.count == before, let id, let input, let label else { return nil }
        return Instance(id: id, input: input, label: label, rationale: rationale, explanation: explanation,
                        shortcut: shortcut)
    }

    // MARK: - Input

    private func decodeInput(_ value: JSONLineValue, context: inout Context) -> [String: FieldValue]? {
        guard let inputs = task.inputs else {
            if case .object = value { return nil }
            context.issue("input", found: value.summary, expected: "an object with the task's fields")
            return nil
        }
        let names = inputs.map(\.name)
        var required: [String: String] = [:]
        for field in inputs { required[field.name] = Self.expectation(for: field) }
        guard let members = context.object(value, at: "input", allowed: names, required: required,
                                           unknownKeyFound: "an unknown field",
                                           unknownKeyExpected: "only the task's fields " + names.joined(separator: ", "))
        else { return nil }
        var input: [String: FieldValue] = [:]
        for field in inputs {
            guard let value = members[field.name] else { continue }
            input[field.name] = decodeField(field, value, context: &context)
        }
        // Partial on purpose: spans on the fields that did decode are still checked; the problems of the others
        // are already logged, so the instance is not built.
        return input
    }

    static func expectation(for field: InputField) -> String {
        switch field.type {
        case .text: "a string (a text field)"
        case .textList: "an array of strings (a text-list field)"
        case .choices: "an array of strings (a choices field)"
        case .table: "an object with the features " + field.features.map(\.name).joined(separator: ", ")
        }
    }

    private func decodeField(_ field: InputField, _ value: JSONLineValue, context: inout Context) -> FieldValue? {
        let path = "input.\(field.name)"
        switch field.type {
        case .text:
            return context.string(value, at: path, expected: Self.expectation(for: field)).map(FieldValue.text)
        case .textList:
            return context.stringArray(value, at: path, expected: Self.expectation(for: field))
                .map(FieldValue.textList)
        case .choices:
            guard let items = context.stringArray(value, at: path, expected: Self.expectation(for: field)) else {
                return nil
            }
            if task.kind == .multipleChoice, let labels = task.labels, items.count != labels.count {
                context.issue(path, found: "\(items.count) choice\(items.count == 1 ? "" : "s")",
                              expected: "\(labels.count) (one per label in task.labels)")
                return nil
            }
            return .choices(items)
        case .table:
            let names = field.features.map(\.name)
            var required: [String: String] = [:]
            for feature in field.features {
                required[feature.name] = feature.kind == .number ? "a number" : "a string (a category)"
            }
            guard let cells = context.object(value, at: path, allowed: names, required: required,
                                             unknownKeyFound: "an unknown feature",
                                             unknownKeyExpected: "one of " + names.joined(separator: ", "))
            else { return nil }
            var table: [String: TableValue] = [:]
            var complete = true
            for feature in field.features {
                guard let cell = cells[feature.name] else { complete = false; continue }
                switch (feature.kind, cell) {
                case (.number, .number(let number, _)): table[feature.name] = .number(number)
                case (.category, .string(let text)): table[feature.name] = .category(text)
                default:
                    context.issue("\(path).\(feature.name)", found: cell.summary,
                                  expected: feature.kind == .number ? "a number (a number feature)"
                                      : "a string (a category feature)")
                    complete = false
                }
            }
            return complete ? .table(table) : nil
        }
    }

    // MARK: - Rationale

    private func decodeRationale(_ value: JSONLineValue, input: [String: FieldValue]?,
                                 context: inout Context) -> [Rationale] {
        guard case .array(let pieces) = value else {
            context.issue("rationale", found: value.summary, expected: "an array of spans or feature citations")
            return []
        }
        var tokenCounts: [String: Int] = [:]
        var rationale: [Rationale] = []
        for (index, piece) in pieces.enumerated() {
            let path = "rationale[\(index)]"
            guard let keys = context.object(piece, at: path, allowed: ["field", "start", "end", "features"],
                                            required: ["field": "the name of an input field"]) else { continue }
            let isSpan = keys["start"] != nil || keys["end"] != nil
            let isCitation = keys["features"] != nil
            if isSpan && isCitation {
                context.issue(path, found: "both start/end and features",
                              expected: "a span {field, start, end} or a citation {field, features}, not both")
                continue
            }
            if !isSpan && !isCitation {
                context.issue(path, found: "neither start/end nor features",
                              expected: "a span {field, start, end} or a citation {field, features}")
                continue
            }
            // Types first: they do not depend on the task.
            let fieldName = keys["field"].flatMap { context.string($0, at: path + ".field") }
            var start: Int?
            var end: Int?
            var citedNames: [String]?
            if isSpan {
                start = keys["start"].flatMap { context.integer($0, at: path + ".start") }
                end = keys["end"].flatMap { context.integer($0, at: path + ".end") }
                if keys["start"] == nil {
                    context.issue(path + ".start", found: "nothing", expected: "the index of the span's first token")
                }
                if keys["end"] == nil {
                    context.issue(path + ".end", found: "nothing", expected: "the index after the span's last token")
                }
                if let start, start < 0 {
                    context.issue(path + ".start", found: "\(start)", expected: "at least 0")
                }
                if let start, let end, end <= start {
                    context.issue(path + ".end", found: "\(end)", expected: "more than start (\(start))")
                }
            } else {
                citedNames = context.stringArray(keys["features"]!, at: path + ".features",
                                                 expected: "an array of feature names")
                if citedNames?.isEmpty == true {
                    context.issue(path + ".features", found: "an empty array", expected: "at least one feature")
                }
            }
            guard let name = fieldName, let inputs = task.inputs else { continue }
            guard let field = inputs.first(where: { $0.name == name }) else {
                context.issue(path + ".field", found: JSONLineValue.quoted(name),
                              expected: "one of the task's fields " + inputs.map(\.name).joined(separator: ", "))
                continue
            }
            if isCitation {
                guard field.type == .table else {
                    context.issue(path + ".field", found: "\(JSONLineValue.quoted(name)), a \(field.type.rawValue) field",
                                  expected: "a table field (features are cited only from a table)")
                    continue
                }
                guard let names = citedNames, !names.isEmpty else { continue }
                let known = field.features.map(\.name)
                var valid = true
                for (position, feature) in names.enumerated() where !known.contains(feature) {
                    context.issue("\(path).features[\(position)]", found: JSONLineValue.quoted(feature),
                                  expected: "one of the features of '\(name)': " + known.joined(separator: ", "))
                    valid = false
                }
                if valid { rationale.append(.features(field: name, names: names)) }
            } else {
                guard field.type == .text || field.type == .textList else {
                    context.issue(path + ".field", found: "\(JSONLineValue.quoted(name)), a \(field.type.rawValue) field",
                                  expected: "a text or text-list field (spans index tokens of text)")
                    continue
                }
                guard let start, let end, start >= 0, end > start else { continue }
                // The field's tokens are only known when the field itself decoded.
                guard let value = input?[name] else { continue }
                let count = tokenCounts[name] ?? Self.tokenCount(of: value)
                tokenCounts[name] = count
                if end > count {
                    context.issue(path + ".end", found: "\(end)",
                                  expected: "at most \(count) (the token count of field '\(name)')")
                    continue
                }
                rationale.append(.span(field: name, start: start, end: end))
            }
        }
        return rationale
    }

    /// The number of tokens of a text or text-list field, as ``Tokenizer`` splits it.
    static func tokenCount(of value: FieldValue) -> Int {
        switch value {
        case .text(let text): Tokenizer.count(of: text)
        case .textList(let sentences): sentences.reduce(0) { $0 + Tokenizer.count(of: $1) }
        case .choices, .table: 0
        }
    }
}

extension InstanceDecoder {
    /// The line being decoded and the issues found so far; typed reads report their own problems.
    struct Context: Sendable {
        let file: String
        let line: Int
        var log: IssueLog

        mutating func issue(_ field: String?, found: String, expected: String) {
            log.add(file: file, line: line, field: field, found: found, expected: expected)
        }

        /// An object's members by key, after reporting repeated, unknown and missing keys.
        mutating func object(_ value: JSONLineValue, at path: String?, allowed: [String],
                             required: [String: String], unknownKeyFound: String = "an unknown key",
                             unknownKeyExpected: String? = nil) -> [String: JSONLineValue]? {
            guard case .object(let members) = value else {
                issue(path, found: value.summary, expected: path == nil ? "a JSON object" : "an object")
                return nil
            }
            var fields: [String: JSONLineValue] = [:]
            for member in members {
                let keyPath = path.map { "\($0).\(member.key)" } ?? member.key
                if !allowed.contains(member.key) {
                    issue(keyPath, found: unknownKeyFound,
                          expected: unknownKeyExpected ?? "only " + allowed.joined(separator: ", "))
                } else if fields[member.key] != nil {
                    issue(keyPath, found: "the key a second time", expected: "each key once")
                } else {
                    fields[member.key] = member.value
                }
            }
            for key in allowed where fields[key] == nil {
                if let expectation = required[key] {
                    issue(path.map { "\($0).\(key)" } ?? key, found: "nothing", expected: expectation)
                }
            }
            return fields
        }

        mutating func string(_ value: JSONLineValue, at path: String, expected: String = "a string") -> String? {
            if case .string(let text) = value { return text }
            issue(path, found: value.summary, expected: expected)
            return nil
        }

        mutating func stringArray(_ value: JSONLineValue, at path: String, expected: String) -> [String]? {
            guard case .array(let elements) = value else {
                issue(path, found: value.summary, expected: expected)
                return nil
            }
            var strings: [String] = []
            var complete = true
            for (index, element) in elements.enumerated() {
                if case .string(let text) = element {
                    strings.append(text)
                } else {
                    issue("\(path)[\(index)]", found: element.summary, expected: "a string")
                    complete = false
                }
            }
            return complete ? strings : nil
        }

        mutating func integer(_ value: JSONLineValue, at path: String) -> Int? {
            if case .number(_, let integer?) = value { return integer }
            issue(path, found: value.summary, expected: "an integer")
            return nil
        }
    }
}
