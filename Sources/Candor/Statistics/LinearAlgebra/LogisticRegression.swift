import Foundation

/// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS with BLAS gradients.
///
/// The model gives instance `x` (a row of features) the logits `z = Wᵀx + b`, one per class, and the class
/// probabilities `softmax(z)`. Fitting minimises the mean negative log-likelihood plus a ridge penalty on the
/// weights (not on the intercepts, so the class priors are free):
///
///     f(W, b) = (1/n) Σᵢ [ logΣₖ exp(zᵢₖ) − zᵢ,yᵢ ] + (l2 / 2) ‖W‖²
///     ∇W f = (1/n) Xᵀ(P − Y) + l2·W          ∇b f = (1/n) (P − Y)ᵀ 1
///
/// where `P` holds the predicted probabilities and `Y` the one-hot labels. For a dense design both products are
/// single `dgemm` calls; a ``SparseMatrix`` design does the same products over its non-zeros only. Either way a
/// fit costs two passes over the design per iteration. The objective is strictly
/// convex in `W` for `l2 > 0`, and L-BFGS from zero is deterministic: the same data give the same model, bit for
/// bit. A class absent from the data gets an intercept that L-BFGS drives ever lower until it stops; its
/// probability is then tiny rather than exactly zero.
public struct LogisticRegression: Sendable, Hashable {
    /// Weights, one row per feature and one column per class.
    public var weights: Matrix
    /// Intercepts, one per class.
    public var intercepts: [Double]
    /// How the fit ended.
    public var fit: LBFGS.Result?

    public var featureCount: Int { weights.rows }
    public var classCount: Int { weights.columns }

    /// A model with the given parameters (for tests and for models restored from a file).
    public init(weights: Matrix, intercepts: [Double]) {
        precondition(weights.columns == intercepts.count,
                     "\(weights.columns) weight columns but \(intercepts.count) intercepts")
        self.weights = weights
        self.intercepts = intercepts
        self.fit = nil
    }

    /// Fits the model to `features` (one row per instance) and `labels` (a class index per row).
    /// - Parameters:
    ///   - features: the design matrix, n × d, dense or sparse.
    ///   - labels: the class of each row, in `0..<classCount`.
    ///   - classCount: the number of classes (at least 2).
    ///   - l2: the ridge strength; with the mean loss above, 1e-3 to 1e-1 suits bag-of-words features.
    ///   - optimizer: the L-BFGS settings.
    /// - Throws: ``LinearAlgebraError/invalidInput(_:)`` for no rows, a label count that differs from the row
    ///   count, a label out of range, fewer than 2 classes, or a negative `l2`.
    public static func fit(features: some DesignMatrix, labels: [Int], classCount: Int, l2: Double,
                           optimizer: LBFGS = LBFGS()) throws -> LogisticRegression {
        guard features.rows > 0 else { throw LinearAlgebraError.invalidInput("no rows to fit") }
        guard labels.count == features.rows else {
            throw LinearAlgebraError.invalidInput("\(labels.count) labels for \(features.rows) rows")
        }
        guard classCount >= 2 else {
            throw LinearAlgebraError.invalidInput("\(classCount) classes; need at least 2")
        }
        if let bad = labels.firstIndex(where: { !(0..<classCount).contains($0) }) {
            throw LinearAlgebraError.invalidInput(
                "label \(labels[bad]) of row \(bad) is outside 0..<\(classCount)")
        }
        guard l2 >= 0, l2.isFinite else { throw LinearAlgebraError.invalidInput("l2 must be ≥ 0, got \(l2)") }
        let d = features.columns
        let start = [Double](repeating: 0, count: (d + 1) * classCount)
        let result = optimizer.minimize(start: start) { parameters in
            objective(parameters: parameters, features: features, labels: labels, classCount: classCount, l2: l2)
        }
        var model = unpack(result.point, featureCount: d, classCount: classCount)
        model.fit = result
        return model
    }

    /// The fitted objective and its gradient at `parameters` (the weights row-major, then the intercepts).
    ///
    /// Public so that the gradient can be checked against finite differences.
    public static func objective(parameters: [Double], features: some DesignMatrix, labels: [Int], classCount: Int,
                                 l2: Double) -> (value: Double, gradient: [Double]) {
        let n = features.rows
        let d = features.columns
        let model = unpack(parameters, featureCount: d, classCount: classCount)
        var residual = model.logits(for: features)
        var loss = 0.0
        for i in 0..<n {
            let row = residual.values[i * classCount..<(i + 1) * classCount]
            loss += Softmax.logSumExp(row) - row[i * classCount + labels[i]]
        }
        Softmax.softmaxRows(&residual)
        for i in 0..<n { residual.values[i * classCount + labels[i]] -= 1 }
        let scale = 1 / Double(n)
        var weightGradient = features.transposedProduct(with: residual).values
        Vector.scale(&weightGradient, by: scale)
        let weightValues = Array(parameters[0..<d * classCount])
        Vector.axpy(l2, weightValues, &weightGradient)
        var interceptGradient = residual.columnSums
        Vector.scale(&interceptGradient, by: scale)
        let penalty = 0.5 * l2 * Vector.dot(weightValues, weightValues)
        return (loss * scale + penalty, weightGradient + interceptGradient)
    }

    static func unpack(_ parameters: [Double], featureCount d: Int, classCount k: Int) -> LogisticRegression {
        let weights = Matrix(rows: d, columns: k, exactly: Array(parameters[0..<d * k]))
        return LogisticRegression(weights: weights, intercepts: Array(parameters[d * k..<(d + 1) * k]))
    }

    /// The logits `X·W + 1·bᵀ`, one row per instance and one column per class.
    /// - Precondition: `features` has `featureCount` columns.
    public func logits(for features: some DesignMatrix) -> Matrix {
        var logits = features.product(with: weights)
        logits.addToEveryRow(intercepts)
        return logits
    }

    /// The class probabilities, one row per instance; each row sums to 1.
    public func probabilities(for features: some DesignMatrix) -> Matrix {
        var result = logits(for: features)
        Softmax.softmaxRows(&result)
        return result
    }

    /// The most probable class of each row (the lowest index on a tie).
    public func predictions(for features: some DesignMatrix) -> [Int] {
        let logits = logits(for: features)
        return (0..<logits.rows).map { i in
            let row = logits.row(i)
            return row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? 0
        }
    }
}
