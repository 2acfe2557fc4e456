import CBLAS

/// Solving `A · X = B` through LAPACKE.
public enum LinearSystem {
    /// Solves `A · X = B` for a symmetric positive-definite `A` by Cholesky factorisation (`LAPACKE_dposv`).
    ///
    /// Only the upper triangle of `A` is read. Twice as fast as the general solver and the natural choice for
    /// normal equations and Hessians.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(order:)`` when `A` is not positive definite;
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` when `A` is not square or `B` has the wrong number of rows.
    public static func solveSymmetricPositiveDefinite(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        try checkShapes(a, b)
        var factor = a.values
        var solution = b.values
        let n = Int32(a.rows)
        let nrhs = Int32(b.columns)
        let info = factor.withUnsafeMutableBufferPointer { aPointer in
            solution.withUnsafeMutableBufferPointer { bPointer in
                LAPACKE_dposv(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "U")), n, nrhs, aPointer.baseAddress,
                              max(1, n), bPointer.baseAddress, max(1, nrhs))
            }
        }
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
        if info < 0 { throw LinearAlgebraError.illegalArgument(position: Int(-info)) }
        return Matrix(rows: b.rows, columns: b.columns, exactly: solution)
    }

    /// Solves `A · X = B` for a general square `A` by LU factorisation with partial pivoting (`LAPACKE_dgesv`).
    /// - Throws: ``LinearAlgebraError/singular(pivot:)`` when `A` is singular;
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` when `A` is not square or `B` has the wrong number of rows.
    public static func solve(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        try checkShapes(a, b)
        var factor = a.values
        var solution = b.values
        var pivots = [Int32](repeating: 0, count: a.rows)
        let n = Int32(a.rows)
        let nrhs = Int32(b.columns)
        let info = factor.withUnsafeMutableBufferPointer { aPointer in
            solution.withUnsafeMutableBufferPointer { bPointer in
                pivots.withUnsafeMutableBufferPointer { pivotPointer in
                    LAPACKE_dgesv(LAPACK_ROW_MAJOR, n, nrhs, aPointer.baseAddress, max(1, n),
                                  pivotPointer.baseAddress, bPointer.baseAddress, max(1, nrhs))
                }
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
        if info < 0 { throw LinearAlgebraError.illegalArgument(position: Int(-info)) }
        return Matrix(rows: b.rows, columns: b.columns, exactly: solution)
    }

    /// Solves `A · x = b` for one right-hand side; see ``solve(_:_:)-(Matrix,Matrix)``.
    public static func solve(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        try solve(a, Matrix(rows: b.count, columns: 1, exactly: b)).values
    }

    static func checkShapes(_ a: Matrix, _ b: Matrix) throws {
        guard a.rows == a.columns else {
            throw LinearAlgebraError.dimensionMismatch("system matrix is \(a.rows)×\(a.columns), not square")
        }
        guard b.rows == a.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                "system matrix is \(a.rows)×\(a.columns) but the right-hand side has \(b.rows) rows")
        }
    }
}
