import Candor
import Testing

@Suite struct SparseMatrixTests {
    // S = [[1, 0, 2], [0, 0, 0], [0, 3, 0]], stored as three non-zeros (row 2 is empty; the two entries for
    // column 0 of row 0 are summed: 0.5 + 0.5 = 1).
    let sparse = try! SparseMatrix(columns: 3, rows: [[(0, 0.5), (2, 2), (0, 0.5)], [], [(1, 3)]])

    @Test func storesRowsCompressed() {
        #expect(sparse.nonZeroCount == 3)
        #expect(sparse.rowStarts == [0, 2, 2, 3])
        #expect(sparse.columnIndices == [0, 2, 1])
        #expect(sparse.dense == (try! Matrix([[1, 0, 2], [0, 0, 0], [0, 3, 0]])))
    }

    @Test func productsMatchTheDenseOnes() throws {
        // B = [[1, 2], [3, 4], [5, 6]]: S·B = [[1·1 + 2·5, 1·2 + 2·6], [0, 0], [3·3, 3·4]] = [[11, 14], [0, 0], [9, 12]]
        let b = try Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(sparse.product(with: b) == (try Matrix([[11, 14], [0, 0], [9, 12]])))
        #expect(sparse.product(with: b) == sparse.dense.product(with: b))
        // Sᵀ·B = [[1·1, 1·2], [3·5, 3·6], [2·1, 2·2]] = [[1, 2], [15, 18], [2, 4]]
        #expect(sparse.transposedProduct(with: b) == (try Matrix([[1, 2], [15, 18], [2, 4]])))
        #expect(sparse.transposedProduct(with: b) == sparse.dense.transposedProduct(with: b))
        // S·[1, 1, 1] = [3, 0, 3]; Sᵀ·[1, 1, 1] = [1, 3, 2]
        #expect(sparse.product(with: [1, 1, 1]) == [3, 0, 3])
        #expect(sparse.transposedProduct(with: [1, 1, 1]) == [1, 3, 2])
    }

    @Test func refusesAColumnOutOfRange() {
        #expect(throws: LinearAlgebraError.self) { try SparseMatrix(columns: 2, rows: [[(2, 1)]]) }
    }

    @Test func fitsTheSameModelAsTheDenseDesign() throws {
        // The fitter only sees the products, which agree exactly here, so both fits follow the same path.
        let dense = try Matrix([[1, 0, 2], [0, 1, 0], [0, 3, 0], [2, 0, 1]])
        let sparse = try SparseMatrix(columns: 3, rows: [[(0, 1), (2, 2)], [(1, 1)], [(1, 3)], [(0, 2), (2, 1)]])
        let a = try LogisticRegression.fit(features: dense, labels: [0, 1, 1, 0], classCount: 2, l2: 0.1)
        let b = try LogisticRegression.fit(features: sparse, labels: [0, 1, 1, 0], classCount: 2, l2: 0.1)
        for (x, y) in zip(a.weights.values + a.intercepts, b.weights.values + b.intercepts) {
            #expect(abs(x - y) < 1e-9)
        }
    }
}
