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

    /// A `self` item of the sentiment example whose prediction is `label`, explained by highlighting `highlights`
    /// of its review (nothing when empty).
    public static func item(_ text: String, _ label: String, id: String = "example-1", highlights: [Int] = [])
        -> ScoringItem
    {
        ScoringItem(instance: review(text, label: label, id: id), source: .self, prediction: Prediction(label: label),
                    explanation: ResolvedExplanation(highlights: highlights.isEmpty ? [:] : ["review": highlights]))
    }

    /// The two reviews the simulatability examples fit the built-in simulator on: "good" → positive (example-2)
    /// and "bad" → negative (example-3). Their folds (3 and 4) differ from example-1's (0), so the simulator
    /// answering for example-1 learns from these two alone.
    public static var simulationCompanions: [(item: ScoringItem, answers: ProbeAnswers)] {
        [(item("good", "positive", id: "example-2"), ProbeAnswers()),
         (item("bad", "negative", id: "example-3"), ProbeAnswers())]
    }

    /// An answer with the given probability of `positive`.
    public static func answer(positive: Double, explanation: WireExplanation? = nil) -> Response {
        Response(id: "", label: positive >= 0.5 ? "positive" : "negative",
                 probabilities: ["negative": 1 - positive, "positive": positive], explanation: explanation)
    }
}
