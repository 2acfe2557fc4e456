/// A sparse matrix in compressed sparse row (CSR) form, for design matrices that are mostly zeros.
///
/// OpenBLAS has no sparse routines, so the two products are plain loops over the stored entries: O(non-zeros ×
/// other.columns) each, which for bag-of-words features is hundreds of times less work than the dense product.
public struct SparseMatrix: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    /// Where each row's entries start in `columnIndices` and `values`; `rowStarts[rows]` is the entry count.
    public private(set) var rowStarts: [Int]
    public private(set) var columnIndices: [Int]
    public private(set) var values: [Double]

    /// A matrix from its rows, each a list of (column, value) entries; entries for the same column are summed.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when a column is outside `0..<columns`.
    public init(columns: Int, rows entries: [[(column: Int, value: Double)]]) throws {
        self.rows = entries.count
        self.columns = columns
        rowStarts = [0]
        columnIndices = []
        values = []
        for (i, row) in entries.enumerated() {
            var merged: [Int: Double] = [:]
            for entry in row {
                guard (0..<columns).contains(entry.column) else {
                    throw LinearAlgebraError.dimensionMismatch(
                        "row \(i) has an entry in column \(entry.column) of a matrix with \(columns) columns")
                }
                merged[entry.column, default: 0] += entry.value
            }
            for column in merged.keys.sorted() where merged[column] != 0 {
                columnIndices.append(column)
                values.append(merged[column]!)
            }
            rowStarts.append(columnIndices.count)
        }
    }

    /// The number of stored (non-zero) entries.
    public var nonZeroCount: Int { values.count }

    /// The same matrix, dense.
    public var dense: Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for i in 0..<rows {
            for k in rowStarts[i]..<rowStarts[i + 1] { result[i, columnIndices[k]] = values[k] }
        }
        return result
    }
}

extension SparseMatrix: DesignMatrix {
    // The loops read the stored arrays through buffer pointers: the same work in an optimised build, and about
    // ten times less in a debug build, where every array subscript is a call.

    public func product(with other: Matrix) -> Matrix {
        precondition(other.rows == columns, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        let width = other.columns
        var result = Matrix(rows: rows, columns: width)
        withStorage { starts, indices, entries in
            result.values.withUnsafeMutableBufferPointer { out in
                other.values.withUnsafeBufferPointer { b in
                    for i in 0..<rows {
                        for k in starts[i]..<starts[i + 1] {
                            let value = entries[k]
                            let source = indices[k] * width
                            for c in 0..<width { out[i * width + c] += value * b[source + c] }
                        }
                    }
                }
            }
        }
        return result
    }

    public func transposedProduct(with other: Matrix) -> Matrix {
        precondition(other.rows == rows, "cannot multiply (\(rows)×\(columns))ᵀ by \(other.rows)×\(other.columns)")
        let width = other.columns
        var result = Matrix(rows: columns, columns: width)
        withStorage { starts, indices, entries in
            result.values.withUnsafeMutableBufferPointer { out in
                other.values.withUnsafeBufferPointer { b in
                    for i in 0..<rows {
                        for k in starts[i]..<starts[i + 1] {
                            let value = entries[k]
                            let target = indices[k] * width
                            for c in 0..<width { out[target + c] += value * b[i * width + c] }
                        }
                    }
                }
            }
        }
        return result
    }

    public func product(with vector: [Double]) -> [Double] {
        precondition(vector.count == columns, "cannot multiply \(rows)×\(columns) by a vector of \(vector.count)")
        var result = [Double](repeating: 0, count: rows)
        withStorage { starts, indices, entries in
            result.withUnsafeMutableBufferPointer { out in
                vector.withUnsafeBufferPointer { x in
                    for i in 0..<rows {
                        var sum = 0.0
                        for k in starts[i]..<starts[i + 1] { sum += entries[k] * x[indices[k]] }
                        out[i] = sum
                    }
                }
            }
        }
        return result
    }

    public func transposedProduct(with vector: [Double]) -> [Double] {
        precondition(vector.count == rows, "cannot multiply (\(rows)×\(columns))ᵀ by a vector of \(vector.count)")
        var result = [Double](repeating: 0, count: columns)
        withStorage { starts, indices, entries in
            result.withUnsafeMutableBufferPointer { out in
                vector.withUnsafeBufferPointer { x in
                    for i in 0..<rows {
                        for k in starts[i]..<starts[i + 1] { out[indices[k]] += entries[k] * x[i] }
                    }
                }
            }
        }
        return result
    }

    private func withStorage(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>) -> Void
    ) {
        rowStarts.withUnsafeBufferPointer { starts in
            columnIndices.withUnsafeBufferPointer { indices in
                values.withUnsafeBufferPointer { entries in body(starts, indices, entries) }
            }
        }
    }
}
