import Candor
import Foundation
import Testing

@Suite struct ConditionalLogitTests {
    @Test func twoCandidateOptimum() throws {
        // One instance, candidates x = [1] (chosen) and x = [0]. With score w·x,
        //   f(w) = log(e^w + 1) − w + (l2/2)w²,   f'(w) = σ(w) − 1 + l2·w = −σ(−w) + l2·w = 0.
        // Choosing w = ln 3 gives σ(−ln 3) = 1/4, so l2 = 1 / (4 ln 3), and p(chosen) = σ(ln 3) = 3/4.
        let candidates = try Matrix([[1], [0]])
        let model = try ConditionalLogit.fit(candidates: candidates, choiceCounts: [2], chosen: [0],
                                             l2: 1 / (4 * log(3.0)))
        #expect(abs(model.weights[0] - log(3.0)) < 1e-6)
        let p = try model.probabilities(for: candidates, choiceCounts: [2])
        #expect(abs(p[0][0] - 0.75) < 1e-6)
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        // Two instances with 3 and 2 candidates, two features; arbitrary numbers.
        let candidates = try Matrix([[1, 0], [0, 1], [0.5, 0.5], [2, -1], [-1, 1]])
        let counts = [3, 2]
        let chosen = [2, 0]
        let point: [Double] = [0.3, -0.6]
        let (_, gradient) = ConditionalLogit.objective(weights: point, candidates: candidates,
                                                       choiceCounts: counts, chosen: chosen, l2: 0.2)
        let h = 1e-6
        for i in point.indices {
            var up = point
            var down = point
            up[i] += h
            down[i] -= h
            let fUp = ConditionalLogit.objective(weights: up, candidates: candidates, choiceCounts: counts,
                                                 chosen: chosen, l2: 0.2).value
            let fDown = ConditionalLogit.objective(weights: down, candidates: candidates, choiceCounts: counts,
                                                   chosen: chosen, l2: 0.2).value
            #expect(abs((fUp - fDown) / (2 * h) - gradient[i]) < 1e-7, "weight \(i)")
        }
    }

    @Test func refusesCountsThatDoNotAddUp() throws {
        let candidates = try Matrix([[1], [0], [2]])
        #expect(throws: LinearAlgebraError.self) {
            try ConditionalLogit.fit(candidates: candidates, choiceCounts: [2], chosen: [0], l2: 0.1)
        }
        #expect(throws: LinearAlgebraError.self) {
            try ConditionalLogit.fit(candidates: candidates, choiceCounts: [2, 1], chosen: [0, 1], l2: 0.1)
        }
    }
}
