import Candor
import Testing

@Suite struct ResultsExporterTests {
    @Test(arguments: [
        ("reference/faithful", "reference", "reference"),
        ("reference/shuffled", "reference", "reference-shuffled"),
        ("process/keyword-model:0123456789ab", "keywords", "keyword-model"),
        // A name holding ':' or '/' is kept whole: only the last ':' starts the hash.
        ("process/a:b/c:0123456789ab", "x", "a:b/c"),
        ("process/:0123456789ab", "declared", "declared"),
        ("http/some-model", "declared", "declared"),
    ])
    func namesEachModelOnce(key: String, declared: String, name: String) {
        #expect(ResultsExporter.leaderboardName(key: key, declaredName: declared) == name)
    }
}
