/// Two explanation sources compared on the same instances by a paired bootstrap.
///
/// The difference is `subject − reference` (for Candor's verdict, `self − reference`), resampled with the same
/// instance indices for both sources so that per-instance difficulty cancels out. The subject is ``Verdict/better``
/// only when the whole interval of the difference lies on the good side of 0 for the score's ``ScoreDirection``;
/// an interval touching or containing 0 is ``Verdict/noDifference``.
public struct PairedComparison: Sendable, Hashable, Codable {
    /// The outcome of a paired comparison.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        case better
        case worse
        case noDifference = "no-difference"
    }

    /// The statistic for the source under test (usually `self`).
    public var subject: Estimate
    /// The statistic for the source compared against (usually `reference`).
    public var reference: Estimate
    /// `subject − reference`, with its interval over resamples where both applied.
    public var difference: Estimate
    public var direction: ScoreDirection
    public var verdict: Verdict

    public init(subject: Estimate, reference: Estimate, difference: Estimate, direction: ScoreDirection) {
        self.subject = subject
        self.reference = reference
        self.difference = difference
        self.direction = direction
        self.verdict = Self.verdict(for: difference, direction: direction)
    }

    /// The verdict an interval of `subject − reference` gives: it must exclude 0 to call a winner.
    public static func verdict(for difference: Estimate, direction: ScoreDirection) -> Verdict {
        let above = difference.low > 0
        let below = difference.high < 0
        switch direction {
        case .higherIsBetter: return above ? .better : below ? .worse : .noDifference
        case .lowerIsBetter: return below ? .better : above ? .worse : .noDifference
        }
    }
}
