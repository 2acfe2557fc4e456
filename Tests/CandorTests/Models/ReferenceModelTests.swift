@testable import Candor
import CandorProtocol
import Foundation
import Testing

@Suite struct ReferenceModelTests {
    /// The responses of `model` to `requests`, in request order, asserting that each one is `ok`.
    static func responses(_ model: ReferenceModel, _ requests: [Request]) async -> [Response] {
        let outcomes = await model.respond(to: requests)
        #expect(outcomes.map(\.requestID) == requests.map(\.id))
        for outcome in outcomes { #expect(outcome.status == .ok, "\(outcome.reason ?? "")") }
        return outcomes.compactMap(\.response)
    }

    static func request(_ suite: Suite, _ op: CandorProtocol.Operation = .explain, id: String = "r",
                        input: [String: WireField]? = nil, explanation: WireExplanation? = nil) -> Request {
        Request(op: op, id: id, suite: suite.id, task: suite.task.descriptor, input: input, explanation: explanation)
    }

    static func text(_ text: String) -> WireField { WireField(text: text, tokens: Tokenizer.tokenize(text)) }

    // MARK: Training

    @Test func trainingIsDeterministic() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let requests = try ReferenceModelFixtures.explainRequests(suite)
        let first = try ReferenceModel.train(suite: suite)
        let second = try ReferenceModel.train(suite: suite)
        for variant in ReferenceModel.Variant.allCases {
            let a = await Self.responses(first.with(variant: variant), requests)
            let b = await Self.responses(second.with(variant: variant), requests)
            #expect(a == b, "variant \(variant)")
        }
    }

