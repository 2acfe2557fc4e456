import Candor
import Testing

@Suite struct SuiteRunSummaryTests {
    @Test func tableAlignsNamesLeftAndNumbersRight() {
        let table = SuiteRunSummary.table([
            SuiteRunSummary(suite: "sentiment", modelKey: "reference/faithful", instances: 300, answered: 300,
                            correct: 261, majorityCorrect: 161, sent: 300, reused: 0, wallSeconds: 0.414),
            SuiteRunSummary(suite: "nli", modelKey: "m", instances: 12, answered: 10, correct: 5, sent: 2,
                            reused: 10, failures: [.timeout: 1, .error: 1], wallSeconds: 12),
        ])
        // Widths: failures is as wide as "error=1,timeout=1" (17), wall as "12.00s" (6).
        // 261/300 = 0.870, 161/300 = 0.5367 → 0.537, 5/10 = 0.500; nli has no train split, so no baseline.
        #expect(table == """
            suite      model               instances  accuracy  majority  sent  reused  failures             wall
            sentiment  reference/faithful        300     0.870     0.537   300       0  -                   0.41s
            nli        m                          12     0.500         -     2      10  error=1,timeout=1  12.00s

            """)
    }

    @Test func accuracyIsNilWhenNothingWasAnswered() {
        let summary = SuiteRunSummary(suite: "s", modelKey: "m", instances: 3, failures: [.crashed: 3])
        #expect(summary.accuracy == nil)
        #expect(summary.majorityBaseline == nil)
        #expect(summary.failureCount == 3)
    }
}
