import Analysis
import ScenarioFile
import Testing
import TestSupport

/// `--vary` parsing: top-level commas only, and the grid's order.
@Suite struct WhatIfGridTests {
    @Test func splitsOnTopLevelCommasOnly() throws {
        #expect(try Axis.splitTopLevel("2,4,8") == ["2", "4", "8"])
        #expect(try Axis.splitTopLevel(" 2 , 4 ") == ["2", "4"])
        #expect(try Axis.splitTopLevel("{scheduled: {every: 7d}},{continuous: {}}") == ["{scheduled: {every: 7d}}", "{continuous: {}}"])
        #expect(try Axis.splitTopLevel("{batch: {size: 5}},continuous") == ["{batch: {size: 5}}", "continuous"])
        #expect(try Axis.splitTopLevel("[1, 2],[3]") == ["[1, 2]", "[3]"])
        #expect(try Axis.splitTopLevel("{a: [1, {b: 2}]},x") == ["{a: [1, {b: 2}]}", "x"])
        #expect(try Axis.splitTopLevel("'a,b',c") == ["'a,b'", "c"])
        #expect(try Axis.splitTopLevel(#""x,\"y",z"#) == [#""x,\"y""#, "z"])
        #expect(try Axis.splitTopLevel("{hours: '09:00-17:00, x'},y") == ["{hours: '09:00-17:00, x'}", "y"])
        #expect(try Axis.splitTopLevel("it's,fine") == ["it's", "fine"]) // a quote inside a plain scalar
        #expect(try Axis.splitTopLevel("single") == ["single"])
    }

    @Test func rejectsMalformedValues() {
        for text in ["1,,2", "1,", ",1", "", "{a: 1", "a}", "[1, 2", "'abc", #""abc"#] {
            #expect(throws: AxisError.self, "\(text)") { try Axis.splitTopLevel(text) }
        }
    }

    @Test func parsesAxes() throws {
        let axis = try Axis(parsing: "release.policy={scheduled: {every: 7d}},continuous")
        #expect(axis.key == "release.policy")
        #expect(axis.values == ["{scheduled: {every: 7d}}", "continuous"])
        #expect(throws: AxisError.self) { try Axis(parsing: "no-equals") }
        #expect(throws: AxisError.self) { try Axis(parsing: "=1,2") }
    }

    @Test func gridIsTheCartesianProductFirstAxisSlowest() throws {
        let grid = WhatIfGrid(axes: [Axis(key: "a", values: ["1", "2"]), Axis(key: "b", values: ["x", "y", "z"])])
        #expect(grid.points == [
            ["a=1", "b=x"], ["a=1", "b=y"], ["a=1", "b=z"],
            ["a=2", "b=x"], ["a=2", "b=y"], ["a=2", "b=z"],
        ])
        #expect(WhatIfGrid(axes: []).points == [[]])
    }
}
