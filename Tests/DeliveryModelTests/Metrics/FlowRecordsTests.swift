import Testing
import DeliveryModel
import SimStats

/// Flow snapshots and item records agree with each other and with the metrics.
@Suite struct FlowRecordsTests {
    @Test func snapshotsAndItemsAddUp() throws {
        let scenario = try DirectionTests.organization()
        let r = try ScenarioRunner.run(scenario, replication: 0, options: RunOptions(recordItems: true, flowInterval: 24))
        // A snapshot at day 0 and at the end of every day up to the horizon.
        #expect(r.flow.count == Int(scenario.horizon / 24) + 1)
        #expect(r.flow.map(\.day) == Array(0...Int(scenario.horizon / 24)))
        for (a, b) in zip(r.flow, r.flow.dropFirst()) {
            #expect(b.arrivals >= a.arrivals && b.done >= a.done)
        }
        for s in r.flow {
            #expect(s.inStage.count == scenario.stages.count && s.inStage.allSatisfy { $0 >= 0 })
        }
        // A release every 14 days: finished changes wait for it. (`awaitingRelease` is clamped at
        // 0, so only that it is sometimes positive says anything.)
        #expect(r.flow.contains { $0.awaitingRelease > 0 })
        // Each change is recorded once, when it is delivered for good; `done` counts every pass
        // into production, so the passes taken out again by a rollback (the whole release) are
        // the difference, less the changes of a release whose incident is still open at the end.
        let byID = Dictionary(grouping: r.items, by: \.id)
        #expect(byID.count == r.items.count, "a change was recorded twice")
        #expect(r.items.allSatisfy { (1...r.flow.last!.arrivals).contains($0.id) })
        let takenOut = r.flow.last!.done - r.items.count
        #expect(takenOut > 0, "the scenario rolls back releases (restore: rollback)")
        // Cycle time is time in process, at most the time from start to delivery.
        #expect(r.items.allSatisfy { $0.cycleTime >= 0 && $0.cycleTime <= $0.deployed - $0.start + 1e-9 })
        #expect(r.items.contains { $0.cycleTime < $0.deployed - $0.start - 1 }, "no change was ever taken out of production")
        // The records of changes deployed after the warm-up reproduce the lead-time metrics.
        let measured = r.items.filter { $0.deployed >= scenario.warmup }
        let lead = measured.map(\.leadTime).reduce(0, +) / Double(measured.count)
        let forChanges = measured.map(\.leadTimeForChanges).reduce(0, +) / Double(measured.count)
        #expect(abs(lead - r["lead_time_hours"]!) < 1e-6 * lead)
        #expect(abs(forChanges - r["lead_time_for_changes_hours"]!) < 1e-6 * forChanges)
        let cycle = measured.map(\.cycleTime).reduce(0, +) / Double(measured.count)
        #expect(abs(cycle - r["cycle_time_hours"]!) < 1e-6 * cycle)
        #expect(Double(measured.count) / ((scenario.horizon - scenario.warmup) / 168) == r["throughput_per_week"]!)
        #expect(measured.allSatisfy { $0.arrival <= $0.start && $0.start <= $0.developmentDone && $0.developmentDone <= $0.released && $0.released <= $0.deployed })
    }

    @Test func recordingChangesNothingElse() throws {
        let scenario = try DirectionTests.organization()
        let plain = try ScenarioRunner.run(scenario, replication: 2)
        let recorded = try ScenarioRunner.run(scenario, replication: 2, options: RunOptions(recordItems: true, flowInterval: 24))
        #expect(plain.metrics == recorded.metrics)
        #expect(plain.flow.isEmpty && plain.items.isEmpty)
    }
}
