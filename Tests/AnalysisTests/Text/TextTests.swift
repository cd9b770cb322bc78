import Analysis
import Testing
import TestSupport

@Suite struct TextTests {
    @Test func numbers() {
        #expect(NumberText.significant(336.81) == "336.8")
        #expect(NumberText.significant(0.0759) == "0.0759")
        #expect(NumberText.significant(0.0006649815941148704) == "6.650e-4")
        #expect(NumberText.significant(-0.00000999996) == "-1.000e-5")
        #expect(NumberText.significant(0) == "0")
        #expect(NumberText.percent(12.345) == "+12.3%")
        #expect(NumberText.percent(-3) == "-3.0%")
        #expect(NumberText.percent(0.01) == "0.0%")
    }

    @Test func tableAlignsColumns() {
        let table = TextTable(header: [["name", "step", "value"]], rows: [["a", "long step", "1.5"], ["bb", "s", "10.25"]], leftAligned: 2)
        #expect(table.render() == """
        name  step       value
        ----  ---------  -----
        a     long step    1.5
        bb    s          10.25

        """)
    }
}
