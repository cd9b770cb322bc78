import Analysis
import Foundation
import ScenarioFile

/// The `scenario-<name>.yaml` copies of an export: every scenario fully resolved (after
/// `extends` and `--set`, and with the seed and replication count the run used), so that
/// `deliverysim run scenario-<name>.yaml` reproduces its results.
public enum ScenarioCopies {
    /// One file name per scenario, in order: `scenario-<slug>.yaml`, the slug being the label with
    /// every run of characters other than letters, digits, `.`, `_` and `-` replaced by `-`
    /// (at most 60 characters); a repeated slug gets `-2`, `-3` ….
    public static func fileNames(_ labels: [String]) -> [String] {
        var used = Set<String>()
        return labels.map { label in
            var slug = ""
            for scalar in label.unicodeScalars {
                let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                if ok { slug.unicodeScalars.append(scalar) } else if !slug.hasSuffix("-") { slug += "-" }
            }
            slug = String(slug.prefix(60))
            while slug.hasPrefix("-") || slug.hasPrefix(".") { slug.removeFirst() }
            while slug.hasSuffix("-") || slug.hasSuffix(".") { slug.removeLast() }
            if slug.isEmpty { slug = "scenario" }
            var name = "scenario-\(slug).yaml", n = 1
            while used.contains(name) {
                n += 1
                name = "scenario-\(slug)-\(n).yaml"
            }
            used.insert(name)
            return name
        }
    }

    /// The resolved YAML of `variant` with `seed` and `replications` set as run (a comparison
    /// runs every scenario with the same ones): the document is parsed again with the two overrides
    /// so the copy is a valid scenario file whose values the run used. Nil if the variant was not
    /// loaded from a file.
    public static func yaml(of variant: Variant, seed: UInt64, replications: Int) throws -> String? {
        guard let resolved = variant.resolvedYAML else { return nil }
        let header = "# Resolved by deliverysim from \(variant.file)"
            + (variant.overrides.isEmpty ? "" : " with \(variant.overrides.joined(separator: " "))")
            + "\n# (extends and --set applied; seed and replications as run). Run it again with:\n"
            + "#   deliverysim run <this file>\n"
        // The run read the document already; the copy only sets the seed and replications it
        // used (both checked by the run), so it is parsed and written, not read again.
        let body = try ScenarioLoader.resolve(yaml: resolved, path: variant.file)
            .emitted(overrides: ["seed=\(seed)", "replications=\(replications)"])
        // A file name or an override can hold any line break (LF, CR, CRLF, NEL, U+2028): every
        // one ends a comment line, and the text after it is made a comment too.
        return header.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            line.isEmpty || line.hasPrefix("#") ? String(line) : "# " + line
        }.joined(separator: "\n") + body
    }
}
