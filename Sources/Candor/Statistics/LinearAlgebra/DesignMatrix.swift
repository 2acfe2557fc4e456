/// A matrix the model fitters multiply by: dense (``Matrix``, through BLAS) or sparse (``SparseMatrix``).
///
/// Fitting needs only two products per iteration, `X·B` and `Xᵀ·B`, so the fitters are written against this
/// protocol and a bag-of-words design with a few dozen non-zeros per row can stay sparse: at 2,400 × 3,400 the
/// dense products cost about 50 ms each on a loaded two-core machine, the sparse ones well under a millisecond.
public protocol DesignMatrix: Sendable {
    var rows: Int { get }
    var columns: Int { get }
    /// `self · other`, a `rows` × `other.columns` matrix.
    func product(with other: Matrix) -> Matrix
    /// `selfᵀ · other`, a `columns` × `other.columns` matrix.
    func transposedProduct(with other: Matrix) -> Matrix
    /// `self · vector`, one entry per row.
    func product(with vector: [Double]) -> [Double]
    /// `selfᵀ · vector`, one entry per column.
    func transposedProduct(with vector: [Double]) -> [Double]
}

extension Matrix: DesignMatrix {
    public func product(with other: Matrix) -> Matrix { multiplied(by: other) }
    public func transposedProduct(with other: Matrix) -> Matrix { multiplied(by: other, transposingSelf: true) }
    public func product(with vector: [Double]) -> [Double] { multiplied(by: vector) }
    public func transposedProduct(with vector: [Double]) -> [Double] { multiplied(by: vector, transposingSelf: true) }
}
