/// A hash of a string that is the same in every process and on every machine (FNV-1a, 64 bits), for seeding
/// per-instance randomness and sharding. Swift's `Hasher` is seeded per process and must never be used for that.
public enum StableHash {
    public static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A seed from several parts, e.g. `(instance id, "random-highlights")`.
    public static func of(_ parts: String...) -> UInt64 {
        of(parts.joined(separator: "\u{1F}"))
    }
}
