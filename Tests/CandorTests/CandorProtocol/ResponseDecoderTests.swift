import CandorProtocol
import Foundation
import Testing

@Suite struct ResponseDecoderTests {
    let decoder = ResponseDecoder()

    func rejection(_ line: String) -> WireDecodingError? {
        rejection(Data(line.utf8))
    }

    func rejection(_ line: Data) -> WireDecodingError? {
        do {
            _ = try decoder.response(from: line)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesAFullResponse() throws {
        let line = #"{"id":"r17","label":"positive","probabilities":{"negative":0.08,"positive":0.92},"#
            + #""explanation":{"text":"It ends as a joy.","highlights":[{"field":"review","tokens":[7,8]},"#
            + #"{"field":"review","quote":"a joy"}],"weights":[{"field":"review","values":[0,-0.4]}]}}"#
        let response = try decoder.response(from: Data(line.utf8))
        #expect(response == Response(
            id: "r17", label: "positive", probabilities: ["negative": 0.08, "positive": 0.92],
            explanation: WireExplanation(
                text: "It ends as a joy.",
                highlights: [Highlight(field: "review", tokens: [7, 8]), Highlight(field: "review", quote: "a joy")],
                weights: [FieldWeights(field: "review", values: [0, -0.4])])))
    }

    @Test func unknownKeysAreIgnored() throws {
        let line = #"{"id":"r1","label":"a","confidence_note":{"deep":[1,2]},"explanation":{"text":"t","style":"x"}}"#
        let response = try decoder.response(from: Data(line.utf8))
        #expect(response == Response(id: "r1", label: "a", explanation: WireExplanation(text: "t")))
    }

    @Test(arguments: [
        (#"{"id":"r1","probabilities":{"positive":"0.9"}}"#,
         "probabilities.positive: expected a number, found a string"),
        (#"{"id":"r1","label":3}"#, "label: expected a string, found a number"),
        (#"{"id":"r1","explanation":{"highlights":[{"field":"review","tokens":[1,"2"]}]}}"#,
         "explanation.highlights[0].tokens[1]: expected an integer, found a string"),
        (#"{"id":"r1","explanation":{"highlights":[{"field":"review","tokens":[1.5]}]}}"#,
         "explanation.highlights[0].tokens[0]: expected an integer, found 1.5"),
        (#"{"id":"r1","explanation":{"highlights":[{"tokens":[1]}]}}"#, "explanation.highlights[0].field: missing"),
        (#"{"id":"r1","explanation":"because"}"#, "explanation: expected an object, found a string"),
        (#"{"id":"r1","explanation":{"highlights":{"field":"review"}}}"#,
         "explanation.highlights: expected an array, found an object"),
        (#"{"id":"r1","error":false}"#, "error: expected a string, found a boolean"),
        (#"{"label":"a"}"#, "id: missing; every response needs a string id"),
        (#"{"id":17,"label":"a"}"#, "id: expected a string, found a number"),
        (#"["r1","a"]"#, "expected a JSON object, found an array"),
        ("42", "expected a JSON object, found a number"),
    ])
    func rejectionsNameTheKeyAndWhy(line: String, message: String) {
        #expect(rejection(line)?.description == message)
    }

    @Test func aRejectionKeepsTheIDWhenItCanBeRead() {
        #expect(rejection(#"{"id":"r9","label":3}"#)?.id == "r9")
        #expect(rejection(#"{"id":17}"#)?.id == nil)
        // Broken JSON after the id: the id is still read from the line's beginning.
        #expect(rejection(#"{"id":"r4","label":"pos"#)?.id == "r4")
    }

    @Test func brokenJSONIsNamedAsSuch() throws {
        let error = try #require(rejection("the answer is positive"))
        #expect(error.path == "")
        #expect(error.description.hasPrefix("not valid JSON"))
    }

    @Test func invalidUTF8NamesTheByteAndOffset() throws {
        var line = Data(#"{"id":"r2","label":""#.utf8)
        line += [0xC3, 0x28]
        line += Data(#""}"#.utf8)
        let error = try #require(rejection(line))
        // {"id":"r2","label":" is 20 bytes; C3 28 is a lead byte without its continuation.
        #expect(error.description == "not valid UTF-8: byte 0xC3 at offset 20")
        #expect(error.id == "r2")
    }

    @Test func lineSeparatorsAndCarriageReturnsAreOrdinary() throws {
        // Raw U+2028/U+2029 inside a string, an escaped CR in it, raw CRs as whitespace and a trailing CR.
        let line = "{\"id\":\"r1\",\r\"label\":\"a\",\r\"explanation\":{\"text\":\"x\u{2028}y\u{2029}z\\rw\"}}\r"
        let response = try decoder.response(from: Data(line.utf8))
        #expect(response.explanation?.text == "x\u{2028}y\u{2029}z\rw")
    }

    @Test func helloIsAcceptedWithItsCapabilities() throws {
        let line = #"{"candor":1,"op":"hello","name":"m","version":"0.3","capabilities":["text","telepathy"]}"#
        let hello = try decoder.hello(from: Data(line.utf8))
        #expect(hello == Hello(name: "m", version: "0.3", capabilities: [.text, Capability("telepathy")]))
    }

    @Test(arguments: [
        (#"{"candor":2,"op":"hello","name":"m"}"#,
         "candor: the model speaks Candor protocol version 2, but this Candor speaks only up to version 1; "
            + "update Candor or have the model answer with \"candor\":1"),
        (#"{"candor":0,"op":"hello","name":"m"}"#,
         "candor: the model announced Candor protocol version 0; versions start at 1 and this Candor speaks up "
            + "to version 1"),
        (#"{"op":"hello","name":"m"}"#, "candor: missing"),
        (#"{"candor":"1","op":"hello","name":"m"}"#, "candor: expected an integer, found a string"),
        (#"{"candor":1,"op":"explain","name":"m"}"#, "op: expected \"hello\", found \"explain\""),
        (#"{"candor":1,"op":"greet","name":"m"}"#, "op: unknown value \"greet\""),
        (#"{"candor":1,"op":"hello"}"#, "name: missing; a model's hello must name the model"),
    ])
    func badHellosAreRefused(line: String, message: String) {
        do {
            _ = try decoder.hello(from: Data(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func negotiationAcceptsThisVersionAndRefusesANewerOne() throws {
        #expect(try CandorWire.negotiate(Hello(candor: 1)) == 1)
        #expect(throws: ProtocolVersionError(announced: 2, supported: 1)) {
            try CandorWire.negotiate(Hello(candor: 2))
        }
    }

    @Test(arguments: [
        (#"{"id":"r1","label":"a"}"#, "r1"),
        (#"  {"label":"a","explanation":{"id":"inner"},"id":"r2","text":"aaa"#, "r2"),
        (#"{"text":"say \"id\":\"no\"","id":"r3"}"#, "r3"),
        (#"{"id":"r\u0034"}"#, "r4"),
        (#"{"label":"aaaaaaaa"#, nil),
        (#"{"id":5,"x":1}"#, nil),
        (#"{"id":"r5"#, nil),
        ("not json", nil),
        (#"["id","r6"]"#, nil),
    ] as [(String, String?)])
    func leadingIDReadsOnlyATopLevelID(prefix: String, id: String?) {
        #expect(ResponseDecoder.leadingID(in: Array(prefix.utf8)) == id)
    }
}
