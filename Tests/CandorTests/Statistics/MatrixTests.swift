import Candor
import Testing

@Suite struct MatrixTests {
    // A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]].
    let a = try! Matrix([[1, 2], [3, 4]])
    let b = try! Matrix([[5, 6], [7, 8]])

    @Test func productOfTwoByTwo() throws {
        // [1·5 + 2·7, 1·6 + 2·8; 3·5 + 4·7, 3·6 + 4·8] = [19, 22; 43, 50]
        #expect(a.multiplied(by: b) == (try Matrix([[19, 22], [43, 50]])))
    }

    @Test func productWithTransposes() throws {
        // Aᵀ·B = [1·5 + 3·7, 1·6 + 3·8; 2·5 + 4·7, 2·6 + 4·8] = [26, 30; 38, 44]
        #expect(a.multiplied(by: b, transposingSelf: true) == (try Matrix([[26, 30], [38, 44]])))
        // A·Bᵀ = [1·5 + 2·6, 1·7 + 2·8; 3·5 + 4·6, 3·7 + 4·8] = [17, 23; 39, 53]
        #expect(a.multiplied(by: b, transposingOther: true) == (try Matrix([[17, 23], [39, 53]])))
        #expect(a.multiplied(by: b, transposingSelf: true) == a.transposed.multiplied(by: b))
    }

    @Test func rectangularProduct() throws {
        // [1 2 3]ᵀ (3×1) times [4 5] (1×2) = [[4, 5], [8, 10], [12, 15]]
        let column = try Matrix(rows: 3, columns: 1, values: [1, 2, 3])
        let row = try Matrix(rows: 1, columns: 2, values: [4, 5])
        #expect(column.multiplied(by: row) == (try Matrix([[4, 5], [8, 10], [12, 15]])))
    }

    @Test func matrixVectorProduct() {
        // A·[1, 1] = [1 + 2, 3 + 4]; Aᵀ·[1, 1] = [1 + 3, 2 + 4]
        #expect(a.multiplied(by: [1, 1]) == [3, 7])
        #expect(a.multiplied(by: [1, 1], transposingSelf: true) == [4, 6])
        #expect(a.columnSums == [4, 6])
    }

    @Test func addsAVectorToEveryRow() throws {
        var m = a
        m.addToEveryRow([10, 20])
        #expect(m == (try Matrix([[11, 22], [13, 24]])))
    }

    @Test func refusesRaggedRows() {
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 2, values: [1, 2, 3]) }
    }

    @Test func vectorOperations() {
        // 1·4 + 2·5 + 3·6 = 32
        #expect(Vector.dot([1, 2, 3], [4, 5, 6]) == 32)
        var y: [Double] = [3, 4]
        // 2·[1, 2] + [3, 4] = [5, 8]
        Vector.axpy(2, [1, 2], &y)
        #expect(y == [5, 8])
        // √(3² + 4²) = 5
        #expect(Vector.norm([3, 4]) == 5)
        #expect(Vector.maxNorm([1, -7, 3]) == 7)
    }
}
