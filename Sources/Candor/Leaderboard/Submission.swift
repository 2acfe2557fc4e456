import Foundation
import Yams

/// A model submitted to the leaderboard: `Submissions/<name>.yaml`, which `candor refresh` runs.
///
/// ```yaml
/// format: 1                      # optional; a newer format is refused
/// command: python3 Examples/python/keyword_model.py   # a string (split as ShellWords does) or a list of words
/// working-directory: .           # optional; relative to the folder candor runs in
/// description: Predicts from a keyword list and explains with the keywords it found.
/// contact: someone@example.org
/// environment: {PYTHONHASHSEED: "0"}   # optional, strings
/// options:                       # optional
///   workers: 2                   # copies of the process, at least 1
///   max-in-flight: 32            # outstanding requests per process, at least 1
///   timeout: 60                  # seconds a request may go unanswered, more than 0
///   restarts: 3                  # restarts per worker, 0 or more
/// ```
/// The name is the file's name without `.yaml`: lower-case letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit, at most 64 characters, and not `reference` or `reference-…` (the reference model's rows).
/// It is the model's name in the store and on the leaderboard, whatever the model calls itself.
public struct Submission: Sendable, Hashable {
    public static let supportedFormat = 1

    public var name: String
    public var command: [String]
    public var workingDirectory: String?
    public var description: String
    public var contact: String
    public var environment: [String: String]
    public var workers: Int
    public var maxInFlight: Int
    /// Seconds.
    public var timeout: Double
    public var restarts: Int
    /// SHA-256 of the file's bytes, recorded in the results so that an edited file makes them stale.
    public var fileHash: String

    static let topKeys = ["format", "command", "working-directory", "description", "contact", "environment",
                          "options"]
    static let optionKeys = ["workers", "max-in-flight", "timeout", "restarts"]

    /// The process model configuration that runs it, with paths relative to `root` (the folder candor runs in).
    public func configuration(root: URL, logDirectory: URL? = nil) -> ProcessModel.Configuration {
        let directory = workingDirectory.map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        return ProcessModel.Configuration(
            command: command, name: name, workingDirectory: directory ?? root, environment: environment,
            workers: workers, maxInFlight: maxInFlight, timeout: .milliseconds(Int64((timeout * 1000).rounded())),
            restarts: restarts, logDirectory: logDirectory)
    }

