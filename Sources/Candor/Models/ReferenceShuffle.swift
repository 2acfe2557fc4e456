/// The seeded permutation behind the `shuffled` explainer: the same input always gets the same permutation, in
/// every process and on every machine.
///
/// The seed is the 64-bit FNV-1a hash of the input's canonical rendering (never Swift's `Hasher`, which is seeded
/// at random per process), stirred by SplitMix64; the permutation is a Fisher–Yates shuffle drawing from it.
struct ReferenceShuffle: Sendable {
    private var state: UInt64

    init(key: String) {
        state = Self.fnv1a(key)
    }

    init(state: UInt64) {
        self.state = state
    }

    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The next number of the SplitMix64 sequence.
    mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0), by multiply-shift; the bias is below 2⁻³² for any bound of the
    /// sizes seen here, far too small to matter for choosing tokens.
    mutating func next(below bound: Int) -> Int {
        Int((UInt128(next()) * UInt128(bound)) >> 64)
    }

    /// A permutation of `0..<count`: entry j is where position j goes.
    mutating func permutation(of count: Int) -> [Int] {
        var result = Array(0..<count)
        guard count > 1 else { return result }
        for i in stride(from: count - 1, to: 0, by: -1) {
            result.swapAt(i, next(below: i + 1))
        }
        return result
    }
}
