import Foundation

/// The repository's root (for `scenarios/`), found from this file's path
/// (`Tests/TestSupport/RepositoryPaths.swift`).
public let repositoryRootURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The repository's root as a path.
public var repositoryRoot: String { repositoryRootURL.path }

/// The `deliverysim` executable built beside the tests (`.build/<configuration>/deliverysim`).
public func deliverysimPath() throws -> String {
    var candidates: [String] = []
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = runner.deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("deliverysim").path)
        dir = dir.deletingLastPathComponent()
    }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
    throw TestFailure("no deliverysim executable beside the test runner (looked at \(candidates))")
}
