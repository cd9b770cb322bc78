import Foundation
import Testing
import TestSupport

/// Every shipped scenario's JSON, CSV and export files, and `compare --levels all`, are
/// byte-identical to the golden digests: `outputs.sh` writes them with the `deliverysim` built
/// beside the tests and prints one "sha256  scenario/file" line per file; `digests.txt` holds
/// those lines as made before a refactoring that must not change behaviour. Regenerate it (only
/// when a change of output is intended) with
///     bash Tests/DeliverySimEndToEndTests/Golden/outputs.sh .build/release/deliverysim \
///       > Tests/DeliverySimEndToEndTests/Golden/digests.txt
struct GoldenOutputsTests {
    static let folder = repositoryRootURL.appendingPathComponent("Tests/DeliverySimEndToEndTests/Golden")

    @Test func everyOutputMatchesItsGoldenDigest() throws {
        let bin = try deliverysimPath()
        let bash = try #require(which("bash"), "bash runs outputs.sh")
        let result = try runProcess(bash, [Self.folder.appendingPathComponent("outputs.sh").path, bin, repositoryRoot])
        try #require(result.status == 0, "outputs.sh failed (\(result.status)): \(result.stderr.suffix(2000))")
        let golden = try String(contentsOf: Self.folder.appendingPathComponent("digests.txt"), encoding: .utf8)
        if result.stdout != golden {
            Issue.record(Comment(rawValue: Self.difference(expected: golden, actual: result.stdout)))
        }
    }

    /// The files whose digests differ, are missing or are new, one per line.
    static func difference(expected: String, actual: String) -> String {
        func digests(_ text: String) -> [(file: String, line: String)] {
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { line in
                let parts = line.split(separator: " ", maxSplits: 1)
                return (parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : String(line), String(line))
            }
        }
        let old = digests(expected), new = digests(actual)
        let oldByFile = Dictionary(old.map { ($0.file, $0.line) }, uniquingKeysWith: { a, _ in a })
        let newByFile = Dictionary(new.map { ($0.file, $0.line) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for (file, line) in old {
            if let now = newByFile[file] {
                if now != line { lines.append("changed: \(file)\n  golden: \(line)\n  now:    \(now)") }
            } else {
                lines.append("missing: \(file) (golden: \(line))")
            }
        }
        for (file, line) in new where oldByFile[file] == nil { lines.append("new: \(file) (now: \(line))") }
        if lines.isEmpty { lines.append("the same digests, but the text differs (order, spacing or the final line break)") }
        return "\(lines.count) of \(old.count) golden lines differ:\n" + lines.joined(separator: "\n")
    }
}
