import CandorProtocol
import Foundation

/// The tiny suites that scorers' worked examples are written against, small enough to compute by hand.
public enum WorkedExampleSuite {
    /// A two-label text task with one field, `review`.
    public static let sentiment = Suite(
        id: "worked-example", version: "1.0.0", title: "Worked example",
        task: TaskSpec(kind: .classification, labels: ["negative", "positive"],
                       inputs: [InputField(name: "review", type: .text)]),
        explanations: [.highlights, .text],
        probes: ProbeSpec(insertionWords: ["awful", "superb"],
                          cue: "A reader who saw this before says the answer is {label}."),
        scorers: [], splits: [Suite.Split(name: "test", file: "test.jsonl")],
        provenance: "written by hand for worked examples", directory: URL(fileURLWithPath: "."), contentHash: "")

    /// A model descriptor with every capability.
    public static let model = ModelDescriptor(
        name: "worked-example", version: "1",
        capabilities: [.probabilities, .highlights, .text, .weights, .predictFromExplanation])

    /// The context of the sentiment example.
    public static var context: ScoringContext {
        ScoringContext(suite: sentiment, model: model)
    }

    /// An instance of the sentiment example with the given review text.
    public static func review(_ text: String, label: String = "positive", rationale: [Rationale] = [],
                              explanation: String? = nil, id: String = "example-1") -> Instance {
        Instance(id: id, input: ["review": .text(text)], label: label, rationale: rationale,
                 explanation: explanation)
    }

    /// An answer with the given probability of `positive`.
    public static func answer(positive: Double, explanation: WireExplanation? = nil) -> Response {
        Response(id: "", label: positive >= 0.5 ? "positive" : "negative",
                 probabilities: ["negative": 1 - positive, "positive": positive], explanation: explanation)
    }
}
