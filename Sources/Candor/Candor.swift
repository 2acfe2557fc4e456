/// Facts about this build of Candor, recorded in every result.
public enum CandorInfo {
    /// The version of Candor.
    public static let version = "0.1.0"
}
