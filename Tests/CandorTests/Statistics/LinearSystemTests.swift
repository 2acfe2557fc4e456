import Candor
import Testing

@Suite struct LinearSystemTests {
    // [[2, 1], [1, 3]]·x = [3, 5]: det = 2·3 − 1·1 = 5, Cramer's rule gives
    // x₁ = (3·3 − 1·5) / 5 = 4/5, x₂ = (2·5 − 1·3) / 5 = 7/5.
    let system = try! Matrix([[2, 1], [1, 3]])

    @Test func solvesAGeneralTwoByTwo() throws {
        let x = try LinearSystem.solve(system, [3, 5])
        #expect(abs(x[0] - 0.8) < 1e-12)
        #expect(abs(x[1] - 1.4) < 1e-12)
    }

    @Test func solvesASymmetricPositiveDefiniteTwoByTwo() throws {
        let x = try LinearSystem.solveSymmetricPositiveDefinite(system, Matrix(rows: 2, columns: 1, values: [3, 5]))
        #expect(abs(x[0, 0] - 0.8) < 1e-12)
        #expect(abs(x[1, 0] - 1.4) < 1e-12)
    }

    @Test func solvesSeveralRightHandSides() throws {
        // Right-hand sides e₁ and e₂ give the inverse: (1/5)·[[3, −1], [−1, 2]].
        let inverse = try LinearSystem.solve(system, Matrix.identity(2))
        let expected: [Double] = [0.6, -0.2, -0.2, 0.4]
        for (value, want) in zip(inverse.values, expected) { #expect(abs(value - want) < 1e-12) }
    }

    @Test func reportsASingularMatrix() throws {
        // The second row is twice the first.
        let singular = try Matrix([[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) { try LinearSystem.solve(singular, [1, 1]) }
    }

    @Test func reportsAnIndefiniteMatrix() throws {
        // Eigenvalues 3 and −1: the leading minor of order 2 is 1·1 − 2·2 = −3.
        let indefinite = try Matrix([[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) {
            try LinearSystem.solveSymmetricPositiveDefinite(indefinite, Matrix(rows: 2, columns: 1, values: [1, 1]))
        }
    }

    @Test func refusesMismatchedShapes() throws {
        let wide = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(throws: LinearAlgebraError.self) { try LinearSystem.solve(wide, [1, 1]) }
        #expect(throws: LinearAlgebraError.self) { try LinearSystem.solve(system, [1, 1, 1]) }
    }
}
