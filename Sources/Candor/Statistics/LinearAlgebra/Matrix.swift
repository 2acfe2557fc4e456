/// A dense matrix of `Double`, stored row-major.
///
/// Row-major because the project's matrices are design matrices (one row per instance), built row by row and
/// read row by row; BLAS and LAPACKE take the layout as an argument, so nothing is transposed on the way in.
public struct Matrix: Sendable, Hashable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row after row: entry (i, j) is `values[i * columns + j]`.
    public var values: [Double]

    /// A `rows` × `columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix needs non-negative dimensions, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    /// A `rows` × `columns` matrix over `values`, given row after row.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `values` does not hold `rows * columns` entries.
    public init(rows: Int, columns: Int, values: [Double]) throws {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(
                "a \(rows)×\(columns) matrix needs \(max(0, rows * columns)) values, got \(values.count)")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix over `values` whose count the caller has already made right (a slice of known length).
    init(rows: Int, columns: Int, exactly values: [Double]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from its rows.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the rows differ in length.
    public init(_ rowValues: [[Double]]) throws {
        let columns = rowValues.first?.count ?? 0
        if let bad = rowValues.firstIndex(where: { $0.count != columns }) {
            throw LinearAlgebraError.dimensionMismatch(
                "row \(bad) has \(rowValues[bad].count) values, row 0 has \(columns)")
        }
        self.rows = rowValues.count
        self.columns = columns
        self.values = rowValues.flatMap { $0 }
    }

    /// The `n` × `n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix.values[i * n + i] = 1 }
        return matrix
    }

    /// Entry (`row`, `column`).
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The entries of row `index`.
    public func row(_ index: Int) -> [Double] {
        Array(values[index * columns..<(index + 1) * columns])
    }

    /// The entries of column `index`.
    public func column(_ index: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + index] }
    }

    /// Replaces row `index` with `newValues` (which must hold `columns` entries).
    public mutating func setRow(_ index: Int, to newValues: [Double]) {
        precondition(newValues.count == columns, "row of \(newValues.count) values for \(columns) columns")
        values.replaceSubrange(index * columns..<(index + 1) * columns, with: newValues)
    }

    /// The matrix with rows and columns exchanged.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result.values[j * rows + i] = values[i * columns + j]
            }
        }
        return result
    }
}
