import CandorProtocol

/// A request's input checked against the task and reduced to what the reference model reads.
///
/// Text and text-list fields become their tokens (the wire tokens when given, since probes send modified inputs
/// whose tokens are authoritative; otherwise the text through ``Tokenizer``), with segments that bigrams never
/// cross: the sentences of a text list, the items of a choices field. Tables keep their cells by feature name.
struct ReferenceInput: Sendable, Hashable {
    /// One field of the input, in the task's field order.
    enum Field: Sendable, Hashable {
        case tokens([String], segments: [Range<Int>])
        case table([String: TableValue])

        var tokens: [String] {
            if case .tokens(let tokens, _) = self { return tokens }
            return []
        }
    }

    var fields: [Field]

    /// A canonical rendering of the input: the same for every request that carries the same content, so it
    /// seeds the shuffled explainer and finds the suite instance the input came from.
    var key: String {
        var parts: [String] = []
        for field in fields {
            switch field {
            case .tokens(let tokens, let segments):
                parts.append(segments.map { tokens[$0].joined(separator: "\u{2}") }.joined(separator: "\u{3}"))
            case .table(let cells):
                parts.append(cells.keys.sorted().map { name in
                    switch cells[name]! {
                    case .number(let value): "\(name)=\(value)"
                    case .category(let value): "\(name)=\"\(value)\""
                    }
                }.joined(separator: "\u{2}"))
            }
        }
        return parts.joined(separator: "\u{1}")
    }

    /// Checks `input` against `task`.
    ///
    /// A text field that is absent counts as empty (an erasure probe may remove everything); a table cell that is
    /// absent or null counts as missing (the model reads the training mean). Unknown fields, unknown table
    /// features, cells of the wrong kind and a choices field without items are refused.
    static func parse(_ input: [String: WireField], task: TaskSpec) throws -> ReferenceInput {
        let known = Set(task.inputs.map(\.name))
        if let unknown = input.keys.sorted().first(where: { !known.contains($0) }) {
            let fields = task.inputs.map(\.name).joined(separator: ", ")
            throw ReferenceModelError("unknown input field '\(unknown)'; the task's fields are \(fields)")
        }
        var fields: [Field] = []
        for spec in task.inputs {
            let wire = input[spec.name]
            switch spec.type {
            case .text, .textList:
                let tokens = wire?.tokens ?? Tokenizer.tokenize(wire?.text ?? "")
                fields.append(.tokens(tokens, segments: segments(count: tokens.count, sentences: wire?.sentences)))
            case .choices:
                guard let items = wire?.items else {
                    throw ReferenceModelError("input field '\(spec.name)': expected the choices as 'items', found none")
                }
                var tokens: [String] = []
                var ranges: [Range<Int>] = []
                for item in items {
                    let start = tokens.count
                    tokens += Tokenizer.tokenize(item)
                    ranges.append(start..<tokens.count)
                }
                if task.kind == .multipleChoice, items.count != task.labels.count {
                    throw ReferenceModelError(
                        "input field '\(spec.name)': expected \(task.labels.count) choices, found \(items.count)")
                }
                fields.append(.tokens(tokens, segments: ranges))
            case .table:
                fields.append(.table(try cells(of: wire?.table ?? [:], field: spec)))
            }
        }
        return ReferenceInput(fields: fields)
    }

    /// Segments from a text list's sentence ranges, made safe: starts outside the tokens are dropped, so stale
    /// ranges from a shortened input can never index past its end.
    static func segments(count: Int, sentences: [[Int]]?) -> [Range<Int>] {
        let starts = Set((sentences ?? []).compactMap(\.first).filter { $0 > 0 && $0 < count }).sorted()
        var result: [Range<Int>] = []
        var start = 0
        for boundary in starts {
            result.append(start..<boundary)
            start = boundary
        }
        result.append(start..<count)
        return result
    }

    static func cells(of table: [String: JSONValue], field spec: InputField) throws -> [String: TableValue] {
        var cells: [String: TableValue] = [:]
        for (name, value) in table.sorted(by: { $0.key < $1.key }) {
            guard let feature = spec.features.first(where: { $0.name == name }) else {
                let known = spec.features.map(\.name).joined(separator: ", ")
                throw ReferenceModelError(
                    "input field '\(spec.name)': unknown feature '\(name)'; expected one of \(known)")
            }
            switch (feature.kind, value) {
            case (_, .null): continue
            case (.number, .number(let number)): cells[name] = .number(number)
            case (.category, .string(let level)): cells[name] = .category(level)
            default:
                let expected = feature.kind == .number ? "number" : "string"
                throw ReferenceModelError(
                    "input field '\(spec.name)', feature '\(name)': expected a \(expected), found \(value)")
            }
        }
        return cells
    }

    /// The input of a suite instance, read the way a request carrying it would be.
    init(instance: Instance, task: TaskSpec) throws {
        self = try ReferenceInput.parse(instance.wireInput, task: task)
    }

    init(fields: [Field]) {
        self.fields = fields
    }
}
