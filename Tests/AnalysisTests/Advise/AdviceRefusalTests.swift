import Analysis
import Foundation
import Testing
import TestSupport

/// `advise` never recommends a step whose flow cannot keep up with demand or that lengthens
/// arrival → production lead time, whatever it does to the metric steps are ranked by.
@Suite struct AdviceRefusalTests {
    @Test func aStepThatStarvesTheFlowIsNotRecommended() throws {
        let path = repositoryRootURL.appendingPathComponent("scenarios/cd-intermediate.yaml").path
        // A WIP limit of 3 on develop improves lead time *for changes* (commit → production) but
        // cannot pass the demand: the value stream keeps gaining items.
        let plan = try AdvicePlan.make(path: path, steps: ["stages.develop.wip_limit=3", "release.approval=0"])
        let advice = try plan.run(replications: 10)
        let starving = try #require(advice.steps.first { $0.step == "stages.develop.wip_limit=3" })
        let approval = try #require(advice.steps.first { $0.step == "release.approval=0" })
        #expect(starving.notRecommended?.contains("does not keep up with demand") == true, "\(String(describing: starving.notRecommended))")
        #expect(approval.notRecommended == nil)
        #expect(approval.rank < starving.rank)
        #expect(AdviceView(advice, heading: "advise").render(width: 100).contains("✗ not recommended"))
    }
}
