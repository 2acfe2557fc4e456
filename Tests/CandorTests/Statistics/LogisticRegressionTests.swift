import Candor
import Foundation
import Testing

@Suite struct LogisticRegressionTests {
    @Test func separableOneDimensionalOptimum() throws {
        // Rows x = +1 (class 1) and x = −1 (class 0). Both the classes-swapped-and-x-negated symmetry and the
        // zero start keep W = [−a, a] and equal intercepts, so the margin is 2a·x and the objective is
        //   f(a) = log(1 + e^(−2a)) + (l2/2)(a² + a²),   f'(a) = −2σ(−2a) + 2·l2·a = 0  ⇔  σ(−2a) = l2·a.
        // Choosing 2a = ln 3 gives σ(−ln 3) = 1/4, so l2 = (1/4) / (ln 3 / 2) = 1 / (2 ln 3),
        // and then p(class 1 | x = 1) = σ(ln 3) = 3/4.
        let features = try Matrix([[1], [-1]])
        let l2 = 1 / (2 * log(3.0))
        let model = try LogisticRegression.fit(features: features, labels: [1, 0], classCount: 2, l2: l2)
        #expect(abs(model.weights[0, 0] - (-log(3.0) / 2)) < 1e-6)
        #expect(abs(model.weights[0, 1] - log(3.0) / 2) < 1e-6)
        let p = model.probabilities(for: features)
        #expect(abs(p[0, 1] - 0.75) < 1e-6)
        #expect(abs(p[1, 0] - 0.75) < 1e-6)
        #expect(model.predictions(for: features) == [1, 0])
        #expect(model.fit?.converged == true)
    }

    /// Three classes, three features, six rows: small numbers chosen by hand, no structure.
    static let features = try! Matrix([
        [1.0, 0.5, -1.0], [0.2, -0.3, 0.8], [-1.5, 1.0, 0.0],
        [0.0, 2.0, 1.0], [1.2, -0.7, 0.4], [-0.4, -1.1, 2.0],
    ])
    static let labels = [0, 1, 2, 1, 0, 2]

    @Test func gradientMatchesFiniteDifferences() {
        let l2 = 0.3
        // Weights (3 features × 3 classes) then 3 intercepts: an arbitrary point away from the optimum.
        let point: [Double] = [0.1, -0.2, 0.3, 0.5, 0.0, -0.4, -0.3, 0.2, 0.7, 0.05, -0.1, 0.2]
        let (_, gradient) = LogisticRegression.objective(parameters: point, features: Self.features,
                                                         labels: Self.labels, classCount: 3, l2: l2)
        let h = 1e-6
        for i in point.indices {
            var up = point
            var down = point
            up[i] += h
            down[i] -= h
            let fUp = LogisticRegression.objective(parameters: up, features: Self.features, labels: Self.labels,
                                                   classCount: 3, l2: l2).value
            let fDown = LogisticRegression.objective(parameters: down, features: Self.features,
                                                     labels: Self.labels, classCount: 3, l2: l2).value
            // Central differences are accurate to O(h²) ≈ 1e-12 plus rounding ≈ 1e-16 / 1e-6 = 1e-10.
            #expect(abs((fUp - fDown) / (2 * h) - gradient[i]) < 1e-7, "parameter \(i)")
        }
    }

    @Test func fitReachesAZeroGradient() throws {
        let model = try LogisticRegression.fit(features: Self.features, labels: Self.labels, classCount: 3, l2: 0.1)
        let parameters = model.weights.values + model.intercepts
        let (_, gradient) = LogisticRegression.objective(parameters: parameters, features: Self.features,
                                                         labels: Self.labels, classCount: 3, l2: 0.1)
        #expect(Vector.maxNorm(gradient) < 1e-5)
        let p = model.probabilities(for: Self.features)
        for i in 0..<p.rows { #expect(abs(p.row(i).reduce(0, +) - 1) < 1e-12) }
    }

    @Test func fittingTwiceGivesTheSameModel() throws {
        let first = try LogisticRegression.fit(features: Self.features, labels: Self.labels, classCount: 3, l2: 0.1)
        let second = try LogisticRegression.fit(features: Self.features, labels: Self.labels, classCount: 3, l2: 0.1)
        #expect(first.weights == second.weights)
        #expect(first.intercepts == second.intercepts)
    }

    @Test func refusesBadLabels() {
        #expect(throws: LinearAlgebraError.self) {
            try LogisticRegression.fit(features: Self.features, labels: [0, 1, 2, 1, 0, 3], classCount: 3, l2: 0.1)
        }
        #expect(throws: LinearAlgebraError.self) {
            try LogisticRegression.fit(features: Self.features, labels: [0, 1], classCount: 3, l2: 0.1)
        }
    }
}
