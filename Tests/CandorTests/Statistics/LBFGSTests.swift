import Candor
import Testing

@Suite struct LBFGSTests {
    @Test func findsTheMinimumOfAQuadratic() {
        // f(x, y) = (x − 1)² + 10(y + 2)², minimum at (1, −2) with value 0.
        let result = LBFGS().minimize(start: [0, 0]) { p in
            let dx = p[0] - 1
            let dy = p[1] + 2
            return (dx * dx + 10 * dy * dy, [2 * dx, 20 * dy])
        }
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-6)
        #expect(abs(result.point[1] + 2) < 1e-6)
    }

    @Test func findsTheMinimumOfTheRosenbrockValley() {
        // f(x, y) = (1 − x)² + 100(y − x²)², minimum at (1, 1): a curved valley that defeats plain gradient
        // descent in this many iterations.
        let result = LBFGS(maxIterations: 1000).minimize(start: [-1.2, 1]) { p in
            let (x, y) = (p[0], p[1])
            let value = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
            return (value, [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
        }
        #expect(abs(result.point[0] - 1) < 1e-4)
        #expect(abs(result.point[1] - 1) < 1e-4)
    }
}
