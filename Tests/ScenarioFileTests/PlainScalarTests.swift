import DeliveryModel
import ScenarioFile
import Testing

/// PlainScalar types a plain scalar without regular expressions; it must give exactly the tag
/// Yams' default resolver gives, and a document must read the same whichever way it is typed
/// (a `!` anywhere in the text makes the loader use Yams' resolver throughout).
@Suite struct PlainScalarTests {
    static let null = "tag:yaml.org,2002:null", bool = "tag:yaml.org,2002:bool", int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float", str = "tag:yaml.org,2002:str", timestamp = "tag:yaml.org,2002:timestamp"

    @Test func theKindsTheReaderReliesOn() {
        // Null: what deletes a key in `extends`.
        for text in ["~", "null", "Null", "NULL", ""] { #expect(PlainScalar.tagName(of: text) == Self.null, "\(text.debugDescription)") }
        for text in ["true", "False", "YES", "no", "on", "OFF"] { #expect(PlainScalar.tagName(of: text) == Self.bool, "\(text)") }
        for text in ["0", "-12", "+7", "1_000", "0b101", "0o17", "017", "0x1F", "1:30", "190:20:30"] {
            #expect(PlainScalar.tagName(of: text) == Self.int, "\(text)")
        }
        for text in ["1.5", "-0.25", "1e3", "1.5E-3", ".5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1:30.5", "08", "1_0.0_1"] {
            #expect(PlainScalar.tagName(of: text) == Self.float, "\(text)")
        }
        for text in ["2024-01-31", "2024-1-5 9:05:00", "2024-01-31T10:00:00.5Z", "2024-01-31 10:00:00 +02:00"] {
            #expect(PlainScalar.tagName(of: text) == Self.timestamp, "\(text)")
        }
        for text in ["nulls", "yess", "1.2.3", "0x", "1:60", "e3", "inf", ".5e3", "1h", "develop", "True!"] {
            #expect(PlainScalar.tagName(of: text) == Self.str, "\(text)")
        }
        // Like the regular expressions' `$`, a rule matches before one line break ending the text.
        #expect(PlainScalar.tagName(of: "true\n") == Self.bool)
        #expect(PlainScalar.tagName(of: "5\r\n") == Self.int)
        #expect(PlainScalar.tagName(of: "\n") == Self.null)
        #expect(PlainScalar.tagName(of: "5\n\n") == Self.str)
    }

    /// Known YAML values, numbers and dates in many shapes, and every string of up to three
    /// characters over an alphabet of what the rules look at: the same tag as Yams' resolver.
    @Test func sameAsYamsResolver() {
        var texts = ["yes", "No", "TRUE", "off", "~", "null", "NULL", "Null", "<<", "=", ".inf", "-.inf", "+.Inf", ".NAN", ".nan", "-.nan",
                     "0b1_0", "-0b", "0o", "0o8", "0x_", "0xG", "+0x1f", "1:59", "1:5:9", "1:60", "0:30", "12:3a", "1:30.", "1:30.5e3",
                     "1.", "1.e5", "1e+5", "1e", ".e5", "._", "._e+1", ".1E-2", "-.5", "1__", "_1", "2024-02-30", "2024-2-3", "2024-02-03t1:02:03",
                     "2024-02-03 \t 1:02:03.123 Z", "2024-02-03 1:02:03 -5", "2024-02-03 1:02:03-05:30", "2024-02-03 1:02:03 Z ",
                     "2024-02-03 1:02:03+5:3", "2024-02-03T", "12024-02-03", "true\u{85}", "1\u{2028}", "1\u{2029}", "1\u{0B}", "1\u{0C}",
                     "1\r", "1\n\r", "\r\n", "~\r\n", "a\0", "true\0", "١٢", "１２", "1 ", " 1", "1\t"]
        let alphabet = ["0", "1", "7", "8", "9", "-", "+", ".", "_", ":", "e", "E", "x", "b", "o", "a", "n", "i", "f", "~", "<", "=", " ", "\t", "\n", "\r", "é", "Z", "T"]
        var level = [""]
        for _ in 0..<3 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += level
        }
        var mismatches: [String] = []
        for text in texts where PlainScalar.tagName(of: text) != PlainScalar.resolverTagName(of: text) { mismatches.append(text) }
        #expect(mismatches.isEmpty, "typed differently: \(mismatches.prefix(10).map { "\($0.debugDescription): \(PlainScalar.tagName(of: $0)) vs \(PlainScalar.resolverTagName(of: $0))" })")
    }

    /// Every built-in preset, and documents with quoted, tagged, duplicate and null keys, read the
    /// same typed by PlainScalar as by Yams' resolver (a `!` in a comment selects the resolver).
    @Test func documentsReadTheSameEitherWay() throws {
        for preset in BuiltInPresets.all where !preset.isBase && !preset.text.contains("extends") {
            let plain = try ScenarioLoader.load(yaml: preset.text, path: preset.path)
            let resolver = try ScenarioLoader.load(yaml: preset.text + "\n# !\n", path: preset.path)
            #expect(plain.resolvedYAML == resolver.resolvedYAML, "\(preset.name)")
        }
        for preset in BuiltInPresets.all where !preset.isBase {
            let plain = try ScenarioLoader.load(path: preset.path)
            #expect(plain.resolvedYAML.contains("name: \(plain.scenario.name)"), "\(preset.name)")
        }
        let documents = [
            "name: a\nseed: 7\n\"1\": x\n1: y\n",  // not duplicates for the resolver (a string and an int)
            "name: a\nname: b\n",                  // duplicates either way
            "name: a\n'name': b\n",
            "name: a\ndescription: ~\nseed: 0x1F\nreplications: 1_0\n",
            "base: &b {name: a, seed: 3}\n<<: *b\n",
            "name: 'yes'\ndescription: |\n  true\n",
        ]
        for text in documents {
            #expect(outcome(text) == outcome(text + "# !\n"), "\(text.debugDescription)")
        }
    }

    /// The resolved YAML, or the messages of the errors (without the line of the comment added).
    private func outcome(_ text: String) -> String {
        do {
            return try ScenarioLoader.load(yaml: text).resolvedYAML
        } catch let errors as ScenarioErrors {
            return errors.errors.map(\.message).joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }
}
