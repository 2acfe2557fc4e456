import Foundation

/// A conditional logit for multiple choice: one weight vector scores every candidate; softmax over candidates.
///
/// Instance `i` offers candidates `c = 1…mᵢ`, each with its own feature row `xᵢc` (features of the candidate
/// *in its context*, e.g. question-token × choice-token pairs), and scores them `sᵢc = w·xᵢc`. The probability of
/// choosing `c` is `softmax(sᵢ)c`, so only differences between candidates matter and there is no intercept.
/// Fitting minimises
///
///     f(w) = (1/n) Σᵢ [ logΣc exp(sᵢc) − sᵢ,yᵢ ] + (l2 / 2) ‖w‖²
///     ∇f   = (1/n) Zᵀ(p − y) + l2·w
///
/// where `Z` stacks every candidate row of every instance, `p` the candidates' probabilities and `y` the one-hot
/// choices. `Z·w` and `Zᵀ(p − y)` are single `dgemv` calls for a dense `Z` (loops over the non-zeros for a
/// ``SparseMatrix``). Deterministic, like ``LogisticRegression``.
public struct ConditionalLogit: Sendable, Hashable {
    /// One weight per feature.
    public var weights: [Double]
    /// How the fit ended.
    public var fit: LBFGS.Result?

    public init(weights: [Double]) {
        self.weights = weights
        self.fit = nil
    }

    /// Fits the model.
    /// - Parameters:
    ///   - candidates: every candidate's feature row, instance after instance (Σ mᵢ rows).
    ///   - choiceCounts: mᵢ, how many consecutive rows of `candidates` belong to instance i.
    ///   - chosen: the index of the correct candidate within each instance, in `0..<mᵢ`.
    ///   - l2: the ridge strength (mean loss, as in ``LogisticRegression``).
    /// - Throws: ``LinearAlgebraError/invalidInput(_:)`` when the counts do not add up to the rows, a choice is
    ///   out of range, there are no instances, or `l2` is negative.
    public static func fit(candidates: some DesignMatrix, choiceCounts: [Int], chosen: [Int], l2: Double,
                           optimizer: LBFGS = LBFGS()) throws -> ConditionalLogit {
        try check(candidates: candidates, choiceCounts: choiceCounts)
        guard !choiceCounts.isEmpty else { throw LinearAlgebraError.invalidInput("no instances to fit") }
        guard chosen.count == choiceCounts.count else {
            throw LinearAlgebraError.invalidInput("\(chosen.count) choices for \(choiceCounts.count) instances")
        }
        for (i, choice) in chosen.enumerated() where !(0..<choiceCounts[i]).contains(choice) {
            throw LinearAlgebraError.invalidInput(
                "instance \(i) chose candidate \(choice) of \(choiceCounts[i])")
        }
        guard l2 >= 0, l2.isFinite else { throw LinearAlgebraError.invalidInput("l2 must be ≥ 0, got \(l2)") }
        let result = optimizer.minimize(start: [Double](repeating: 0, count: candidates.columns)) { w in
            objective(weights: w, candidates: candidates, choiceCounts: choiceCounts, chosen: chosen, l2: l2)
        }
        var model = ConditionalLogit(weights: result.point)
        model.fit = result
        return model
    }

    /// The fitted objective and its gradient at `weights`; public so that the gradient can be checked.
    public static func objective(weights: [Double], candidates: some DesignMatrix, choiceCounts: [Int], chosen: [Int],
                                 l2: Double) -> (value: Double, gradient: [Double]) {
        var residual = candidates.product(with: weights)
        var loss = 0.0
        var start = 0
        for (i, count) in choiceCounts.enumerated() {
            let group = start..<start + count
            loss += Softmax.logSumExp(residual[group]) - residual[start + chosen[i]]
            let probabilities = Softmax.softmax(Array(residual[group]))
            residual.replaceSubrange(group, with: probabilities)
            residual[start + chosen[i]] -= 1
            start += count
        }
        let scale = 1 / Double(choiceCounts.count)
        var gradient = candidates.transposedProduct(with: residual)
        Vector.scale(&gradient, by: scale)
        Vector.axpy(l2, weights, &gradient)
        return (loss * scale + 0.5 * l2 * Vector.dot(weights, weights), gradient)
    }

    /// Each candidate's score `w·x` (`dgemv`).
    public func scores(for candidates: some DesignMatrix) -> [Double] {
        candidates.product(with: weights)
    }

    /// Each instance's candidate probabilities, for candidates laid out as for fitting: `choiceCounts[i]`
    /// consecutive rows per instance.
    /// - Throws: ``LinearAlgebraError/invalidInput(_:)`` when the counts do not add up to the rows.
    public func probabilities(for candidates: some DesignMatrix, choiceCounts: [Int]) throws -> [[Double]] {
        try Self.check(candidates: candidates, choiceCounts: choiceCounts)
        let scores = scores(for: candidates)
        var start = 0
        return choiceCounts.map { count in
            defer { start += count }
            return Softmax.softmax(Array(scores[start..<start + count]))
        }
    }

    static func check(candidates: some DesignMatrix, choiceCounts: [Int]) throws {
        guard choiceCounts.allSatisfy({ $0 > 0 }) else {
            throw LinearAlgebraError.invalidInput("every instance needs at least one candidate")
        }
        let total = choiceCounts.reduce(0, +)
        guard total == candidates.rows else {
            throw LinearAlgebraError.invalidInput(
                "choice counts add up to \(total) candidates but the matrix has \(candidates.rows) rows")
        }
    }
}
