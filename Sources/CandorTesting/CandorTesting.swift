/// Conformance suites shipped with Candor: `ModelConformance` (what `candor check-model` runs) and
/// `ScorerConformance` (what every scorer's test runs).
public enum CandorTesting {}
