/// Which way a score improves: a comparison calls a source "better" only in this direction.
public enum ScoreDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Larger values are better (comprehensiveness, token F1, LAS).
    case higherIsBetter = "higher"
    /// Smaller values are better (sufficiency).
    case lowerIsBetter = "lower"
}
