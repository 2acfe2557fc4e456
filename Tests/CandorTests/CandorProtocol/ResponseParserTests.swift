@testable import CandorProtocol
import Foundation
import Testing

/// The fast reader of response lines gives exactly what `JSONDecoder` gives, or steps aside.
@Suite struct ResponseParserTests {
    static let usual: [String] = [
        #"{"id":"r1","label":"positive"}"#,
        #"{"id":"r1","label":"positive","probabilities":{"negative":0.25,"positive":0.75}}"#,
        #"{"id":"r2","label":"negative","probabilities":{"negative":0.9347658076269522,"positive":0.06523419237304776},"explanation":{"text":"It is dull.","highlights":[{"field":"review","tokens":[1,9]},{"field":"review","quote":"a joy"}],"weights":[{"field":"review","values":[0.3726856082799397,-0.72,0,1e-3,2E+2,-0.0]}]}}"#,
        #" { "id" : "r3" , "label" : null , "error" : null } "#,
        "{\"id\":\"r4\",\r\"label\":\"a\",\r\"explanation\":{\"text\":\"one\u{2028}two\u{2029}three\\rfour\"}}",
        #"{"id":"r5","explanation":{"text":"\u201cjoy\u201d \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t"}}"#,
        #"{"id":"r6","explanation":{"highlights":[{"field":"applicant","features":["debt_ratio","income"]}],"weights":[{"field":"applicant","features":{"debt_ratio":0.7,"income":-12.5}}]}}"#,
        #"{"id":"r7","error":"input too long"}"#,
        #"{"id":"r8","label":"A","probabilities":{},"explanation":{}}"#,
        #"{"id":"r9","explanation":{"highlights":[],"weights":[]}}"#,
        "{\"id\":\"r10\",\"label\":\"caf\u{E9} \u{1F600}\"}",
    ]

    @Test(arguments: usual)
    func readsTheUsualShapeExactlyAsJSONDecoder(line: String) throws {
        let data = Data(line.utf8)
        let fast = try #require(ResponseParser.response(from: data))
        #expect(fast == (try JSONDecoder().decode(Response.self, from: data)))
    }

    /// Lines the fast reader must leave to `JSONDecoder`: each is either invalid, or valid in a way it does not
    /// handle (an unknown key, a fraction in a token index, a repeated key).
    static let unusual: [String] = [
        #"{"id":"r1","label":"positive","confidence":"high"}"#,
        #"{"id":"r1","explanation":{"highlights":[{"field":"review","tokens":[1.0]}]}}"#,
        #"{"id":"r1","label":"a","label":"b"}"#,
        #"{"id":"r1","probabilities":{"a":"0.5"}}"#,
        #"{"id":"r1","probabilities":{"a":1e999}}"#,
        #"{"id":"r1","probabilities":{"a":01}}"#,
        #"{"id":"r1","probabilities":{"a":.5}}"#,
        #"{"id":"r1","label":"\ud83d"}"#,
        #"{"id":null}"#,
        #"{"label":"a"}"#,
        #"{"id":"r1"} trailing"#,
        #"{"id":"r1","#,
        #"["id","r1"]"#,
        "{\"id\":\"r1\",\"label\":\"tab\there\"}",
        #"{"id":"r1","explanation":{"highlights":[{"tokens":[1]}]}}"#,
        #"{"id":"r1","explanation":{"highlights":[{"field":"r","tokens":[null]}]}}"#,
    ]

    @Test(arguments: unusual)
    func stepsAsideForEverythingElse(line: String) {
        #expect(ResponseParser.response(from: Data(line.utf8)) == nil)
    }

    @Test(arguments: usual + unusual)
    func theDecoderAgreesWithJSONDecoderEitherWay(line: String) {
        let data = Data(line.utf8)
        let decoded = try? ResponseDecoder().response(from: data)
        let reference = try? JSONDecoder().decode(Response.self, from: data)
        #expect(decoded == reference)
    }
}
