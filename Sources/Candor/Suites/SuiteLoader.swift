import Crypto
import Foundation
import Yams

/// Loads suites from their folders, validating everything in one pass.
///
/// A suite with any problem is not loaded at all: ``load(_:)`` throws one ``SuiteValidationError`` listing every
/// problem (file, line, field, what was found, what was expected). The split files are streamed, so memory stays
/// flat in the number of instances apart from one entry per id (for duplicate detection).
public enum SuiteLoader {
    /// Loads and validates the suite in `directory`.
    ///
    /// - Returns: the suite, with each split's instance count and the content hash (SHA-256 over `suite.yaml`
    ///   then each split file in the order of `splits`).
    /// - Throws: ``SuiteValidationError`` with every problem found.
    public static func load(_ directory: URL) throws -> Suite {
        let folder = directory.standardizedFileURL
        let name = folder.lastPathComponent
        var log = IssueLog()
        let yamlFile = "\(name)/suite.yaml"
        let yamlData: Data
        do {
            yamlData = try Data(contentsOf: folder.appendingPathComponent("suite.yaml"))
        } catch {
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent("suite.yaml").path)
            log.add(file: yamlFile, line: nil, field: nil,
                    found: exists ? "a file that cannot be read" : "no file",
                    expected: "the suite's definition, suite.yaml")
            throw log.error
        }
        guard let yamlText = yamlString(yamlData, file: yamlFile, log: &log) else { throw log.error }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yamlText)
        } catch {
            log.add(yamlIssue(error, file: yamlFile, data: yamlData))
            throw log.error
        }
        var manifestDecoder = SuiteManifestDecoder(file: yamlFile, folderName: name)
        let manifest = manifestDecoder.decode(root)
        log = manifestDecoder.log
        if manifest.isNewerFormat { throw log.error }

        var hasher = SHA256()
        hasher.update(data: yamlData)
        var firstSeen: [String: IDOrigin] = [:]
        var splits: [Suite.Split] = []
        for (index, entry) in manifest.splits.enumerated() {
            let split = entry.split
            let file = "\(name)/\(split.file)"
            let url = folder.appendingPathComponent(split.file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                log.add(file: yamlFile, line: entry.line, field: "splits.\(split.name)",
                        found: "\(JSONLineValue.quoted(split.file)), which does not exist",
                        expected: "a JSONL file in the suite's folder")
                continue
            }
            let decoder = InstanceDecoder(task: manifest.task, file: file)
            var instances = 0
            var lines = 0
            do {
                try LineReader(url: url).forEachLine(observingChunks: { hasher.update(data: $0) }) { number, bytes, offset in
                    lines += 1
                    let id: String?
                    switch decoder.decode(line: bytes, number: number, fileOffset: offset, log: &log) {
                    case .blank: return
                    case .instance(let instance):
                        instances += 1
                        id = instance.id
                    case .broken(let brokenID): id = brokenID
                    }
                    guard let id else { return }
                    let origin = IDOrigin(split: Int32(truncatingIfNeeded: index), line: Int32(truncatingIfNeeded: number))
                    if let first = firstSeen[id] {
                        let firstFile = "\(name)/\(manifest.splits[Int(first.split)].split.file)"
                        log.add(file: file, line: number, field: "id", found: "\(JSONLineValue.quoted(id)) again",
                                expected: "an id used once in the suite (first at \(firstFile):\(first.line))")
                    } else {
                        firstSeen[id] = origin
                    }
                }
            } catch {
                log.add(file: file, line: nil, field: nil, found: "a file that cannot be read",
                        expected: "a readable JSONL file")
                continue
            }
            if lines == 0 {
                log.add(file: file, line: nil, field: nil, found: "no instances",
                        expected: "at least one instance in every split")
            }
            splits.append(Suite.Split(name: split.name, file: split.file, instanceCount: instances))
        }
        guard log.isEmpty, let task = manifest.task.complete else { throw log.error }
        return Suite(
            format: manifest.format, id: manifest.id ?? name, version: manifest.version ?? "",
            title: manifest.title ?? "", task: task, explanations: manifest.explanations, probes: manifest.probes,
            scorers: manifest.scorers, splits: splits, provenance: manifest.provenance ?? "",
            licence: manifest.licence, directory: folder,
            contentHash: RequestHash.hex(hasher.finalize()))
    }

    /// Every suite in the subfolders of `folder` that hold a `suite.yaml`, sorted by id.
    ///
    /// - Throws: one ``SuiteValidationError`` with the problems of every broken suite, or the file system's error
    ///   when `folder` cannot be listed.
    public static func loadAll(in folder: URL) throws -> [Suite] {
        var suites: [Suite] = []
        var log = IssueLog()
        for directory in try suiteFolders(in: folder, requiringDefinition: true) {
            do {
                suites.append(try load(directory))
            } catch let error as SuiteValidationError {
                log.add(contentsOf: error)
            }
        }
        guard log.isEmpty else { throw log.error }
        return suites.sorted { $0.id < $1.id }
    }

    /// The subfolders of `folder` (hidden ones excluded), sorted by name; with `requiringDefinition`, only those
    /// holding a `suite.yaml`.
    public static func suiteFolders(in folder: URL, requiringDefinition: Bool) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return names.compactMap { name -> URL? in
            guard !name.hasPrefix(".") else { return nil }
            let directory = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            if requiringDefinition,
               !FileManager.default.fileExists(atPath: directory.appendingPathComponent("suite.yaml").path) {
                return nil
            }
            return directory
        }
    }

    /// Where an id was first seen: the split's position in `splits` and the line (kept small: one per instance).
    private struct IDOrigin {
        var split: Int32
        var line: Int32
    }

    /// `suite.yaml` as text, or nil after reporting the line and byte where it stops being UTF-8.
    private static func yamlString(_ data: Data, file: String, log: inout IssueLog) -> String? {
        let bad = data.withUnsafeBytes { UTF8Validation.firstInvalidByte(in: $0.bindMemory(to: UInt8.self)) }
        guard let bad else { return String(decoding: data, as: UTF8.self) }
        let before = data.prefix(bad)
        let line = 1 + before.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex) - data.startIndex
        let byte = data[data.startIndex + bad]
        log.add(file: file, line: line, field: nil,
                found: "a byte that is not UTF-8 (0x\(String(byte, radix: 16, uppercase: true))) at byte offset "
                    + "\(bad - lineStart) of the line (offset \(bad) in the file)",
                expected: "UTF-8 text")
        return nil
    }

    /// A YAML syntax error as an issue at its line, without Yams' echo of the whole document.
    private static func yamlIssue(_ error: any Error, file: String, data: Data) -> SuiteIssue {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _)?, .parser(_, let problem, let mark, _)?,
             .composer(_, let problem, let mark, _)?:
            return SuiteIssue(file: file, line: mark.line, field: nil, found: "YAML that cannot be read (\(problem))",
                              expected: "valid YAML")
        case .duplicatedKeysInMapping(let duplicates, let context)?:
            return SuiteIssue(file: file, line: context.mark.line, field: duplicates.joined(separator: ", "),
                              found: "a key given more than once in one mapping", expected: "each key once")
        case .reader(let problem, let offset, _, _)?:
            let line = offset.map { offset in 1 + data.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            return SuiteIssue(file: file, line: line, field: nil, found: "text YAML cannot read (\(problem))",
                              expected: "valid YAML")
        default:
            return SuiteIssue(file: file, line: nil, field: nil, found: "YAML that cannot be read",
                              expected: "valid YAML")
        }
    }
}
