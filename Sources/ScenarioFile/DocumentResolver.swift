import Foundation

/// Reads a scenario document and the chain of files it `extends`, and deep-merges them.
struct DocumentResolver {
    var errors: [ScenarioError] = []
    /// Files read, in the order they were read (for ordering errors).
    var files: [String] = []
    /// Bases already read in this run (none: every base is read).
    var bases: BaseDocuments?

    /// A file in an extends chain: how it is shown in messages and its canonical path.
    struct ChainLink {
        var display: String
        var canonical: String
    }

    /// Resolves the document `text` of file `display`; nil when errors were recorded.
    mutating func resolve(text: String, display: String, chain: [ChainLink]) -> YNode? {
        files.append(display)
        let link = ChainLink(display: display, canonical: DocumentResolver.canonical(display))
        let root: YNode
        switch YAMLText.parse(text, file: display, errors: &errors) {
        case .failed:
            return nil
        case .empty:
            errors.append(ScenarioError(file: display, line: 1, column: 1,
                                        message: "the file is empty; a scenario is a mapping with at least name, horizon, demand, teams and stages"))
            return nil
        case .document(let node):
            root = node
        }
        guard var entries = root.entries else {
            errors.append(ScenarioError(file: display, line: root.origin.line, column: root.origin.column,
                                        message: "a scenario file must be a mapping of keys (name, horizon, demand, …), got \(root.kindDescription)"))
            return nil
        }
        guard let index = entries.lastIndex(where: { $0.key == "extends" }) else { return root }
        let extendsNode = entries[index].value
        entries.removeAll { $0.key == "extends" }
        let child = YNode(.mapping(entries), origin: root.origin)
        if extendsNode.isNull { return child }

        let origin = extendsNode.origin
        guard let target = extendsNode.scalarText, !target.isEmpty else {
            errors.append(ScenarioError(file: display, keyPath: "extends", line: origin.line, column: origin.column,
                                        message: "must be the path of a scenario file (got \(extendsNode.shortDescription))"))
            return nil
        }
        var basePath = DocumentResolver.path(target, relativeTo: display)
        basePath = BuiltInPresets.fallback(for: basePath, exists: { FileManager.default.fileExists(atPath: $0) }) ?? basePath
        let baseCanonical = DocumentResolver.canonical(basePath)
        let fullChain = chain + [link]
        if let start = fullChain.firstIndex(where: { $0.canonical == baseCanonical }) {
            let cycle = (fullChain[start...].map(\.display) + [basePath]).joined(separator: " → ")
            errors.append(ScenarioError(file: display, keyPath: "extends", line: origin.line, column: origin.column,
                                        message: "extends cycle: \(cycle)"))
            return nil
        }
        // A base read before in this run is taken as read: one read without errors has no
        // cycle through any chain that leads to it, so the check above is all it needs.
        if let known = bases?.entry(basePath) {
            files += known.files
            return DocumentResolver.merge(known.document, child)
        }
        let baseText: String
        switch DocumentResolver.readText(basePath) {
        case .success(let text): baseText = text
        case .failure(let problem):
            errors.append(ScenarioError(file: display, keyPath: "extends", line: origin.line, column: origin.column,
                                        message: "cannot read `\(target)` (\(basePath)): \(problem.reason)"))
            return nil
        }
        let (filesBefore, errorsBefore) = (files.count, errors.count)
        guard let base = resolve(text: baseText, display: basePath, chain: fullChain) else { return nil }
        if errors.count == errorsBefore {
            bases?.keep(BaseDocuments.Entry(document: base, files: Array(files[filesBefore...])), for: basePath)
        }
        return DocumentResolver.merge(base, child)
    }

    /// Deep merge: mappings merge key by key (child wins, base order kept, new keys appended);
    /// anything else in the child replaces the base whole.
    static func merge(_ base: YNode, _ child: YNode) -> YNode {
        guard var result = base.entries, let overrides = child.entries else { return child }
        for entry in overrides {
            if entry.value.isNull {
                // `key: null` in the child removes the inherited key (a team that merged away,
                // an approval step that is gone): the key then takes its default.
                result.removeAll { $0.key == entry.key }
                continue
            }
            if let i = result.firstIndex(where: { $0.key == entry.key }) {
                result[i].value = merge(result[i].value, entry.value)
                result[i].keyOrigin = entry.keyOrigin
            } else {
                result.append(entry)
            }
        }
        return YNode(.mapping(result), origin: child.origin)
    }

    struct ReadProblem: Error {
        var reason: String
    }

    /// The UTF-8 text of the file at `path`, or why it cannot be had.
    static func readText(_ path: String) -> Result<String, ReadProblem> {
        if BuiltInPresets.isBuiltIn(path) {
            guard let preset = BuiltInPresets.preset(path) else {
                return .failure(ReadProblem(reason: "no built-in preset of that name (deliverysim presets lists them)"))
            }
            return .success(preset.text)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadProblem(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(ReadProblem(reason: "it is a directory")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadProblem(reason: "it cannot be read (permissions?)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadProblem(reason: "it is not UTF-8 text"))
        }
        return .success(text)
    }

    /// `target` relative to the directory of `file`, unless absolute.
    static func path(_ target: String, relativeTo file: String) -> String {
        // Inside a built-in file, `extends` names another built-in file.
        if BuiltInPresets.isBuiltIn(file) {
            return BuiltInPresets.preset(target)?.path ?? BuiltInPresets.scheme + target
        }
        if target.hasPrefix("/") { return target }
        let directory = (file as NSString).deletingLastPathComponent
        if directory.isEmpty || file == "<string>" { return target }
        return (directory as NSString).appendingPathComponent(target)
    }

    static func canonical(_ path: String) -> String {
        if BuiltInPresets.isBuiltIn(path) { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
