/// Whose explanation a scorer is looking at (DESIGN §1). Every scorer scores all the sources it applies to with
/// the same procedure, so `self` can be read against a human line (`reference`) and a floor (`random`).
public enum ExplanationSource: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// The explanation the model gave for its own prediction.
    case `self` = "self"
    /// The suite's reference rationale and explanation text, attached to the model's prediction.
    case reference
    /// A control: random highlights of the same size as `self` (seeded by instance id), and the reference text of
    /// another instance.
    case random

    public static func < (lhs: ExplanationSource, rhs: ExplanationSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The three scorer families of DESIGN §6.
public enum ScorerFamily: String, Sendable, Hashable, CaseIterable, Codable {
    /// Does the explanation reflect what drives the model?
    case faithfulness
    /// Does the explanation let another model predict this one?
    case simulatability
    /// Does the explanation agree with the human/reference one?
    case agreement
}