    @Test func learnsTheObviousRule() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let inputs = ["great": "positive", "awful": "negative", "the film was long and great": "positive",
                      "a long cast , awful work": "negative"]
        for (text, expected) in inputs {
            let response = await Self.responses(model, [Self.request(suite, .predict, input: ["review": Self.text(text)])])
            #expect(response.first?.label == expected, "\(text)")
            #expect(response.first?.explanation == nil)
        }
    }

    @Test func answersALargeBatchInOrder() async throws {
        // 600 requests are answered in concurrent chunks; the outcomes must still follow the requests and match
        // the answers to the same requests one at a time.
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let words = ["great", "awful", "the", "film", "cast", "long"]
        let requests = (0..<600).map { i in
            Self.request(suite, .predict, id: "r\(i)",
                         input: ["review": Self.text("\(words[i % 6]) \(words[(i / 6) % 6]) \(words[(i / 36) % 6])")])
        }
        let batch = await Self.responses(model, requests)
        var single: [Response] = []
        for request in requests.prefix(50) { single += await Self.responses(model, [request]) }
        #expect(batch.map(\.id) == requests.map(\.id))
        #expect(Array(batch.prefix(50)) == single)
    }

    @Test func describesItself() throws {
        let reviews = try ReferenceModel.train(suite: ReferenceModelFixtures.reviews(), variant: .inverted)
        #expect(reviews.key == "reference/inverted")
        #expect(reviews.with(variant: .plausible).key == "reference/plausible")
        #expect(reviews.variant == .inverted)
        #expect(reviews.descriptor.name == "reference")
        #expect(reviews.descriptor.version == CandorInfo.version)
        #expect(reviews.descriptor.capabilities == [.highlights, .predictFromExplanation, .probabilities, .text, .weights])
        let loans = try ReferenceModel.train(suite: ReferenceModelFixtures.loans())
        #expect(loans.descriptor.has(.features))
        #expect(reviews.trainingSeconds >= 0)
    }

    // MARK: Faithful explanations

    @Test func contributionsAddUpToTheLogitMargin() async throws {
        // log p(ŷ) − log p(r) = logit(ŷ) − logit(r) = Σ token contributions + (b_ŷ − b_r): exact for a linear model.
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        guard case .multinomial(let regression) = model.classifier.weights else {
            Issue.record("a classification suite must get a multinomial model")
            return
        }
        for response in await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite)) {
            let p = try #require(response.probabilities)
            let predicted = try #require(response.label)
            let runnerUp = suite.task.labels.first { $0 != predicted }!
            let values = try #require(response.explanation?.weights?.first?.values)
            let b = Dictionary(uniqueKeysWithValues: zip(suite.task.labels, regression.intercepts))
            let margin = log(p[predicted]!) - log(p[runnerUp]!)
            #expect(abs(margin - (values.reduce(0, +) + b[predicted]! - b[runnerUp]!)) < 1e-9)
            #expect(margin >= 0)
        }
    }

    @Test func tableContributionsAddUpToTheLogitMargin() async throws {
        let suite = try ReferenceModelFixtures.loans()
        let model = try ReferenceModel.train(suite: suite)
        guard case .multinomial(let regression) = model.classifier.weights else {
            Issue.record("a classification suite must get a multinomial model")
            return
        }
        let b = Dictionary(uniqueKeysWithValues: zip(suite.task.labels, regression.intercepts))
        let responses = await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite))
        #expect(responses.map(\.label) == ["decline", "approve"])
        for response in responses {
            let p = try #require(response.probabilities)
            let predicted = try #require(response.label)
            let runnerUp = suite.task.labels.first { $0 != predicted }!
            let features = try #require(response.explanation?.weights?.first?.features)
            #expect(Set(features.keys) == ["debt", "income", "housing"])
            let margin = log(p[predicted]!) - log(p[runnerUp]!)
            #expect(abs(margin - (features.values.reduce(0, +) + b[predicted]! - b[runnerUp]!)) < 1e-9)
            // Debt decides, so it is the one cited feature and the first evidence named.
            #expect(response.explanation?.highlights == [Highlight(field: "applicant", features: ["debt"])])
            #expect(response.explanation?.text?.contains("because of debt = ") == true)
        }
    }

    @Test func highlightsAreTheTopContributions() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        for response in await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite)) {
            let values = try #require(response.explanation?.weights?.first?.values)
            let highlighted = try #require(response.explanation?.highlights?.first?.tokens)
            // The rule: the positive contributions, at most max(1, ⌈20 % of the tokens⌉), at least one.
            let positives = values.filter { $0 > 0 }.count
            let expectedCount = max(1, min(positives, Int((0.2 * Double(values.count)).rounded(.up))))
            #expect(highlighted.count == expectedCount)
            let weakestHighlighted = highlighted.map { values[$0] }.min()!
            let strongestOther = values.indices.filter { !highlighted.contains($0) }.map { values[$0] }.max() ?? -.infinity
            #expect(weakestHighlighted >= strongestOther)
        }
    }

    @Test func explanationNamesTheDecidingWord() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let responses = await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite))
        // Test instance 0: "the cast was great and the film was long"; `great` is token 3.
        #expect(responses[0].explanation?.highlights?.first?.tokens?.contains(3) == true)
        // Nine tokens allow ⌈1.8⌉ = 2 highlights: `great` and `was`, which shares the bigram `was great`.
        let first = responses[0].explanation?.text ?? ""
        #expect(first.hasPrefix("Predicted positive mainly because of “") && first.contains("great”"), "\(first)")
        #expect(responses[1].explanation?.text?.hasPrefix("Predicted negative mainly because of “awful") == true)
    }

    // MARK: Variants

    @Test func variantsKeepPredictionsAndProbabilities() async throws {
        for suite in [try ReferenceModelFixtures.reviews(), try ReferenceModelFixtures.loans(),
                      try ReferenceModelFixtures.questions()] {
            let model = try ReferenceModel.train(suite: suite)
            let requests = try ReferenceModelFixtures.explainRequests(suite)
            let faithful = await Self.responses(model, requests)
            for variant in ReferenceModel.Variant.allCases {
                let other = await Self.responses(model.with(variant: variant), requests)
                #expect(other.map(\.label) == faithful.map(\.label), "\(suite.id) \(variant)")
                #expect(other.map(\.probabilities) == faithful.map(\.probabilities), "\(suite.id) \(variant)")
            }
        }
    }

    @Test func shuffledPermutesTheFaithfulWeights() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let requests = try ReferenceModelFixtures.explainRequests(suite)
        let faithful = await Self.responses(model, requests)
        let shuffled = await Self.responses(model.with(variant: .shuffled), requests)
        var anyDifferent = false
        for (f, s) in zip(faithful, shuffled) {
            let fValues = try #require(f.explanation?.weights?.first?.values)
            let sValues = try #require(s.explanation?.weights?.first?.values)
            #expect(fValues.sorted() == sValues.sorted())
            let fTokens = try #require(f.explanation?.highlights?.first?.tokens)
            let sTokens = try #require(s.explanation?.highlights?.first?.tokens)
            #expect(fTokens.count == sTokens.count)
            // The highlighted tokens carry the moved faithful top weights.
            #expect(sTokens.map { sValues[$0] }.sorted() == fTokens.map { fValues[$0] }.sorted())
            if fValues != sValues { anyDifferent = true }
        }
        #expect(anyDifferent)
    }

    @Test func invertedPicksTheLeastImportantTokens() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let requests = try ReferenceModelFixtures.explainRequests(suite)
        let faithful = await Self.responses(model, requests)
        let inverted = await Self.responses(model.with(variant: .inverted), requests)
        for (f, i) in zip(faithful, inverted) {
            let fValues = try #require(f.explanation?.weights?.first?.values)
            let iValues = try #require(i.explanation?.weights?.first?.values)
            let fTokens = try #require(f.explanation?.highlights?.first?.tokens)
            let iTokens = try #require(i.explanation?.highlights?.first?.tokens)
            #expect(iTokens.count == fTokens.count)
            // Its highlights hold the lowest faithful contributions …
            let highestPicked = iTokens.map { fValues[$0] }.max()!
            let lowestOther = fValues.indices.filter { !iTokens.contains($0) }.map { fValues[$0] }.min() ?? .infinity
            #expect(highestPicked <= lowestOther)
            // … and ranks are reversed: the least important token gets the largest weight.
            let least = fValues.indices.min { fValues[$0] < fValues[$1] || (fValues[$0] == fValues[$1] && $0 > $1) }!
            #expect(iValues[least] == fValues.max())
            #expect(iValues.sorted() == fValues.sorted())
            // The deciding word of instance 0 and 1 is never among them.
            #expect(Set(iTokens).isDisjoint(with: fTokens))
        }
    }

    @Test func plausibleReturnsTheReferenceRationale() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite, variant: .plausible)
        let responses = await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite))
        #expect(responses.map { $0.explanation?.text } == ["It says great.", "It says awful.", "Great, twice."])
        #expect(responses[2].explanation?.highlights == [Highlight(field: "review", tokens: [1, 8])])
        let values = try #require(responses[2].explanation?.weights?.first?.values)
        #expect(values == [0, 1, 0, 0, 0, 0, 0, 0, 1, 0])

        let loans = try ReferenceModelFixtures.loans()
        let loanModel = try ReferenceModel.train(suite: loans, variant: .plausible)
        let loanResponses = await Self.responses(loanModel, try ReferenceModelFixtures.explainRequests(loans))
        #expect(loanResponses[0].explanation?.highlights == [Highlight(field: "applicant", features: ["debt"])])
        #expect(loanResponses[0].explanation?.weights?.first?.features == ["debt": 1, "income": 0, "housing": 0])
    }

    @Test func plausibleFallsBackToAnEmptyExplanation() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite, variant: .plausible)
        let response = await Self.responses(model, [Self.request(suite, input: ["review": Self.text("great stuff")])])
        #expect(response.first?.explanation?.text == "")
        #expect(response.first?.explanation?.highlights == [])
        #expect(response.first?.explanation?.weights?.first?.values == [0, 0])
    }

    // MARK: Predict from explanation

    @Test func predictsFromItsOwnFaithfulText() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let explained = await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite))
        let requests = explained.enumerated().map { i, response in
            Self.request(suite, .predictFromExplanation, id: "p\(i)", explanation: WireExplanation(text: response.explanation?.text))
        }
        let predicted = await Self.responses(model, requests)
        #expect(predicted.map(\.label) == explained.map(\.label))
    }

    @Test func predictsFromTableValuesNamedInText() async throws {
        let suite = try ReferenceModelFixtures.loans()
        let model = try ReferenceModel.train(suite: suite)
        let texts = ["Declined: debt = 0.9 is too high.": "decline", "The debt of 0.1 is fine.": "approve"]
        for (text, expected) in texts {
            let response = await Self.responses(model, [Self.request(suite, .predictFromExplanation,
                                                                     explanation: WireExplanation(text: text))])
            #expect(response.first?.label == expected, "\(text)")
        }
        #expect(ReferenceModel.namedCells(in: "income: 52000, housing is rent", field: suite.task.inputs[0])
                == ["income": .number(52000), "housing": .category("rent")])
    }

    @Test func multipleChoiceLearnsAndExplains() async throws {
        let suite = try ReferenceModelFixtures.questions()
        let model = try ReferenceModel.train(suite: suite)
        let responses = await Self.responses(model, try ReferenceModelFixtures.explainRequests(suite))
        #expect(responses.first?.label == "B")
        #expect(responses.first?.explanation?.text?.hasPrefix("Chose “oven” (B) mainly because of") == true)
        // Only the question is explained: "tell me , where do you bake bread ?" has 9 tokens.
        #expect(responses.first?.explanation?.weights?.map(\.field) == ["question"])
        #expect(responses.first?.explanation?.weights?.first?.values?.count == 9)
        #expect(responses.first?.explanation?.highlights?.allSatisfy { $0.field == "question" } == true)
        // The deciding word `bake` (token 6) is among the highlights.
        #expect(responses.first?.explanation?.highlights?.first?.tokens?.contains(6) == true)
        // From its own text with the choices given: the evidence it quotes ("bake") picks the oven.
        let own = await Self.responses(model, [Self.request(
            suite, .predictFromExplanation, input: ["choices": WireField(items: ["broom", "oven", "fridge"])],
            explanation: responses.first?.explanation)])
        #expect(own.first?.label == "B")
        // Without the choices, naming the letter is not enough: it cannot tell.
        let letterOnly = await Self.responses(model, [Self.request(suite, .predictFromExplanation,
                                                                   explanation: responses.first?.explanation)])
        #expect(letterOnly.first?.label == nil)
        // From the reference text with the choices given: its words ("bake bread") decide, not the named choice.
        let named = await Self.responses(model, [Self.request(
            suite, .predictFromExplanation, input: ["choices": WireField(items: ["broom", "oven", "fridge"])],
            explanation: WireExplanation(text: "You bake bread in an oven."))])
        #expect(named.first?.label == "B")
        // Without choices and without a letter, it cannot tell.
        let unknown = await Self.responses(model, [Self.request(suite, .predictFromExplanation,
                                                                explanation: WireExplanation(text: "Bread."))])
        #expect(unknown.first?.label == nil)
    }

    // MARK: Refusals

    @Test func refusesWhatItCannotAnswer() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let input = ["review": Self.text("great")]
        var wrongSuite = Self.request(suite, input: input)
        wrongSuite.suite = "nli"
        let cases: [(Request, String)] = [
            (Self.request(suite, .simulate, input: input), "unsupported op: simulate"),
            (Self.request(suite, .hello), "unsupported op: hello"),
            (wrongSuite, "trained on suite 'reviews'"),
            (Self.request(suite, input: ["title": Self.text("x")]), "unknown input field 'title'"),
            (Self.request(suite), "explain request without an input"),
            (Request(op: .predict, id: "r", suite: suite.id, task: TaskDescriptor(kind: "classification", labels: ["a", "b"]),
                     input: input), "differs from suite reviews"),
        ]
        for (request, reason) in cases {
            let outcome = await model.respond(to: [request])
            #expect(outcome.first?.status == .error)
            #expect(outcome.first?.reason?.contains(reason) == true, "\(outcome.first?.reason ?? "none")")
        }
        let loans = try ReferenceModelFixtures.loans()
        let loanModel = try ReferenceModel.train(suite: loans)
        let badCells: [[String: JSONValue]] = [["debt": .string("high")], ["savings": .number(1)]]
        for cells in badCells {
            let outcome = await loanModel.respond(to: [Self.request(loans, input: ["applicant": WireField(table: cells)])])
            #expect(outcome.first?.status == .error)
        }
    }

    @Test func acceptsErasedAndEditedInputs() async throws {
        let suite = try ReferenceModelFixtures.reviews()
        let model = try ReferenceModel.train(suite: suite)
        let inputs: [[String: WireField]] = [
            ["review": WireField(text: "", tokens: [])], [:],
            ["review": WireField(tokens: ["never", "seen", "words", "great"])],
            ["review": WireField(text: "great", tokens: ["great"], sentences: [[0, 9], [5, 2]])],
        ]
        for input in inputs {
            let response = await Self.responses(model, [Self.request(suite, input: input)])
            let count = input["review"]?.tokens?.count ?? 0
            #expect(response.first?.explanation?.weights?.first?.values?.count == count)
        }
        let loans = try ReferenceModelFixtures.loans()
        let loanModel = try ReferenceModel.train(suite: loans)
        let partial = await Self.responses(loanModel, [Self.request(loans, input: ["applicant": WireField(table: ["debt": .number(0.9)])])])
        #expect(partial.first?.label == "decline")
        #expect(partial.first?.explanation?.text?.contains("debt = 0.9") == true)
    }
}
