import Candor
import Foundation
import Testing

/// ERASER's own file formats, only as far as the sample needs them.
private struct Annotation: Decodable {
    struct Evidence: Decodable {
        var docid: String
        var start_token: Int
        var end_token: Int
    }
    var annotation_id: String
    var evidences: [[Evidence]]
}

private struct Prediction: Decodable {
    struct Rationale: Decodable {
        struct Span: Decodable {
            var start_token: Int
            var end_token: Int
        }
        var docid: String
        var hard_rationale_predictions: [Span]?
    }
    var annotation_id: String
    var rationales: [Rationale]
}

/// The ERASER movies sample kept beside the package (`../shared/real-samples/eraser_movies/`): 8 test
/// annotations with their human evidence, the union of human rationales for them in ERASER's prediction format,
/// and the documents. Absent on most machines, so its tests skip when it is missing.
private enum Sample {
    static var folder: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.deletingLastPathComponent().appendingPathComponent("shared/real-samples/eraser_movies")
    }

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("movies_union_human_perf.jsonl").path)
    }

    static func lines<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(T.self, from: Data($0.utf8))
        }
    }

    /// ERASER flattens a document by splitting each line on spaces.
    static func tokenCount(_ docid: String) throws -> Int {
        let text = try String(contentsOf: folder.appendingPathComponent("docs").appendingPathComponent(docid),
                              encoding: .utf8)
        return text.split(whereSeparator: \.isWhitespace).count
    }

    struct Key: Hashable, Comparable {
        var annotation: String
        var docid: String
        static func < (a: Key, b: Key) -> Bool { (a.annotation, a.docid) < (b.annotation, b.docid) }
    }

    /// Reference spans (from `test.jsonl` evidences) and predicted spans (human union rationales), per document.
    static func spans() throws -> (reference: [Key: [Range<Int>]], predicted: [Key: [Range<Int>]]) {
        var reference: [Key: [Range<Int>]] = [:]
        for annotation in try lines("test.jsonl", as: Annotation.self) {
            for evidence in annotation.evidences.joined() {
                reference[Key(annotation: annotation.annotation_id, docid: evidence.docid), default: []]
                    .append(evidence.start_token..<evidence.end_token)
            }
        }
        var predicted: [Key: [Range<Int>]] = [:]
        for prediction in try lines("movies_union_human_perf.jsonl", as: Prediction.self) {
            for rationale in prediction.rationales {
                for span in rationale.hard_rationale_predictions ?? [] {
                    predicted[Key(annotation: prediction.annotation_id, docid: rationale.docid), default: []]
                        .append(span.start_token..<span.end_token)
                }
            }
        }
        return (reference, predicted)
    }

    static func tokens(_ spans: [Range<Int>]) -> Set<Int> {
        Set(spans.joined())
    }
}

/// Candor's agreement metrics on real ERASER data, against a faithful reimplementation of ERASER's
/// `rationale_benchmark/metrics.py` formulas in a Python scratch script (not kept in the project): the same
/// files, keyed by (annotation, document) as ERASER keys them, `score_hard_rationale_predictions` on token-level
/// rationales for token P/R/F1, `partial_match_score` at IOU 0.5, and for AUPRC scikit-learn 1.9.1's
/// `precision_recall_curve` + `auc` averaged with `np.average`, as ERASER's `_auprc` does. The sample has no
/// soft scores, so the AUPRC check gives each token the weight `(1 if a human marked it else 0) + (t mod 7)/10`,
/// which ties many tokens and exercises the threshold grouping. Printed values, copied with `repr`:
/// - token micro P 0.31997414350355524, R 0.4191363251481795, F1 0.3629032258064516
/// - token macro P 0.3951035385103313, R 0.5027118561928763, F1 0.37567182241770475
/// - IOU micro P 0.09923664122137404, R 0.17105263157894737, F1 0.1256038647342995
/// - IOU macro P 0.13501359751359754, R 0.22522749042145596, F1 0.16882457198353998
/// - AUPRC mean 0.3643378887654658 (per document from 0.1217551895584803 to 0.5996549134887321)
@Suite(.disabled(if: !Sample.isPresent,
                 "the ERASER movies sample (../shared/real-samples/eraser_movies/ beside the package) is absent"))
struct ERASERMoviesSampleTests {
    @Test func tokenF1MatchesERASER() throws {
        let (reference, predicted) = try Sample.spans()
        #expect(reference.count == 8 && predicted.count == 8)
        let keys = Set(reference.keys).union(predicted.keys).sorted()
        let counts = keys.map {
            TokenF1.Counts(predicted: Sample.tokens(predicted[$0] ?? []), reference: Sample.tokens(reference[$0] ?? []))
        }
        let micro = TokenF1.micro(counts)
        #expect(abs(micro.precision - 0.31997414350355524) < 1e-12)
        #expect(abs(micro.recall - 0.4191363251481795) < 1e-12)
        #expect(abs(micro.f1 - 0.3629032258064516) < 1e-12)
        let macro = try #require(TokenF1.macro(counts))
        #expect(abs(macro.precision - 0.3951035385103313) < 1e-12)
        #expect(abs(macro.recall - 0.5027118561928763) < 1e-12)
        #expect(abs(macro.f1 - 0.37567182241770475) < 1e-12)
    }

    @Test func iouF1MatchesERASER() throws {
        let (reference, predicted) = try Sample.spans()
        let keys = Set(reference.keys).union(predicted.keys).sorted()
        let counts = keys.map { IOUF1.counts(predicted: predicted[$0] ?? [], reference: reference[$0] ?? []) }
        let micro = IOUF1.micro(counts)
        #expect(abs(micro.precision - 0.09923664122137404) < 1e-12)
        #expect(abs(micro.recall - 0.17105263157894737) < 1e-12)
        #expect(abs(micro.f1 - 0.1256038647342995) < 1e-12)
        let macro = IOUF1.macro(counts)
        #expect(abs(macro.precision - 0.13501359751359754) < 1e-12)
        #expect(abs(macro.recall - 0.22522749042145596) < 1e-12)
        #expect(abs(macro.f1 - 0.16882457198353998) < 1e-12)
    }

    @Test func auprcMatchesERASER() throws {
        let (reference, predicted) = try Sample.spans()
        var areas: [Double] = []
        for key in predicted.keys.sorted() {
            let marked = Sample.tokens(predicted[key] ?? [])
            let weights = (0..<(try Sample.tokenCount(key.docid))).map {
                (marked.contains($0) ? 1.0 : 0.0) + Double($0 % 7) / 10
            }
            areas.append(try #require(AUPRC.instance(weights: weights, rationale: reference[key] ?? [])))
        }
        #expect(areas.count == 8)
        #expect(abs(try #require(areas.min()) - 0.1217551895584803) < 1e-12)
        #expect(abs(try #require(areas.max()) - 0.5996549134887321) < 1e-12)
        #expect(abs(try #require(AUPRC.mean(areas)) - 0.3643378887654658) < 1e-12)
    }
}
