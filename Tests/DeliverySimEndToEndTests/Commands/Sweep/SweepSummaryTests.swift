import Foundation
import Testing
import TestSupport

/// `sweep` prints a summary that fits: the best and worst points and each varied key's effect,
/// from an empty folder with a built-in preset as its base.
@Suite struct SweepSummaryTests {
    @Test func sweepPrintsBestWorstAndEffects() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("s.yaml", "base: cd-intermediate\nreplications: 3\nvary:\n  teams.dev.people: [9, 11]\n  stages.develop.wip_limit: [8, 12]\n")
        let r = try runProcess(bin, ["sweep", "s.yaml", "--out", "out", "-q"], in: dir.path, environment: ["COLUMNS": "100"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("4 points × 3 replications") && r.stdout.contains("best: point-") && r.stdout.contains("worst: point-"), "\(r.stdout)")
        let best = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("best: ") })
        #expect(best.contains("people=") && best.contains("wip_limit="), "\(r.stdout)")
        #expect(r.stdout.contains("\npeople 9 → 11 ") && r.stdout.contains("\nwip_limit 8 → 12 "), "\(r.stdout)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(try dir.list("out").contains("points.csv"))
    }
}
