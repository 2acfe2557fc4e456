import Foundation

/// Runs the built `candor` binary and captures its output, for end-to-end tests.
enum CLI {
    /// The folder SwiftPM built the products into (the test bundle sits beside the binary).
    static var productsFolder: URL {
        var url = Bundle.main.bundleURL
        if url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
        for candidate in [url, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("candor").path) {
                return candidate
            }
        }
        return url
    }

    /// The project's root (the folder holding Package.swift).
    static var projectRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `candor arguments…` in `directory` (the project root by default) and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) async throws -> Result {
        let process = Process()
        process.executableURL = productsFolder.appendingPathComponent("candor")
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? projectRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        // Waits without holding a thread: a test blocked in waitUntilExit would take one of the few threads every
        // other concurrently running test needs (on a 2-core machine, starving time-limited tests).
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { ended in continuation.resume(returning: ended.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(status: status,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    private final class Marker {}
}
