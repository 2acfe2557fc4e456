#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Candor
import CandorProtocol
import Foundation
import Testing

/// `ReferenceServer`: the reference model's side of the protocol, line by line and over pipes.
@Suite struct ReferenceServerTests {
    static let task = TaskDescriptor(kind: "classification", labels: ["negative", "positive"])

    static func request(_ id: String, _ text: String, op: CandorProtocol.Operation = .explain) -> Request {
        Request(op: op, id: id, suite: "reviews", task: task,
                input: ["review": WireField(text: text, tokens: Tokenizer.tokenize(text))])
    }

    static func line(_ request: Request) throws -> [UInt8] {
        var bytes: [UInt8] = []
        #expect(RequestEncoder().append(request, to: &bytes))
        return Array(bytes.dropLast())
    }

    static func server() throws -> ReferenceServer {
        ReferenceServer(model: try ReferenceModel.train(suite: try ReferenceModelFixtures.reviews()))
    }

    @Test func answersHelloWithTheModelsDescriptor() throws {
        let server = try Self.server()
        let answer = server.answer(line: Array(#"{"candor":1,"op":"hello"}"#.utf8))
        #expect(answer.last == 0x0A)
        let hello = try ResponseDecoder().hello(from: Data(answer.dropLast()))
        #expect(hello.candor == 1)
        #expect(hello.name == "reference")
        #expect(hello.version == CandorInfo.version)
        #expect(hello.capabilities == server.model.descriptor.capabilities)
    }

    @Test(arguments: [CandorProtocol.Operation.explain, .predict])
    func answersARequestExactlyAsTheModelInProcess(op: CandorProtocol.Operation) async throws {
        let server = try Self.server()
        let request = Self.request("q7", "the cast was great", op: op)
        let answer = server.answer(line: try Self.line(request))
        let response = try ResponseDecoder().response(from: Data(answer.dropLast()))
        let expected = await server.model.respond(to: [request])[0].response
        #expect(response == expected)
        #expect(response.label == "positive")
        #expect((response.explanation != nil) == (op == .explain))
    }

    @Test func aBrokenRequestWithAReadableIDGetsAnErrorAnswer() throws {
        // `op` and `id` decode; the first required key missing after them is `suite`.
        let answer = try Self.server().answer(line: Array(#"{"op":"explain","id":"x1","task":{}}"#.utf8))
        let response = try ResponseDecoder().response(from: Data(answer.dropLast()))
        #expect(response.id == "x1")
        #expect(response.error == "not a valid request: suite: missing")
    }

    @Test func aLineWithoutAnIDIsReportedNotAnswered() throws {
        var complaints: [String] = []
        let answer = try Self.server().answer(line: Array("Thinking...".utf8)) { complaints.append($0) }
        #expect(answer.isEmpty)
        #expect(complaints.count == 1)
        #expect(complaints.first?.hasSuffix("(line: Thinking...)") == true)
    }

    @Test func blankLinesAreIgnored() throws {
        #expect(try Self.server().answer(line: Array(" \r".utf8)).isEmpty)
    }

    @Test func servesOverPipesSplittingOnNewlinesOnly() throws {
        // The second text holds a raw U+2028 and the last line has no final newline: three requests, three
        // answers, in order, and the input's end ends the session.
        let server = try Self.server()
        var input: [UInt8] = Array(#"{"candor":1,"op":"hello"}"#.utf8) + [0x0A]
        input += try Self.line(Self.request("a", "the film was great")) + [0x0A]
        input += try Self.line(Self.request("b", "an awful\u{2028}plot")) + [0x0A]
        input += try Self.line(Self.request("c", "awful , simply awful"))
        var requests: [Int32] = [-1, -1]
        var answers: [Int32] = [-1, -1]
        #expect(pipe(&requests) == 0 && pipe(&answers) == 0)
        #expect(input.withUnsafeBytes { write(requests[1], $0.baseAddress, $0.count) } == input.count)
        close(requests[1])
        try server.serve(input: requests[0], output: answers[1])
        close(requests[0])
        close(answers[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while case let count = read(answers[0], &buffer, buffer.count), count > 0 { output += buffer[0..<count] }
        close(answers[0])
        let lines = output.split(separator: 0x0A).map { Data($0) }
        #expect(lines.count == 4)
        _ = try ResponseDecoder().hello(from: lines[0])
        let responses = try lines.dropFirst().map { try ResponseDecoder().response(from: $0) }
        #expect(responses.map(\.id) == ["a", "b", "c"])
        #expect(responses.map(\.label) == ["positive", "negative", "negative"])
    }
}
