import Export
import Foundation
import Testing
import TestSupport

/// Output folders appear whole or not at all; an existing one is kept unless forced.
@Suite struct StagedFolderTests {
    @Test func writesIntoAHiddenSiblingAndRenamesAtTheEnd() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = dir.path + "/deep/out"
        let folder = try StagedFolder.begin(target, force: false)
        try folder.write("a.csv", "x\r\n")
        // Before the commit the target does not exist; the staging folder is hidden.
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try dir.list("deep").count == 1 && dir.list("deep")[0].hasPrefix(".out.partial-"))
        try folder.commit()
        #expect(try dir.list("deep") == ["out"])
        #expect(try dir.read("deep/out/a.csv") == "x\r\n")
        #expect(try dir.list("deep/out") == ["a.csv"])  // no temporary files left
    }

    /// The exporter writes files from several threads: every one arrives, whole.
    @Test func filesWrittenFromSeveralThreadsAllArrive() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let folder = try StagedFolder.begin(dir.path + "/out", force: false)
        let failures = NSLock()
        nonisolated(unsafe) var failed = 0
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            do { try folder.write("f\(i).csv", String(repeating: "\(i),", count: 1000)) } catch { failures.withLock { failed += 1 } }
        }
        #expect(failed == 0)
        try folder.commit()
        #expect(try dir.list("out").count == 40)
        for i in [0, 17, 39] { #expect(try dir.read("out/f\(i).csv") == String(repeating: "\(i),", count: 1000)) }
    }

    /// The commit flushes every staged file before the folder appears: one that cannot be
    /// flushed (here: removed behind the program's back) stops the commit, and nothing appears.
    @Test func aFileThatCannotBeFlushedStopsTheCommit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let folder = try StagedFolder.begin(dir.path + "/out", force: false)
        try folder.write("a.csv", "a")
        try folder.write("b.csv", "b")
        try FileManager.default.removeItem(atPath: folder.path(of: "b.csv"))
        #expect { try folder.commit() } throws: { error in
            (error as? ExportError)?.message.contains("b.csv") == true
        }
        #expect(try dir.list() == [])  // neither the target nor the staging folder
    }

    @Test func refusesAnExistingFolderWithoutForce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        try dir.write("out/keep.txt", "old")
        #expect(throws: ExportError.self) { try StagedFolder.begin(dir.path + "/out", force: false) }
        #expect(throws: ExportError.self) { try StagedFolder.begin(dir.path + "/out/", force: false) }
        #expect(try dir.read("out/keep.txt") == "old")
        #expect(try dir.list() == ["out"])  // nothing staged
        // A file in the way is never replaced, even with force.
        try dir.write("file", "data")
        #expect(throws: ExportError.self) { try StagedFolder.begin(dir.path + "/file", force: true) }
    }

    @Test func forceReplacesTheWholeFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        try dir.write("out/stale.csv", "old")
        // Only a folder deliverysim wrote is replaced: its run.json carries the format marker.
        try dir.write("out/run.json", #"{"format": "deliverysim-export-1", "files": ["stale.csv"]}"#)
        let folder = try StagedFolder.begin(dir.path + "/out", force: true)
        try folder.write("new.csv", "new")
        #expect(try dir.read("out/stale.csv") == "old")  // the old folder stays until the commit
        try folder.commit()
        #expect(try dir.list("out") == ["new.csv"])
        #expect(try dir.list() == ["out"])  // neither the staging nor the old folder is left
    }

    /// A failure part way (here: an export whose scenario copy cannot be made) leaves neither
    /// the target nor a staging folder, and an existing target untouched.
    @Test func aFailedExportLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var run = try exportRun(testVariants(in: dir), replications: 2, items: false)
        run.comparison.entries[1].variant.resolvedYAML = "name: [unclosed"
        let before = try dir.list()
        #expect(throws: (any Error).self) { try Exporter.export(run, to: dir.path + "/out", force: false, report: false) }
        #expect(try dir.list() == before)
        try FileManager.default.createDirectory(atPath: dir.path + "/kept", withIntermediateDirectories: true)
        try dir.write("kept/old.csv", "old")
        #expect(throws: (any Error).self) { try Exporter.export(run, to: dir.path + "/kept", force: true, report: false) }
        #expect(try dir.list("kept") == ["old.csv"])
        #expect(try dir.list() == (before + ["kept"]).sorted())
    }

    @Test func atomicFileReplacesWhole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/f.txt"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try dir.read("f.txt") == "second")
        #expect(try dir.list() == ["f.txt"])
        #expect(throws: ExportError.self) { try AtomicFile.write("x", to: dir.path + "/missing/f.txt") }
        #expect(try dir.list() == ["f.txt"])
    }
}
