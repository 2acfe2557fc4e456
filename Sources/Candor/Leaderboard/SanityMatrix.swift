/// The scorers' own meta-evaluation (DESIGN §6): on each suite, does each scorer rank the reference model's
/// explainer variants as their construction says it must?
///
/// Faithfulness and simulatability scorers must rank `faithful` above `shuffled` and `inverted`; agreement scorers
/// must rank `plausible` above the others. "Above" means the 95 % interval of the paired difference excludes 0 in
/// the scorer's better direction. Where either side has fewer than ``minimumObservations`` the cell is undecided;
/// where the scorer does not apply, or its aggregate is undefined for a variant, the cell is not applicable.
public struct SanityMatrix: Codable, Sendable, Hashable {
    /// Fewer paired observations than this cannot decide a cell.
    public static let minimumObservations = 30

    public var cells: [Cell]

    public init(cells: [Cell]) {
        self.cells = cells
    }

    /// One (suite, scorer, expected winner vs other variant) comparison.
    public struct Cell: Codable, Sendable, Hashable {
        public var suite: String
        public var scorer: String
        public var family: ScorerFamily
        /// The variant that must win (`faithful` or `plausible`).
        public var winner: String
        /// The variant it is compared with.
        public var other: String
        /// winner − other, oriented so that positive means "winner is better".
        public var difference: Double?
        public var low: Double?
        public var high: Double?
        public var n: Int
        public var status: Status
        /// Why a cell is undecided or not applicable.
        public var reason: String?

        public init(suite: String, scorer: String, family: ScorerFamily, winner: String, other: String,
                    difference: Double?, low: Double?, high: Double?, n: Int, status: Status,
                    reason: String? = nil) {
            self.suite = suite
            self.scorer = scorer
            self.family = family
            self.winner = winner
            self.other = other
            self.difference = difference
            self.low = low
            self.high = high
            self.n = n
            self.status = status
            self.reason = reason
        }
    }

    public enum Status: String, Codable, Sendable, Hashable {
        case pass
        case fail
        /// Too few decisive observations to decide.
        case undecided
        /// The scorer does not apply to the suite, or its aggregate is undefined for one of the variants (e.g. LAS
        /// when every explanation gives the label away).
        case notApplicable = "not-applicable"
    }

    /// How many cells have each status.
    public func count(_ status: Status) -> Int { cells.filter { $0.status == status }.count }

    /// "N pass, N fail, N undecided, N not applicable".
    public var tally: String {
        "\(count(.pass)) pass, \(count(.fail)) fail, \(count(.undecided)) undecided (fewer than "
            + "\(SanityMatrix.minimumObservations) decisive observations), \(count(.notApplicable)) not applicable"
    }

    /// True when no cell fails.
    public var passes: Bool { !cells.contains { $0.status == .fail } }

    /// The cells that fail, for the exit message.
    public var failures: [Cell] { cells.filter { $0.status == .fail } }
}
