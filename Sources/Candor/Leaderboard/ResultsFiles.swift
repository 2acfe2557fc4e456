import Foundation

/// Reading and writing the results folder: `Results/<model>.json` per model and `Results/sanity.json`.
/// Files are canonical JSON (sorted keys, pretty-printed, trailing newline) so they diff cleanly.
public enum ResultsFiles {
    public static let sanityFileName = "sanity.json"

    /// Writes `value` as canonical, pretty-printed JSON.
    public static func write(_ value: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// A file name for a model name: lower-case letters, digits, `-`, `_` and `.` kept, everything else `-`,
    /// no leading dot, at most 80 characters, plus a short hash of the exact name whenever it had to change, so
    /// two names never share a file and no name can leave the folder.
    public static func fileName(forModel name: String) -> String {
        var safe = safeCharacters(name)
        while safe.hasPrefix(".") || safe.hasPrefix("-") { safe.removeFirst() }
        safe = String(safe.prefix(80))
        if safe.isEmpty || safe != name || safe == ResultsFiles.sanityFileName.replacingOccurrences(of: ".json", with: "") {
            let hash = String(StableHash.of(name), radix: 16)
            safe = (safe.isEmpty ? "model" : safe) + "-" + String(hash.prefix(8))
        }
        return safe + ".json"
    }

    /// `name` lower-cased, every character other than a–z, 0–9, `-`, `_` and `.` replaced by `-`.
    public static func safeCharacters(_ name: String) -> String {
        var safe = ""
        for scalar in name.lowercased().unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
                || "-_.".unicodeScalars.contains(scalar)
            safe.unicodeScalars.append(keep ? scalar : "-")
        }
        return safe
    }

    /// Every model's results in `folder`, sorted by model name.
    /// - Throws: ``ResultsError`` naming the file and what is wrong with it.
    public static func readAll(in folder: URL) throws -> (models: [ModelResults], sanity: SanityMatrix?) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var models: [ModelResults] = []
        var sanity: SanityMatrix?
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = folder.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            do {
                if name == sanityFileName {
                    sanity = try JSONDecoder().decode(SanityMatrix.self, from: data)
                } else {
                    let results = try JSONDecoder().decode(ModelResults.self, from: data)
                    guard results.format <= ModelResults.formatVersion else {
                        throw ResultsError(file: url.path, reason: "results format \(results.format) is newer "
                            + "than this Candor reads (\(ModelResults.formatVersion))")
                    }
                    models.append(results)
                }
            } catch let error as ResultsError {
                throw error
            } catch {
                throw ResultsError(file: url.path, reason: "not a Candor results file: \(error)")
            }
        }
        return (models.sorted { $0.model.name < $1.model.name }, sanity)
    }
}

/// A results file that cannot be read.
public struct ResultsError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}
