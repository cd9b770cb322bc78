import Analysis
import Testing
import TestSupport

@Suite struct MaturityLevelsTests {
    @Test func ladders() {
        #expect(MaturityLevels.next(after: "cd-base") == "cd-beginner")
        #expect(MaturityLevels.next(after: "cd-advanced") == "cd-expert")
        #expect(MaturityLevels.next(after: "cd-expert") == nil)
        #expect(MaturityLevels.next(after: "mlops-0") == "mlops-1")
        #expect(MaturityLevels.next(after: "mlops-2") == nil)
        #expect(MaturityLevels.next(after: "example") == nil)
        #expect(MaturityLevels.Ladder.all.presets.count == 8)
        #expect(MaturityLevels.path(of: "cd-base", in: "scenarios") == "scenarios/cd-base.yaml")
        #expect(MaturityLevels.path(of: "mlops-1", in: "/tmp/x/") == "/tmp/x/mlops-1.yaml")
    }
}
