#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CandorProtocol
import Foundation

/// The reference model as a JSON-lines protocol process: what `candor serve reference` runs.
///
/// It speaks the model's side of the protocol (PROTOCOL.md): a `hello` is answered with the reference model's
/// descriptor, every other line is decoded as a request and answered with exactly what the in-process
/// ``ReferenceModel`` answers, one line per request, in request order. A line that is not a valid request is
/// answered with `{"id": …, "error": …}` when its `id` can be read, and otherwise reported on stderr, since an
/// answer without an id could not be matched to anything. Input is split on `\n` bytes only, so U+2028,
/// U+2029 and `\r` inside a request never cut it apart. The server returns at end of input.
///
/// Answers to all the complete lines of one read are written together: a client that pipelines many requests
/// then gets them back in few writes, while a client that sends one request at a time still gets each answer
/// at once.
public struct ReferenceServer: Sendable {
    /// The model whose answers are served.
    public let model: ReferenceModel
    private let decoder = JSONDecoder()
    private let requests = ResponseDecoder()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(model: ReferenceModel) {
        self.model = model
    }

    /// The hello the server answers with: the model's name, version and capabilities.
    public var hello: Hello {
        let descriptor = model.descriptor
        return Hello(name: descriptor.name, version: descriptor.version, capabilities: descriptor.capabilities)
    }

    /// The bytes to write in answer to one input line (without its `\n`): one JSON line ending in `\n`, or
    /// nothing for a blank line or a malformed line without a readable id.
    /// - Parameter complaint: called with a message for stderr when a line cannot be answered at all.
    public func answer(line: some Collection<UInt8>, complaint: (String) -> Void = { _ in }) -> [UInt8] {
        let bytes = Data(line)
        guard bytes.contains(where: { !Self.isSpace($0) }) else { return [] }
        if let hello = try? decoder.decode(Hello.self, from: bytes), hello.op == .hello {
            return encode(self.hello) ?? []
        }
        let request: Request
        do {
            request = try requests.request(from: bytes)
        } catch {
            let reason = "not a valid request: \(error)"
            guard let id = error.id ?? ResponseDecoder.leadingID(in: bytes) else {
                complaint("\(reason) (line: \(ProtocolIncident.excerpt(of: bytes)))")
                return []
            }
            return encode(Response(id: id, error: reason)) ?? []
        }
        let response = model.respond(to: request).response ?? Response(id: request.id, error: "no answer")
        if let encoded = encode(response) { return encoded }
        // A weight that is not finite cannot be written as JSON; say so rather than send nothing.
        return encode(Response(id: request.id, error: "the answer holds a number JSON cannot represent")) ?? []
    }

    private func encode(_ value: some Encodable) -> [UInt8]? {
        guard var data = try? encoder.encode(value) else { return nil }
        data.append(0x0A)
        return [UInt8](data)
    }

    /// Serves requests read from `input` until its end, writing answers to `output`.
    /// - Throws: ``ReferenceServerError`` when reading or writing fails; a closed output (the client went away)
    ///   ends the session quietly.
    public func serve(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                      complaint: (String) -> Void = { _ in }) throws(ReferenceServerError) {
        // A client that stops reading should end the session through a failed write, not kill it by a signal.
        _ = signal(SIGPIPE, SIG_IGN)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var partial: [UInt8] = []
        var answers: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(errno: errno)
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where buffer[index] == 0x0A {
                if partial.isEmpty {
                    answers += answer(line: buffer[start..<index], complaint: complaint)
                } else {
                    partial += buffer[start..<index]
                    answers += answer(line: partial, complaint: complaint)
                    partial.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            partial += buffer[start..<count]
            guard try send(&answers, to: output) else { return }
        }
        if !partial.isEmpty {
            answers += answer(line: partial, complaint: complaint)
            _ = try send(&answers, to: output)
        }
    }

    /// Writes all of `bytes` and empties it; false when the reader has gone (broken pipe).
    private func send(_ bytes: inout [UInt8], to output: Int32) throws(ReferenceServerError) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(output, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { return false }
                throw .writeFailed(errno: errno)
            }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
