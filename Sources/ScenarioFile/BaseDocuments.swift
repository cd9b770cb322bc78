import Foundation

/// The `extends` bases read during one run, parsed and merged once and shared by every scenario
/// of a comparison that names them (the maturity presets all extend `cd-common.yaml` or
/// `mlops-common.yaml`). Keyed by the base's path as resolved (the path its messages name);
/// only a base read without errors is kept, so messages are those of a fresh read. Safe to
/// share between the threads that load scenarios.
public final class BaseDocuments: @unchecked Sendable {
    /// A base after its own `extends`: the merged document and the files its chain read.
    struct Entry {
        var document: YNode
        var files: [String]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// The base at `path` if it has been read in this run.
    func entry(_ path: String) -> Entry? {
        lock.withLock { entries[path] }
    }

    /// Keeps the base at `path` (two threads may both read it: the documents are equal).
    func keep(_ entry: Entry, for path: String) {
        lock.withLock { entries[path] = entry }
    }
}
