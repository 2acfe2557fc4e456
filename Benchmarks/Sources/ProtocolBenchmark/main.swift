#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Candor
import CandorProtocol
import Foundation

// Measures Candor's protocol overhead against the trivial C echo model (DESIGN §10):
// - pipelined: explain round trips/s through ProcessModel with 64 requests in flight;
// - lock-step: one request in flight, next to a raw lock-step loop (a plain pipe write/read of one short line,
//   no JSON) to the same C program;
// - raw pipelined: the same raw loop with 64 lines in flight, the ceiling of the pipe itself;
// - slow model: 20 ms per request, 16 served at once; ideal 800 requests/s.
// Usage: ProtocolBenchmark [--quick]

let quick = CommandLine.arguments.contains("--quick")
let echo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("echo-model").path
signal(SIGPIPE, SIG_IGN)

func request(_ index: Int) -> Request {
    let text = "A dull start , but by the end it is a joy to watch and the cast is superb ."
    return Request(op: .explain, id: "r\(index)", suite: "sentiment",
                   task: TaskDescriptor(kind: "classification", labels: ["negative", "positive"]),
                   input: ["review": WireField(text: text, tokens: text.split(separator: " ").map(String.init))])
}

func seconds(_ work: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await work()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Round trips/s through ProcessModel, sending `count` requests in batches of `batch`.
func processModel(arguments: [String], maxInFlight: Int, count: Int, batch: Int) async throws -> (Double, Int) {
    let model = try await ProcessModel.launch(ProcessModel.Configuration(
        command: [echo] + arguments, maxInFlight: maxInFlight, timeout: .seconds(60), restarts: 0))
    let requests = (0..<count).map(request)
    var ok = 0
    _ = await model.respond(to: Array(requests.prefix(min(count, 1000))))  // warm up
    let elapsed = try await seconds {
        for start in stride(from: 0, to: count, by: batch) {
            let outcomes = await model.respond(to: Array(requests[start..<min(start + batch, count)]))
            ok += outcomes.filter { $0.status == .ok }.count
        }
        if Task.isCancelled { throw CancellationError() }
    }
    await model.shutdown()
    return (Double(count) / elapsed, ok)
}

/// Lines/s through a plain pipe to `echo-model --raw`: write a short line, read a short line, `window` in flight.
func raw(window: Int, count: Int) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: echo)
    process.arguments = ["--raw"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writeEnd = input.fileHandleForWriting.fileDescriptor
    let readEnd = output.fileHandleForReading.fileDescriptor
    let line = Array("ping\n".utf8)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var sent = 0
    var received = 0
    let start = ContinuousClock.now
    while received < count {
        // Fill the window with one write, then read whatever has come back.
        let burst = min(window - (sent - received), count - sent)
        if burst > 0 {
            let bytes = Array([[UInt8]](repeating: line, count: burst).joined())
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress! + offset, bytes.count - offset) }
                guard written > 0 else { break }
                offset += written
            }
            sent += burst
        }
        let got = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
        guard got > 0 else { break }
        for index in 0..<got where buffer[index] == 0x0A { received += 1 }
    }
    let elapsed = ContinuousClock.now - start
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

func report(_ name: String, _ rate: Double, _ note: String = "") {
    let figure = String(format: "%12.0f /s", rate)
    print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(figure)  \(note)")
}

let scale = quick ? 10 : 1

// The costs per message on Candor's side, alone: what bounds the pipelined rate on one core.
let answerLine = Data((#"{"id":"r12345","label":"positive","probabilities":{"negative":0.25,"positive":0.75},"#
    + #""explanation":{"text":"It is a joy.","highlights":[{"field":"review","tokens":[0,1]}]}}"#).utf8)
let decoder = ResponseDecoder()
let decodeCount = 200_000 / scale
let decodeSeconds = try await seconds {
    for _ in 0..<decodeCount { _ = try decoder.response(from: answerLine) }
}
report("ResponseDecoder, one answer (messages)", Double(decodeCount) / decodeSeconds,
       String(format: "%.2f µs each", decodeSeconds / Double(decodeCount) * 1e6))
let sample = request(12345)
var encoded: [UInt8] = []
let encodeSeconds = await seconds {
    for _ in 0..<decodeCount {
        encoded.removeAll(keepingCapacity: true)
        _ = RequestEncoder().append(sample, to: &encoded)
    }
}
report("RequestEncoder, one request (messages)", Double(decodeCount) / encodeSeconds,
       String(format: "%.2f µs each", encodeSeconds / Double(decodeCount) * 1e6))
let rawPipelined = try raw(window: 64, count: 2_000_000 / scale)
report("raw pipe, 64 in flight (lines)", rawPipelined)
let rawLockStep = try raw(window: 1, count: 100_000 / scale)
report("raw pipe, lock-step (lines)", rawLockStep, String(format: "%.1f µs per round trip", 1e6 / rawLockStep))

let (pipelined, pipelinedOK) = try await processModel(arguments: [], maxInFlight: 64, count: 500_000 / scale,
                                                      batch: 50_000 / scale)
report("ProcessModel explain, 64 in flight", pipelined, "\(pipelinedOK) ok; target ≥ 100000/s")
let (lockStep, lockStepOK) = try await processModel(arguments: [], maxInFlight: 1, count: 50_000 / scale,
                                                    batch: 50_000 / scale)
report("ProcessModel explain, lock-step", lockStep, String(
    format: "\(lockStepOK) ok; %.1f µs per round trip, %.2f× the raw loop (target ≤ 1.5×)",
    1e6 / lockStep, rawLockStep / lockStep))
let slowCount = quick ? 800 : 4000
let (slow, slowOK) = try await processModel(arguments: ["--delay-ms", "20", "--threads", "16"], maxInFlight: 16,
                                            count: slowCount, batch: slowCount)
report("slow model (20 ms, 16 at once)", slow, String(
    format: "\(slowOK) ok; %.1f%% of the ideal 800/s (target ≥ 95%%)", slow / 8))
