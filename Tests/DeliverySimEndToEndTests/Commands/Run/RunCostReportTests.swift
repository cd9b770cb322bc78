import Foundation
import Testing
import TestSupport

/// The cost metrics end to end: a scenario with `economics` reports them and its HTML report
/// draws the cost breakdown; one without has neither.
@Suite struct RunCostReportTests {
    @Test func costsAppearOnlyWithAnEconomicsSection() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let economics = "economics={people: {dev: 80}, delay: {feature: 1000, bug: 300}, incident_hour: 2000}"
        let costed = try runProcess(bin, ["run", file, "--replications", "3", "--set", economics, "--out", dir.path + "/costed", "--report", "-q"])
        #expect(costed.status == 0, "\(costed.stderr)")
        let json = try RawJSON.parse(try runProcess(bin, ["run", file, "--replications", "3", "--set", economics, "--format", "json", "-q"]).stdout)
        for metric in ["cost_of_people", "cost_of_people.dev", "cost_of_delay.feature", "cost_of_delay.bug", "cost_of_incidents", "cost_total"] {
            #expect(json["metrics"]?[metric]?["mean"]?.number != nil, "\(metric)")
        }
        #expect(try dir.read("costed/report.html").contains("<svg id=\"cost-breakdown\""))
        let plain = try runProcess(bin, ["run", file, "--replications", "3", "--out", dir.path + "/plain", "--report", "-q"])
        #expect(plain.status == 0)
        let html = try dir.read("plain/report.html")
        #expect(!html.contains("cost-breakdown") && !html.contains("cost_total"))
    }
}