    /// Reads and checks one submission file, reporting every problem at once.
    /// - Parameter file: How messages name the file (the path as the user gave the folder).
    /// - Throws: ``SubmissionError`` listing each problem as `file:line: field: found …, expected …`.
    public static func load(from url: URL, file: String? = nil) throws(SubmissionError) -> Submission {
        let file = file ?? url.path
        var issues: [SuiteIssue] = []
        func issue(_ line: Int?, _ field: String?, _ found: String, _ expected: String) {
            issues.append(SuiteIssue(file: file, line: line, field: field, found: found, expected: expected))
        }
        let name = url.deletingPathExtension().lastPathComponent
        if let problem = nameProblem(name) { issue(nil, nil, "the name \(name.debugDescription) (\(problem))",
                                                    "a file named <name>.yaml with " + nameRule) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            issue(nil, nil, "a file that cannot be read", "a submission file")
            throw SubmissionError(issues: issues)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            issue(nil, nil, "bytes that are not UTF-8", "UTF-8 text")
            throw SubmissionError(issues: issues)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                issue(mark.line, nil, "YAML that cannot be read (\(problem))", "valid YAML")
            case .duplicatedKeysInMapping(let duplicates, let context):
                issue(context.mark.line, duplicates.joined(separator: ", "), "a key given more than once",
                      "each key once")
            default:
                issue(nil, nil, "YAML that cannot be read", "valid YAML")
            }
            throw SubmissionError(issues: issues)
        } catch {
            issue(nil, nil, "YAML that cannot be read", "valid YAML")
            throw SubmissionError(issues: issues)
        }
        var reader = NodeReader(file: file)
        let submission = reader.submission(root, name: name, hash: RequestHash.sha256(data))
        issues += reader.issues
        guard issues.isEmpty, let submission else { throw SubmissionError(issues: issues) }
        return submission
    }

    /// Every `*.yaml` file of `folder`, by name; an absent folder holds none.
    /// - Throws: ``SubmissionError`` with the problems of every broken file, so one pass shows them all.
    public static func loadAll(in folder: URL, displayedAs shown: String? = nil) throws(SubmissionError)
        -> [Submission]
    {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var submissions: [Submission] = []
        var issues: [SuiteIssue] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let displayed = shown.map { $0.hasSuffix("/") ? $0 + name : $0 + "/" + name }
            do {
                submissions.append(try load(from: folder.appendingPathComponent(name), file: displayed))
            } catch {
                issues += error.issues
            }
        }
        if !issues.isEmpty { throw SubmissionError(issues: issues) }
        return submissions
    }

    static let nameRule = "lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, at most "
        + "64 characters, not reference or reference-…"

    /// What is wrong with `name` as a submission name, or nil.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "empty" }
        if name.count > 64 { return "\(name.count) characters" }
        if name == "reference" || name.hasPrefix("reference-") { return "the reference model's name" }
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first)
        else { return "it must start with a letter or digit" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        }
        return allowed ? nil : "it holds a character other than a-z, 0-9, '-', '_' and '.'"
    }

    /// Reads the composed YAML tree, keeping each problem with the line of the node it is about.
    struct NodeReader {
        let file: String
        var issues: [SuiteIssue] = []

        mutating func issue(_ node: Node?, _ field: String?, found: String, expected: String) {
            issues.append(SuiteIssue(file: file, line: node?.mark?.line, field: field, found: found,
                                     expected: expected))
        }

        mutating func submission(_ root: Node?, name: String, hash: String) -> Submission? {
            guard let root, let mapping = root.mapping else {
                issue(root, nil, found: root.map(Self.summary) ?? "an empty file",
                      expected: "a mapping with command, description and contact")
                return nil
            }
            let fields = keys(of: mapping, at: nil, allowed: Submission.topKeys)
            if let node = fields["format"] {
                if let format = integer(node, at: "format") {
                    if format > Submission.supportedFormat {
                        issue(node, "format", found: "\(format)",
                              expected: "at most \(Submission.supportedFormat) (format \(format) is newer than this "
                                  + "Candor supports)")
                        return nil
                    }
                    if format < 1 { issue(node, "format", found: "\(format)", expected: "1") }
                }
            }
            var command: [String]?
            if let node = fields["command"] {
                command = self.command(node)
            } else {
                issue(root, "command", found: "nothing", expected: "the command that starts the model")
            }
            let description = required(fields, "description", in: root, expected: "a line saying what the model is")
            let contact = required(fields, "contact", in: root, expected: "who to ask about it (an e-mail, a handle)")
            let directory = fields["working-directory"].flatMap { nonEmptyString($0, at: "working-directory") }
            var environment: [String: String] = [:]
            if let node = fields["environment"] {
                if let entries = node.mapping {
                    for (key, value) in entries {
                        let variable = key.scalar?.string ?? ""
                        if variable.isEmpty || variable.contains("=") {
                            issue(key, "environment", found: Self.summary(key), expected: "a variable name")
                        } else if let text = string(value, at: "environment.\(variable)") {
                            environment[variable] = text
                        }
                    }
                } else {
                    issue(node, "environment", found: Self.summary(node), expected: "a mapping of names to strings")
                }
            }
            var workers = 1
            var maxInFlight = 32
            var timeout = 60.0
            var restarts = 3
            if let node = fields["options"] {
                if let options = node.mapping {
                    let values = keys(of: options, at: "options", allowed: Submission.optionKeys)
                    if let node = values["workers"], let value = integer(node, at: "options.workers") {
                        if value >= 1 { workers = value } else {
                            issue(node, "options.workers", found: "\(value)", expected: "at least 1")
                        }
                    }
                    if let node = values["max-in-flight"], let value = integer(node, at: "options.max-in-flight") {
                        if value >= 1 { maxInFlight = value } else {
                            issue(node, "options.max-in-flight", found: "\(value)", expected: "at least 1")
                        }
                    }
                    if let node = values["restarts"], let value = integer(node, at: "options.restarts") {
                        if value >= 0 { restarts = value } else {
                            issue(node, "options.restarts", found: "\(value)", expected: "0 or more")
                        }
                    }
                    if let node = values["timeout"] {
                        if let value = number(node), value > 0, value.isFinite {
                            timeout = value
                        } else {
                            issue(node, "options.timeout", found: Self.summary(node), expected: "seconds, more than 0")
                        }
                    }
                } else {
                    issue(node, "options", found: Self.summary(node),
                          expected: "a mapping with " + Submission.optionKeys.joined(separator: ", "))
                }
            }
            guard let command, let description, let contact else { return nil }
            return Submission(name: name, command: command, workingDirectory: directory, description: description,
                              contact: contact, environment: environment, workers: workers,
                              maxInFlight: maxInFlight, timeout: timeout, restarts: restarts, fileHash: hash)
        }

        mutating func command(_ node: Node) -> [String]? {
            var words: [String]?
            if let items = node.sequence {
                var list: [String] = []
                for (index, item) in items.enumerated() {
                    guard let word = string(item, at: "command[\(index)]") else { return nil }
                    list.append(word)
                }
                words = list
            } else if let text = string(node, at: "command") {
                do {
                    words = try ShellWords.split(text)
                } catch {
                    issue(node, "command", found: "\(text.debugDescription): \(error)",
                          expected: "a command split like a shell does")
                    return nil
                }
            } else {
                return nil
            }
            guard let words, let program = words.first, !program.isEmpty else {
                issue(node, "command", found: "an empty command", expected: "a program and its arguments")
                return nil
            }
            return words
        }

        mutating func keys(of mapping: Node.Mapping, at path: String?, allowed: [String]) -> [String: Node] {
            var fields: [String: Node] = [:]
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                if allowed.contains(name) {
                    fields[name] = value
                } else {
                    issue(key, path.map { "\($0).\(name)" } ?? name, found: "an unknown key",
                          expected: "one of " + allowed.joined(separator: ", "))
                }
            }
            return fields
        }

        mutating func required(_ fields: [String: Node], _ key: String, in root: Node, expected: String) -> String? {
            guard let node = fields[key] else {
                issue(root, key, found: "nothing", expected: expected)
                return nil
            }
            return nonEmptyString(node, at: key)
        }

        mutating func string(_ node: Node, at path: String) -> String? {
            guard let scalar = node.scalar, node.tag.rawValue != Tag.Name.null.rawValue else {
                issue(node, path, found: Self.summary(node), expected: "a string")
                return nil
            }
            return scalar.string
        }

        mutating func nonEmptyString(_ node: Node, at path: String) -> String? {
            guard let text = string(node, at: path) else { return nil }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issue(node, path, found: "an empty string", expected: "a non-empty string")
                return nil
            }
            return text
        }

        mutating func integer(_ node: Node, at path: String) -> Int? {
            guard node.tag.rawValue == Tag.Name.int.rawValue, let value = node.int else {
                issue(node, path, found: Self.summary(node), expected: "a whole number")
                return nil
            }
            return value
        }

        func number(_ node: Node) -> Double? {
            guard node.tag.rawValue == Tag.Name.int.rawValue || node.tag.rawValue == Tag.Name.float.rawValue
            else { return nil }
            return node.float ?? node.int.map(Double.init)
        }

        static func summary(_ node: Node) -> String {
            switch node {
            case .scalar(let scalar):
                node.tag.rawValue == Tag.Name.null.rawValue ? "nothing" : scalar.string.debugDescription
            case .mapping: "a mapping"
            case .sequence: "a list"
            case .alias: "an alias"
            }
        }
    }
}
