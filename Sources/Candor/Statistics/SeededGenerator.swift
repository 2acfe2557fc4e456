/// SplitMix64: a small random number generator whose sequence depends only on its seed.
///
/// Bootstrap intervals must be the same on every machine and every Swift release, so Candor never uses the
/// system generator for statistics, and draws bounded integers with its own method (``index(below:)``) rather
/// than the standard library's `random(in:using:)`, whose algorithm is not promised to stay fixed.
/// SplitMix64 is Steele, Lea and Flood, "Fast splittable pseudorandom number generators" (OOPSLA 2014).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed integer in `0..<bound`, without modulo bias.
    ///
    /// Lemire's multiply-and-reject method ("Fast random integer generation in an interval", 2019): the high
    /// word of `next() × bound` is the result unless the low word falls in the biased sliver, then it redraws.
    /// - Precondition: `bound > 0` (callers pass a sample size they have already checked).
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "index(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniformly distributed number in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

extension SeededGenerator {
    /// A uniform number in `[low, high)`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// `items` in a seeded random order (Fisher–Yates driven by this generator only).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, index(below: i + 1))
        }
        return result
    }

    /// `count` distinct elements of `items` in random order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }
}
