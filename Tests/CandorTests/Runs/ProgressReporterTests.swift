import Candor
import Foundation
import Synchronization
import Testing

@Suite struct ProgressReporterTests {
    @Test func lineShowsCountRateEtaAndFailures() {
        // 50 of 200 in 2 s: 25/s; 150 left at 25/s is 6 s; 50/200 is 25 %.
        #expect(ProgressReporter.line(label: "sentiment reference/faithful", done: 50, total: 200, elapsed: 2,
                                      failures: 1)
            == "sentiment reference/faithful  50/200  25%  25/s  ETA 6s  failures 1")
        // Unknown total: no percentage, no ETA.
        #expect(ProgressReporter.line(label: "x", done: 30, total: nil, elapsed: 3, failures: 0)
            == "x  30  10/s  failures 0")
        // Done: no ETA.
        #expect(ProgressReporter.line(label: "x", done: 4, total: 4, elapsed: 1, failures: 0)
            == "x  4/4  100%  4/s  failures 0")
    }

    @Test(arguments: [(0.6, "1s"), (59.0, "59s"), (125.0, "2m05s"), (3720.0, "1h02m")])
    func durationsReadAsSecondsMinutesOrHours(seconds: Double, text: String) {
        #expect(ProgressReporter.line(label: "x", done: 1, total: 2, elapsed: seconds, failures: 0)
            .hasSuffix("ETA \(text)  failures 0"))
    }

    @Test func plainStyleWritesWholeLinesAndTerminalStyleRedrawsOne() async {
        let written = Mutex<[String]>([])
        let plain = ProgressReporter(style: .plain, interval: .zero) { text in written.withLock { $0.append(text) } }
        await plain.begin("s", total: 3)
        await plain.advance("s", by: 1)
        await plain.advance("s", by: 2, failures: 1)
        await plain.end("s")
        let lines = written.withLock { $0 }
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") && !$0.contains("\r") })
        #expect(lines.last?.contains("3/3  100%") == true)
        #expect(lines.last?.contains("failures 1") == true)

        written.withLock { $0 = [] }
        let terminal = ProgressReporter(style: .terminal) { text in written.withLock { $0.append(text) } }
        await terminal.begin("s", total: 3)
        await terminal.advance("s", by: 3)
        await terminal.end("s")
        let redraws = written.withLock { $0 }
        #expect(redraws.allSatisfy { $0.hasPrefix("\r") })
        #expect(redraws.last?.hasSuffix("\n") == true)
    }

    /// Two suites running side by side keep their own counts: each line is the task that moved.
    @Test func tasksRunningAtOnceKeepTheirOwnCounts() async {
        let written = Mutex<[String]>([])
        let plain = ProgressReporter(style: .plain, interval: .zero) { text in written.withLock { $0.append(text) } }
        await plain.begin("a", total: 10)
        await plain.begin("b", total: 4)
        await plain.advance("a", by: 5)
        await plain.advance("b", by: 4, failures: 1)
        await plain.advance("a", by: 5)
        await plain.end("b")
        await plain.end("a")
        let lines = written.withLock { $0 }.map { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(2)
            .joined(separator: " ") }
        #expect(lines == ["a 5/10", "b 4/4", "a 10/10", "b 4/4", "a 10/10"])
        #expect(written.withLock { $0 }[3].contains("failures 1"))
    }
}
