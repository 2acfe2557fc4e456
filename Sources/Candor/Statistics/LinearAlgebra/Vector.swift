import CBLAS

/// BLAS level-1 operations on plain `[Double]` vectors.
///
/// A namespace rather than a type: the project's vectors are ordinary arrays, so that they travel through
/// `Codable` and tests without wrapping.
public enum Vector {
    /// The dot product `x · y` (`cblas_ddot`).
    /// - Precondition: `x` and `y` have the same length.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot of vectors of \(x.count) and \(y.count) entries")
        guard !x.isEmpty else { return 0 }
        return x.withUnsafeBufferPointer { a in
            y.withUnsafeBufferPointer { b in
                cblas_ddot(blasint(x.count), a.baseAddress, 1, b.baseAddress, 1)
            }
        }
    }

    /// `y ← alpha · x + y` (`cblas_daxpy`).
    /// - Precondition: `x` and `y` have the same length.
    public static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy of vectors of \(x.count) and \(y.count) entries")
        guard !x.isEmpty else { return }
        x.withUnsafeBufferPointer { a in
            y.withUnsafeMutableBufferPointer { b in
                cblas_daxpy(blasint(x.count), alpha, a.baseAddress, 1, b.baseAddress, 1)
            }
        }
    }

    /// `x ← alpha · x` (`cblas_dscal`).
    public static func scale(_ x: inout [Double], by alpha: Double) {
        guard !x.isEmpty else { return }
        let count = x.count
        x.withUnsafeMutableBufferPointer { a in
            cblas_dscal(blasint(count), alpha, a.baseAddress, 1)
        }
    }

    /// The Euclidean norm `‖x‖₂` (`cblas_dnrm2`, which scales to avoid overflow).
    public static func norm(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return 0 }
        return x.withUnsafeBufferPointer { a in cblas_dnrm2(blasint(x.count), a.baseAddress, 1) }
    }

    /// The largest absolute entry `‖x‖∞` (0 for an empty vector).
    public static func maxNorm(_ x: [Double]) -> Double {
        x.reduce(0) { Swift.max($0, abs($1)) }
    }
}
