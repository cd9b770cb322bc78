import DeliveryModel
import Foundation

/// A scenario read from a file: the typed value and the document it came from.
public struct LoadedScenario: Sendable {
    /// Typed and validated.
    public var scenario: Scenario
    /// The fully merged document (after `extends` and `--set` overrides) as YAML, keys in file
    /// order. Loading it again gives the same scenario.
    public var resolvedYAML: String
    /// What loading did that a user should know: distributions fitted to data, with their
    /// parameters. The command line prints these on standard error.
    public var notes: [String] = []
    /// The path the scenario was loaded from, as given.
    public var path: String

    public init(scenario: Scenario, resolvedYAML: String, path: String) {
        self.scenario = scenario
        self.resolvedYAML = resolvedYAML
        self.path = path
    }
}

/// Loads YAML scenario files: parses, resolves `extends`, applies `--set` overrides, validates
/// and builds the typed ``Scenario``. Every problem found is reported, with file, key path,
/// line and column, in one ``ScenarioErrors``.
public enum ScenarioLoader {
    /// Loads the scenario file at `path` (relative to the working directory), applying
    /// `overrides` such as `stages[0].wip_limit=4` or `release.policy={batch: {size: 5}}`.
    /// `bases` shares the files it `extends` with the other scenarios of a run.
    public static func load(path: String, overrides: [String] = [], bases: BaseDocuments? = nil) throws -> LoadedScenario {
        try resolve(path: path, bases: bases).load(overrides: overrides)
    }

    /// Loads a scenario from YAML text; `path` names it in messages, and `extends` is resolved
    /// relative to its directory.
    public static func load(yaml: String, path: String = "<string>", overrides: [String] = []) throws -> LoadedScenario {
        try resolve(yaml: yaml, path: path).load(overrides: overrides)
    }

    /// The scenario file at `path` parsed and merged with the files it extends, not yet read:
    /// the one document many variants are built from (the points of a sweep).
    public static func resolve(path: String, bases: BaseDocuments? = nil) throws -> ResolvedDocument {
        // A preset's name that is no file on disk is the built-in preset (BuiltInPresets).
        let path = BuiltInPresets.fallback(for: path, exists: { FileManager.default.fileExists(atPath: $0) }) ?? path
        switch DocumentResolver.readText(path) {
        case .success(let contents): return try resolve(yaml: contents, path: path, bases: bases)
        case .failure(let problem):
            throw ScenarioErrors([ScenarioError(file: path, message: "cannot read the scenario file: \(problem.reason)")])
        }
    }

    /// YAML text parsed and merged with the files it extends (see ``resolve(path:)``).
    public static func resolve(yaml: String, path: String = "<string>", bases: BaseDocuments? = nil) throws -> ResolvedDocument {
        var resolver = DocumentResolver(bases: bases)
        guard let document = resolver.resolve(text: yaml, display: path, chain: []) else {
            throw ScenarioErrors(ordered(resolver.errors, files: resolver.files))
        }
        return ResolvedDocument(document: document, files: resolver.files, path: path)
    }

    /// A scenario document after `extends`, before `--set` overrides and reading.
    public struct ResolvedDocument {
        var document: YNode
        var files: [String]
        /// The path it was loaded from, as given.
        public var path: String

        /// Applies `overrides` to a copy of the document, then validates and reads it.
        public func load(overrides: [String] = []) throws -> LoadedScenario {
            var document = self.document
            var overrideErrors: [ScenarioError] = []
            Overrides.apply(overrides, to: &document, errors: &overrideErrors)
            guard overrideErrors.isEmpty else { throw ScenarioErrors(overrideErrors) }

            let reader = ScenarioReader()
            let scenario = reader.read(document)
            guard let scenario, reader.reader.errors.isEmpty else {
                throw ScenarioErrors(ScenarioLoader.ordered(reader.reader.errors, files: files))
            }

            var loaded = LoadedScenario(scenario: scenario, resolvedYAML: try Self.emit(document, path: path), path: path)
            loaded.notes = reader.reader.notes
            return loaded
        }

        /// Applies `overrides` to a copy of the document and writes it as YAML, without reading
        /// it: for a document read already, whose copy changes only keys the caller has checked
        /// (the seed and replications a run used). The text is ``load(overrides:)``'s
        /// `resolvedYAML`.
        public func emitted(overrides: [String]) throws -> String {
            var document = self.document
            var overrideErrors: [ScenarioError] = []
            Overrides.apply(overrides, to: &document, errors: &overrideErrors)
            guard overrideErrors.isEmpty else { throw ScenarioErrors(overrideErrors) }
            return try Self.emit(document, path: path)
        }

        private static func emit(_ document: YNode, path: String) throws -> String {
            do {
                return try document.emitted()
            } catch {
                throw ScenarioErrors([ScenarioError(file: path, message: "cannot write the resolved scenario as YAML: \(error)")])
            }
        }
    }

    /// Errors grouped by file (the loaded file, then the files it extends, then `--set`), each
    /// file's in line and column order.
    static func ordered(_ errors: [ScenarioError], files: [String]) -> [ScenarioError] {
        func rank(_ file: String) -> Int {
            if let i = files.firstIndex(of: file) { return i }
            return file == Overrides.file ? files.count + 1 : files.count
        }
        return errors.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if rank(x.file) != rank(y.file) { return rank(x.file) < rank(y.file) }
            let lx = x.line ?? Int.max, ly = y.line ?? Int.max
            if lx != ly { return lx < ly }
            let cx = x.column ?? Int.max, cy = y.column ?? Int.max
            if cx != cy { return cx < cy }
            return a.offset < b.offset
        }.map(\.element)
    }
}
