import Foundation
import SimRandom

/// `--set key.path=value` overrides applied to the merged document before validation.
enum Overrides {
    static let file = "--set"

    /// One step of a key path: a mapping key (or a sequence element's `name`), or a list index.
    enum Segment: Equatable {
        case key(String)
        case index(Int)
    }

    /// Applies `overrides` to `root` in order; malformed ones are recorded in `errors`.
    static func apply(_ overrides: [String], to root: inout YNode, errors: inout [ScenarioError]) {
        for text in overrides {
            guard let equals = text.firstIndex(of: "=") else {
                errors.append(ScenarioError(file: file, message: "`\(text)` is not of the form key.path=value"))
                continue
            }
            var pathText = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
            let valueText = String(text[text.index(after: equals)...])
            let segments: [Segment]
            switch parsePath(pathText) {
            case .success(let parsed): segments = parsed
            case .failure(let problem):
                if pathText.count > 200 { pathText = String(pathText.prefix(200)) + "…" }
                let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
                errors.append(ScenarioError(file: file, keyPath: pathText, message: "bad key path in `\(shown)`: \(problem.message)"))
                continue
            }
            if segments.first == .key("extends") {
                errors.append(ScenarioError(file: file, keyPath: pathText, message: "`extends` cannot be set from the command line; edit the file"))
                continue
            }
            var parseErrors: [ScenarioError] = []
            let value: YNode
            switch YAMLText.parse(valueText, file: file, errors: &parseErrors) {
            case .failed:
                let detail = parseErrors.first?.message ?? "invalid YAML"
                errors.append(ScenarioError(file: file, keyPath: pathText, message: "value `\(valueText)` in `\(text)`: \(detail)"))
                continue
            case .empty:
                value = YNode.null(origin: Origin(file: file))
            case .document(let node):
                value = withoutPositions(node)
            }
            if let problem = set(value, at: segments[...], in: &root, walked: "") {
                errors.append(ScenarioError(file: file, keyPath: pathText, message: "cannot set `\(text)`: \(problem)"))
            }
        }
    }

    /// Override values have no meaningful line and column in a file.
    private static func withoutPositions(_ node: YNode) -> YNode {
        var copy = node
        copy.origin = Origin(file: file)
        switch node.value {
        case .scalar: break
        case .mapping(let entries):
            copy.value = .mapping(entries.map { YEntry(key: $0.key, keyOrigin: Origin(file: file), value: withoutPositions($0.value)) })
        case .sequence(let items):
            copy.value = .sequence(items.map(withoutPositions))
        }
        return copy
    }

    struct PathProblem: Error {
        var message: String
    }

    /// `stages[0].wip_limit` → [key stages, index 0, key wip_limit].
    /// The deepest key path `--set` accepts (a scenario's deepest key has 6 levels).
    static let maxPathDepth = 64

    static func parsePath(_ text: String) -> Result<[Segment], PathProblem> {
        guard !text.isEmpty else { return .failure(PathProblem(message: "the key path is empty")) }
        let dots = text.reduce(0) { $1 == "." || $1 == "[" ? $0 + 1 : $0 }
        guard dots < maxPathDepth else {
            return .failure(PathProblem(message: "the key path has more than \(maxPathDepth) levels (the limit of --set)"))
        }
        var segments: [Segment] = []
        let characters = Array(text)
        var i = 0
        var expectKey = true
        while i < characters.count {
            if expectKey {
                var name = ""
                while i < characters.count, characters[i] != ".", characters[i] != "[", characters[i] != "]" {
                    name.append(characters[i])
                    i += 1
                }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else {
                    return .failure(PathProblem(message: "empty key in `\(text)`"))
                }
                segments.append(.key(trimmed))
                expectKey = false
            } else if characters[i] == "." {
                i += 1
                expectKey = true
                if i == characters.count { return .failure(PathProblem(message: "`\(text)` ends with `.`")) }
            } else if characters[i] == "[" {
                var digits = ""
                i += 1
                while i < characters.count, characters[i] != "]" {
                    digits.append(characters[i])
                    i += 1
                }
                guard i < characters.count else { return .failure(PathProblem(message: "unclosed `[` in `\(text)`")) }
                guard let index = Int(digits.trimmingCharacters(in: .whitespaces)), index >= 0 else {
                    return .failure(PathProblem(message: "`[\(digits)]` is not a list index (a non-negative integer)"))
                }
                segments.append(.index(index))
                i += 1
            } else {
                return .failure(PathProblem(message: "unexpected `\(characters[i])` in `\(text)`"))
            }
        }
        return .success(segments)
    }

    private static func describe(_ walked: String) -> String {
        walked.isEmpty ? "the document" : "`\(walked)`"
    }

    /// Replaces the node at `path` under `node` with `value`; returns what went wrong, if anything.
    private static func set(_ value: YNode, at path: ArraySlice<Segment>, in node: inout YNode, walked: String) -> String? {
        guard let segment = path.first else {
            node = value
            return nil
        }
        let rest = path.dropFirst()
        switch (segment, node.value) {
        case (.key(let key), .mapping(var entries)):
            let here = walked.isEmpty ? key : walked + "." + key
            if let i = entries.lastIndex(where: { $0.key == key }) {
                if let problem = set(value, at: rest, in: &entries[i].value, walked: here) { return problem }
            } else {
                var child = YNode(.mapping([]), origin: Origin(file: file))
                if let problem = set(value, at: rest, in: &child, walked: here) { return problem }
                entries.append(YEntry(key: key, keyOrigin: Origin(file: file), value: child))
            }
            node.value = .mapping(entries)
            return nil
        case (.key(let key), .sequence(var items)):
            let here = walked + "." + key
            let names = items.map { $0["name"]?.scalarText }
            let index: Int
            if let byName = names.firstIndex(where: { $0 == key }) {
                index = byName
            } else if let number = Int(key), number >= 0 {
                guard number < items.count else {
                    return "index \(number) is out of range: \(describe(walked)) has \(items.count) element\(items.count == 1 ? "" : "s")"
                }
                index = number
            } else {
                let known = names.compactMap { $0 }
                return Suggestion.message("\(describe(walked)) has no element named `\(key)`", for: key, among: known,
                                          listing: known.isEmpty ? nil : "names: \(known.joined(separator: ", "))")
            }
            if let problem = set(value, at: rest, in: &items[index], walked: here) { return problem }
            node.value = .sequence(items)
            return nil
        case (.index(let number), .sequence(var items)):
            guard number < items.count else {
                return "index \(number) is out of range: \(describe(walked)) has \(items.count) element\(items.count == 1 ? "" : "s")"
            }
            if let problem = set(value, at: rest, in: &items[number], walked: walked + "[\(number)]") { return problem }
            node.value = .sequence(items)
            return nil
        case (.key, .scalar(_, .null, _)):
            // An empty value is an absent mapping: create it.
            node = YNode(.mapping([]), origin: node.origin)
            return set(value, at: path, in: &node, walked: walked)
        case (.index(let number), _):
            return "\(describe(walked)) is not a list, so `[\(number)]` does not apply"
        case (.key(let key), _):
            return "\(describe(walked)) is \(node.shortDescription), not a mapping, so `.\(key)` does not apply"
        }
    }
}
