import Candor
import CandorTesting
import Testing

@Suite struct ScorerRegistryTests {
    @Test func idsAreUnique() {
        let ids = Scorers.all.map { $0.id }
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: Scorers.all.map { $0.id })
    func conforms(id: String) async throws {
        let failures = await ScorerConformance.check(try Scorers.named(id))
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func suggestsTheClosestIdOnATypo() {
        #expect(throws: UnknownScorerError(id: "comprehensivness", suggestions: ["comprehensiveness"])) {
            try Scorers.named("comprehensivness")
        }
        let error = UnknownScorerError(id: "sufficency", suggestions: Scorers.suggestions(for: "sufficency"))
        #expect(error.description.hasPrefix("unknown scorer 'sufficency'; did you mean 'sufficiency'?"))
    }

    @Test func conformanceCatchesAWrongWorkedExample() async {
        struct Broken: Scorer {
            static let id = "broken"
            static let version = 1
            static let family = ScorerFamily.faithfulness
            static let direction = ScoreDirection.higherIsBetter
            static let summary = "always 1"
            static let sources: [ExplanationSource] = [.self]
            static let observationNames = ["one"]
            static var examples: [ScorerExample] {
                let item = ScoringItem(instance: WorkedExampleSuite.review("fine"), source: .self,
                                       prediction: Prediction(label: "positive"),
                                       explanation: ResolvedExplanation())
                return [ScorerExample(name: "claims 2", item: item, context: WorkedExampleSuite.context,
                                      answers: [:], expected: .values([2]))]
            }
            func observe(_ item: ScoringItem, answers: ProbeAnswers, context: ScoringContext) -> Observation {
                .values([1])
            }
        }
        let failures = await ScorerConformance.check(Broken.self)
        #expect(failures.map(\.check) == ["example 'claims 2'"])
    }
}
