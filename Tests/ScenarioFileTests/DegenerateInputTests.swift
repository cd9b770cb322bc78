import DeliveryModel
import ScenarioFile
import Testing

/// Inputs that used to run away: arrivals that almost all come at once, and CSV files at the
/// edges of RFC 4180. Each is refused at load with the key (or line) that is wrong.
@Suite struct DegenerateInputTests {
    static func errors(_ arrivals: String) -> [String] {
        do {
            _ = try ScenarioLoader.load(yaml: """
            name: burst
            horizon: 30d
            demand: {arrivals: \(arrivals)}
            teams: {dev: {people: 2}}
            stages: [{name: develop, team: dev, work: 1h}]
            """, path: "burst.yaml")
            return []
        } catch let errors as ScenarioErrors {
            return errors.errors.map { "\($0.keyPath): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func arrivalsThatAlmostAllComeAtOnceAreRefused() {
        // Every arrival at t = 0 held 2 GB before the event budget: refused at load now.
        let gamma = Self.errors("{gamma: {shape: 1e-300, mean: 30d}}")
        #expect(gamma.count == 1 && gamma[0].hasPrefix("demand.arrivals.gamma"), "\(gamma)")
        let lognormal = Self.errors("{lognormal: {mean: 1h, sd: 1e40}}")
        #expect(lognormal.count == 1 && lognormal[0].contains("demand.arrivals"), "\(lognormal)")
        // Ordinary bursty arrivals still load.
        #expect(Self.errors("{gamma: {shape: 0.2, mean: 6h}}").isEmpty)
        #expect(Self.errors("{exponential: {mean: 6h}}").isEmpty)
    }

    @Test func csvEdgesAreReadOrRefusedWithTheirLine() throws {
        let table = try CSVTable.parse("\u{FEFF}id,text\r\n1,\"two\nlines\"\r\n2,\"say \"\"hi\"\"\"\n3, padded \n", file: "t.csv")
        #expect(table.header == ["id", "text"])
        #expect(table.rows.map(\.fields) == [["1", "two\nlines"], ["2", "say \"hi\""], ["3", " padded "]])  // RFC 4180 keeps spaces; readers trim where a value is read
        #expect(table.rows.map(\.line) == [2, 4, 5])
        #expect(throws: (any Error).self) { try CSVTable.parse("id,text\n1,\"never closed\n2,x\n", file: "bad.csv") }
    }
}
