#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Recognises the folders this program wrote, so that `--force` replaces only those.
///
/// A folder is deliverysim's own when it holds a marker with the product's signature and
/// nothing else than the files deliverysim writes there, and no subfolder:
/// - an export (`run`, `compare`, `whatif`, `sweep`, `merge`): `run.json` with
///   `"format": "deliverysim-export-1"`, plus the files it lists, the scenario copies it names,
///   `report.html` and `points.csv`;
/// - a calibration: `calibrated.yaml` whose first line is ``calibrationSignature``, plus
///   `calibration-values.csv`.
///
/// Whatever the folder holds, the working directory, a folder above it, the home folder and `/`
/// are never replaced.
public enum OwnFolder {
    /// The `format` value `run.json` carries.
    public static let exportFormat = "deliverysim-export-1"
    /// The first line of a calibrated scenario.
    public static let calibrationSignature = "# Calibrated by `deliverysim calibrate`"
    /// A marker file larger than this is not read (and the folder not recognised).
    static let markerLimit = 16 << 20

    /// Nil if `path` (an existing folder) may be replaced by `--force`; otherwise why not.
    public static func refusal(_ path: String) -> String? {
        if let protected = protectedReason(path) { return protected }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            return "\(path) cannot be listed (\(error.localizedDescription)); it is not replaced"
        }
        var allowed: Set<String>
        if entries.contains("run.json"), let listed = exportFiles(path + "/run.json") {
            allowed = listed
        } else if entries.contains("calibrated.yaml"), isCalibration(path + "/calibrated.yaml") {
            allowed = ["calibrated.yaml", "calibration-values.csv"]
        } else {
            return "\(path) was not written by deliverysim (no run.json or calibrated.yaml of its own); --force only replaces deliverysim's own output folders: remove it yourself or choose another --out"
        }
        allowed.formUnion(["report.html", "points.csv"])
        var strangers: [String] = []
        for name in entries.sorted() {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder)
            if isFolder.boolValue || !allowed.contains(name) { strangers.append(name) }
        }
        guard strangers.isEmpty else {
            let shown = strangers.prefix(3).joined(separator: ", ") + (strangers.count > 3 ? " and \(strangers.count - 3) more" : "")
            return "\(path) holds files deliverysim did not write (\(shown)); --force only replaces deliverysim's own output folders: remove it yourself or choose another --out"
        }
        return nil
    }

    /// Why `path` must never be replaced whatever it holds (the working directory, a folder
    /// above it, the home folder, `/`), or nil.
    static func protectedReason(_ path: String) -> String? {
        let target = realPath(path)
        let cwd = realPath(FileManager.default.currentDirectoryPath)
        if target == "/" { return "\(path) is the root folder; it is never replaced" }
        if target == cwd { return "\(path) is the working directory; it is never replaced (choose a new folder for --out)" }
        if cwd.hasPrefix(target + "/") { return "\(path) holds the working directory; it is never replaced (choose a new folder for --out)" }
        let home = realPath(NSHomeDirectory())
        if target == home || home.hasPrefix(target + "/") { return "\(path) is the home folder or holds it; it is never replaced" }
        return nil
    }

    /// The absolute path with symbolic links, `.` and `..` resolved (as far as it exists).
    static func realPath(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if realpath(path, &buffer) != nil { return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The names an export's `run.json` accounts for, or nil if it is not deliverysim's.
    public static func exportFiles(_ manifest: String) -> Set<String>? {
        guard let data = smallFile(manifest),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              object["format"] as? String == exportFormat else { return nil }
        var names: Set<String> = ["run.json"]
        for file in object["files"] as? [Any] ?? [] { if let name = file as? String { names.insert(name) } }
        for scenario in object["scenarios"] as? [Any] ?? [] {
            if let name = (scenario as? [String: Any])?["yaml"] as? String { names.insert(name) }
        }
        return names
    }

    static func isCalibration(_ file: String) -> Bool {
        guard let data = smallFile(file) else { return false }
        return data.starts(with: Data(calibrationSignature.utf8))
    }

    private static func smallFile(_ path: String) -> Data? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
              size.intValue <= markerLimit else { return nil }
        return FileManager.default.contents(atPath: path)
    }

    /// Removes the staging folders (`.NAME.partial-PID-UUID`) and set-aside old folders
    /// (`.NAME.replaced-PID-UUID`) that an earlier run writing `name` in `parent` left when it was
    /// killed: only those whose process is gone. Returns the names removed.
    @discardableResult
    public static func removeStale(of name: String, in parent: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var removed: [String] = []
        for entry in entries {
            for kind in [".partial-", ".replaced-"] {
                let prefix = "." + name + kind
                guard entry.hasPrefix(prefix) else { continue }
                var rest = entry.dropFirst(prefix.count)
                if rest.hasSuffix(".removing") { rest = rest.dropLast(".removing".count) }
                guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
                      UUID(uuidString: String(rest[rest.index(after: dash)...])) != nil else { continue }
                guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
                if (try? FileManager.default.removeItem(atPath: parent + "/" + entry)) != nil { removed.append(entry) }
            }
        }
        return removed
    }
}
