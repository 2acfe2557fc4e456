/// Limited-memory BFGS minimisation of a smooth function, deterministic.
///
/// Keeps the last `memory` steps and gradient changes to approximate the inverse Hessian (the two-loop
/// recursion, Nocedal & Wright, *Numerical Optimization*, algorithm 7.4) and finds each step by backtracking until
/// the Armijo condition holds. Pairs with non-positive curvature are skipped, so the approximation stays positive
/// definite. Everything is plain arithmetic on the iterate: the same start gives the same result every time.
public struct LBFGS: Sendable, Hashable {
    /// How many recent (step, gradient change) pairs approximate the Hessian.
    public var memory: Int
    /// Stop after this many iterations even without convergence.
    public var maxIterations: Int
    /// Converged when the largest gradient entry is at most this.
    public var gradientTolerance: Double
    /// Also converged when an iteration lowers the value by less than this times `max(1, |value|)`.
    public var relativeDecreaseTolerance: Double

    public init(memory: Int = 10, maxIterations: Int = 500, gradientTolerance: Double = 1e-7,
                relativeDecreaseTolerance: Double = 1e-13) {
        self.memory = memory
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.relativeDecreaseTolerance = relativeDecreaseTolerance
    }

    /// Where a minimisation ended.
    public struct Result: Sendable, Hashable {
        /// The last iterate.
        public var point: [Double]
        /// The function's value there.
        public var value: Double
        /// The largest absolute gradient entry there.
        public var gradientNorm: Double
        public var iterations: Int
        /// Whether a tolerance was met (false: stopped by `maxIterations` or a failed line search).
        public var converged: Bool
    }

    /// Minimises `objective`, which returns the value and gradient at a point, starting from `start`.
    public func minimize(start: [Double], objective: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        var x = start
        var (value, gradient) = objective(x)
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var curvatures: [Double] = []
        var iteration = 0
        while iteration < maxIterations {
            let gradientNorm = Vector.maxNorm(gradient)
            if gradientNorm <= gradientTolerance {
                return Result(point: x, value: value, gradientNorm: gradientNorm, iterations: iteration,
                              converged: true)
            }
            var direction = searchDirection(gradient: gradient, steps: steps, changes: changes,
                                            curvatures: curvatures)
            var slope = Vector.dot(direction, gradient)
            if slope >= 0 {
                // The approximation lost its way (rounding); restart from steepest descent.
                steps.removeAll()
                changes.removeAll()
                curvatures.removeAll()
                direction = gradient.map { -$0 }
                slope = -Vector.dot(gradient, gradient)
            }
            // Without history the direction has no natural scale; start with a unit-length step.
            var stepLength = steps.isEmpty ? min(1, 1 / Vector.norm(direction)) : 1
            var candidate = x
            var accepted: (value: Double, gradient: [Double])? = nil
            for _ in 0..<60 {
                candidate = x
                Vector.axpy(stepLength, direction, &candidate)
                let trial = objective(candidate)
                if trial.value.isFinite, trial.value <= value + 1e-4 * stepLength * slope {
                    accepted = trial
                    break
                }
                stepLength *= 0.5
            }
            iteration += 1
            guard let next = accepted else {
                return Result(point: x, value: value, gradientNorm: gradientNorm, iterations: iteration,
                              converged: false)
            }
            var step = candidate
            Vector.axpy(-1, x, &step)
            var change = next.gradient
            Vector.axpy(-1, gradient, &change)
            let curvature = Vector.dot(step, change)
            if curvature > 1e-12 * Vector.dot(change, change) {
                steps.append(step)
                changes.append(change)
                curvatures.append(curvature)
                if steps.count > memory {
                    steps.removeFirst()
                    changes.removeFirst()
                    curvatures.removeFirst()
                }
            }
            let decrease = value - next.value
            x = candidate
            value = next.value
            gradient = next.gradient
            if decrease <= relativeDecreaseTolerance * max(1, abs(value)) {
                return Result(point: x, value: value, gradientNorm: Vector.maxNorm(gradient),
                              iterations: iteration, converged: true)
            }
        }
        return Result(point: x, value: value, gradientNorm: Vector.maxNorm(gradient), iterations: iteration,
                      converged: Vector.maxNorm(gradient) <= gradientTolerance)
    }

    /// The two-loop recursion: `−H·g` for the inverse-Hessian approximation `H` built from the stored pairs.
    func searchDirection(gradient: [Double], steps: [[Double]], changes: [[Double]], curvatures: [Double])
        -> [Double]
    {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for i in steps.indices.reversed() {
            alphas[i] = Vector.dot(steps[i], q) / curvatures[i]
            Vector.axpy(-alphas[i], changes[i], &q)
        }
        if let last = steps.indices.last {
            Vector.scale(&q, by: curvatures[last] / Vector.dot(changes[last], changes[last]))
        }
        for i in steps.indices {
            let beta = Vector.dot(changes[i], q) / curvatures[i]
            Vector.axpy(alphas[i] - beta, steps[i], &q)
        }
        Vector.scale(&q, by: -1)
        return q
    }
}
