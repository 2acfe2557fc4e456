import CBLAS

extension Matrix {
    /// The product `op(self) · op(other)` through `cblas_dgemm`, where `op` transposes when asked.
    ///
    /// Transposition is passed to BLAS as a flag rather than materialised, so `Xᵀ·G` for a design matrix `X`
    /// costs no copy of `X`.
    /// - Precondition: the inner dimensions agree (a programming error otherwise, not a data error).
    /// - Complexity: O(m·n·k) for an m×k by k×n product.
    public func multiplied(by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false)
        -> Matrix
    {
        let m = transposingSelf ? columns : rows
        let k = transposingSelf ? rows : columns
        let otherK = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        precondition(k == otherK, "cannot multiply \(m)×\(k) by \(otherK)×\(n)")
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0 else { return result }
        guard k > 0 else { return result }
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(CblasRowMajor,
                                transposingSelf ? CblasTrans : CblasNoTrans,
                                transposingOther ? CblasTrans : CblasNoTrans,
                                blasint(m), blasint(n), blasint(k), 1.0,
                                a.baseAddress, blasint(Swift.max(1, columns)),
                                b.baseAddress, blasint(Swift.max(1, other.columns)),
                                0.0, c.baseAddress, blasint(n))
                }
            }
        }
        return result
    }

    /// The product `op(self) · vector` through `cblas_dgemv`.
    /// - Precondition: `vector` has as many entries as `op(self)` has columns.
    public func multiplied(by vector: [Double], transposingSelf: Bool = false) -> [Double] {
        let outCount = transposingSelf ? columns : rows
        let inCount = transposingSelf ? rows : columns
        precondition(vector.count == inCount, "cannot multiply \(outCount)×\(inCount) by a vector of \(vector.count)")
        var result = [Double](repeating: 0, count: outCount)
        guard outCount > 0, inCount > 0 else { return result }
        values.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(CblasRowMajor, transposingSelf ? CblasTrans : CblasNoTrans,
                                blasint(rows), blasint(columns), 1.0,
                                a.baseAddress, blasint(Swift.max(1, columns)),
                                x.baseAddress, 1, 0.0, y.baseAddress, 1)
                }
            }
        }
        return result
    }

    /// Adds `vector` to every row (a bias added to every instance's logits).
    public mutating func addToEveryRow(_ vector: [Double]) {
        precondition(vector.count == columns, "cannot add a vector of \(vector.count) to rows of \(columns)")
        guard rows > 0, columns > 0 else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            vector.withUnsafeBufferPointer { x in
                for i in 0..<rows {
                    cblas_daxpy(blasint(columns), 1.0, x.baseAddress, 1, buffer.baseAddress! + i * columns, 1)
                }
            }
        }
    }

    /// The sum of each column: `selfᵀ · 1` through `cblas_dgemv`.
    public var columnSums: [Double] {
        multiplied(by: [Double](repeating: 1, count: rows), transposingSelf: true)
    }
}
