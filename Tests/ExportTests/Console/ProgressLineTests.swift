import Analysis
import DeliveryModel
import Export
import Foundation
import Testing
import TestSupport

/// The progress line: nothing unless enabled, nothing for short runs, in place and erased.
@Suite struct ProgressLineTests {
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var text = ""
        var now = 0.0
        func write(_ s: String) { lock.withLock { text += s } }
    }

    @Test func disabledWritesNothing() {
        let rec = Recorder()
        let line = ProgressLine(label: "compare", enabled: false, output: rec.write, clock: { 100 })
        for i in 1...10 { line.update(done: i, total: 10) }
        line.finish()
        #expect(rec.text.isEmpty)
        #expect(!ProgressLine.shouldShow(quiet: true, isTerminal: true))
        #expect(!ProgressLine.shouldShow(quiet: false, isTerminal: false))
        #expect(ProgressLine.shouldShow(quiet: false, isTerminal: true))
    }

    @Test func drawsInPlaceAfterTheDelayWithETAAndErases() {
        let rec = Recorder()
        let line = ProgressLine(label: "compare", enabled: true, delay: 0.5, interval: 0.1, output: rec.write,
                                clock: { rec.lock.withLock { rec.now } })
        line.update(done: 1, total: 10)          // 0 s: too early
        #expect(rec.text.isEmpty)
        rec.now = 2
        line.update(done: 2, total: 10)          // 2 s for 2: 8 left take 8 s
        #expect(rec.text == "\rcompare: 2/10 replications (20%), 0:02 elapsed, ETA 0:08\u{1B}[K")
        rec.now = 2.05
        line.update(done: 3, total: 10)          // within the interval: not redrawn
        #expect(!rec.text.contains("3/10"))
        rec.now = 75
        line.update(done: 10, total: 10)         // the last is always drawn, without ETA
        #expect(rec.text.hasSuffix("\rcompare: 10/10 replications (100%), 1:15 elapsed\u{1B}[K"))
        line.finish()
        #expect(rec.text.hasSuffix("\u{1B}[K\r\u{1B}[K"))
    }

    @Test func shortRunsShowNothing() {
        let rec = Recorder()
        let line = ProgressLine(label: "run", enabled: true, output: rec.write, clock: { 0.2 })
        for i in 1...5 { line.update(done: i, total: 5) }
        line.finish()
        #expect(rec.text.isEmpty)
    }

    @Test func durations() {
        #expect(ProgressLine.duration(0) == "0:00")
        #expect(ProgressLine.duration(59.6) == "1:00")
        #expect(ProgressLine.duration(3725) == "1:02:05")
    }
}

/// Colour only on a terminal, never with NO_COLOR; alignment does not depend on it.
@Suite struct TextStyleTests {
    @Test func colourRules() {
        #expect(TextStyle.forTerminal(isTerminal: true, environment: [:]).enabled)
        #expect(!TextStyle.forTerminal(isTerminal: false, environment: [:]).enabled)
        #expect(!TextStyle.forTerminal(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(TextStyle.forTerminal(isTerminal: true, environment: ["NO_COLOR": ""]).enabled)  // set but empty: ignored
    }

    @Test func styledTablesAlignLikePlainOnes() {
        let table = TextTable(header: [["metric", "unit", "mean"]], rows: [["lead_time_hours", "h", "12.5"], ["wip", "items", "3"]], leftAligned: 2)
        let plain = table.render()
        let styled = table.render(style: .ansi)
        #expect(!plain.contains("\u{1B}"))
        #expect(styled.hasPrefix("\u{1B}[1mmetric"))
        let stripped = styled.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(stripped == plain)
        #expect(plain == """
            metric           unit   mean
            ---------------  -----  ----
            lead_time_hours  h      12.5
            wip              items     3

            """)
    }

    @Test func units() {
        #expect(MetricRegistry.unit(of: "lead_time_for_changes_hours.p85") == "h")
        #expect(MetricRegistry.unit(of: "deployment_frequency_per_day") == "/day")
        #expect(MetricRegistry.unit(of: "throughput_per_week.bug") == "/week")
        #expect(MetricRegistry.unit(of: "change_failure_rate") == "failed/deploy")
        #expect(MetricRegistry.unit(of: "wip.develop") == "items")
        #expect(MetricRegistry.unit(of: "utilization.dev") == "share")
        #expect(MetricRegistry.unit(of: "defects_caught.canary") == "/week")
        #expect(MetricRegistry.unit(of: "user_impact_hours") == "h/week")
    }
}
