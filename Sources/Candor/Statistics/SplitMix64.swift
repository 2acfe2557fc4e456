/// SplitMix64: a small generator whose sequence is fixed by its seed on every platform. All of Candor's
/// randomness (random controls, probe positions, bootstrap resamples, shuffled explanations) comes from it, so a
/// run is reproducible bit for bit.
public struct SplitMix64: RandomNumberGenerator, Sendable {
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

    /// A whole number in `0..<bound` (`bound` > 0).
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A uniform number in `[low, high)`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// `items` in a seeded random order (Fisher–Yates driven by this generator only).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, below(i + 1))
        }
        return result
    }

    /// `count` distinct elements of `items` in random order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }
}
