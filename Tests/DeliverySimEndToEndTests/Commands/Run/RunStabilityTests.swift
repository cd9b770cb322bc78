import Foundation
import Testing
import TestSupport

/// `deliverysim run` refuses a scenario whose value stream cannot keep up, naming the stage,
/// with exit code 3, before the run (a WIP limit's bound) or after it (a queue that kept growing).
@Suite struct RunStabilityTests {
    static let cdBeginner = repositoryRootURL.appendingPathComponent("scenarios/cd-beginner.yaml").path

    @Test func aStarvingWIPLimitIsRefusedBeforeRunning() throws {
        let r = try runProcess(try deliverysimPath(), ["run", Self.cdBeginner, "--set", "stages.develop.wip_limit=2", "-q"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("stage develop (WIP limit 2)") && r.stdout.isEmpty, "\(r.stderr)")
    }

    @Test func aQueueThatKeptGrowingIsReportedWithItsStage() throws {
        let args = ["run", Self.cdBeginner, "--set", "stages.test.wip_limit=2", "--set", "horizon=730d", "--replications", "4", "-q"]
        let refused = try runProcess(try deliverysimPath(), args)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("queued at stage test") && refused.stdout.isEmpty, "\(refused.stderr)")
        let allowed = try runProcess(try deliverysimPath(), args + ["--allow-unstable"])
        #expect(allowed.status == 0 && allowed.stdout.contains("lead time from arrival to production"))
    }
}
