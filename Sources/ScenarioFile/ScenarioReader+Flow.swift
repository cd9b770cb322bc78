import DeliveryModel
import Foundation
import SimRandom

/// The flow area's sections: the demand (arrivals, starting backlog, classes of service and
/// their own work sizes) and the board-wide WIP limits.
extension ScenarioReader {
    func readDemand(_ node: YNode, stageNames: [String?], calendar: WorkCalendar) -> Demand? {
        typealias K = Demand.Keys
        guard let fields = reader.fields(node, "demand", keys: K.all,
                                         example: "{arrivals: {exponential: {mean: 6h}}}") else { return nil }
        let arrivals = reader.field(fields, K.arrivals) { node, path -> Distribution? in
            guard let distribution = reader.duration(node, path) else { return nil }
            guard distribution.mean > 0 else {
                reader.fail(node.origin, path, "the mean time between arrivals must be > 0")
                return nil
            }
            if let problem = distribution.almostSurelyZeroGaps() {
                reader.fail(node.origin, path, problem + "; give the arrivals a distribution whose gaps are not nearly always zero")
                return nil
            }
            return distribution
        }
        let backlog = reader.read(fields, K.backlog).or(K.backlog)
        let classes = reader.field(fields, K.classes) { node, path in
            readClasses(node, path, stageNames: stageNames.compactMap { $0 }, calendar: calendar)
        }.or(K.classes)
        let split = reader.field(fields, K.split, readSplit)
        let addedScope = reader.field(fields, K.addedScope) { node, path -> Distribution? in
            guard let distribution = reader.duration(node, path) else { return nil }
            guard distribution.mean > 0 else {
                reader.fail(node.origin, path, "the mean time between added items must be > 0")
                return nil
            }
            if let problem = distribution.almostSurelyZeroGaps() {
                reader.fail(node.origin, path, problem + "; give the added scope a distribution whose gaps are not nearly always zero")
                return nil
            }
            return distribution
        }
        guard !arrivals.isInvalid, let backlog, let classes, !split.isInvalid, !addedScope.isInvalid else { return nil }
        let demand = Demand(arrivals: arrivals.value, classes: classes, backlog: backlog, split: split.value, addedScope: addedScope.value)
        guard demand.arrivals != nil || demand.startingBacklog > 0 else {
            reader.fail(node.origin, "demand", "needs `arrivals`, or a starting `backlog` (a fixed scope), or both")
            return nil
        }
        return demand
    }

    /// `{probability: 0.2, into: 2-3}`.
    private func readSplit(_ node: YNode, _ path: String) -> ScopeSplit? {
        typealias K = ScopeSplit.Keys
        guard let fields = reader.fields(node, path, keys: K.all, example: "{probability: 0.2, into: 2-3}") else { return nil }
        let probability = reader.read(fields, K.probability).value
        let into = reader.field(fields, K.into) { node, path in readIntegerRange(node, path, within: 2...ScopeSplit.maxPieces) }.or(K.into)
        guard let probability, let into else { return nil }
        return ScopeSplit(probability: probability, pieces: into)
    }

    /// `3` or `2-3`, inside `bounds`.
    func readIntegerRange(_ node: YNode, _ path: String, within bounds: ClosedRange<Int>) -> ClosedRange<Int>? {
        let problem = "must be a whole number or a range like 2-3, between \(bounds.lowerBound) and \(bounds.upperBound) (got \(node.shortDescription))"
        guard let text = node.scalarText else {
            reader.fail(node.origin, path, problem)
            return nil
        }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(ends.count), let low = ends[0], let high = ends[ends.count - 1], low <= high,
              bounds.contains(low), bounds.contains(high) else {
            reader.fail(node.origin, path, problem)
            return nil
        }
        return low...high
    }

    private func readClasses(_ node: YNode, _ path: String, stageNames: [String], calendar: WorkCalendar) -> [WorkClass]? {
        guard let entries = node.entries else {
            reader.fail(node.origin, path, "must be a mapping of class name to {share: …} (got \(node.shortDescription))")
            return nil
        }
        guard !entries.isEmpty else {
            reader.fail(node.origin, path, "must name at least one class of work")
            return nil
        }
        var classes: [WorkClass] = []
        var valid = true
        for entry in entries {
            let classPath = Reader.join(path, entry.key)
            typealias K = WorkClass.Keys
            guard let fields = reader.fields(entry.value, classPath, keys: K.all, example: "{share: 0.7}") else { valid = false; continue }
            let share = reader.read(fields, K.share).value
            let skips = reader.read(fields, K.skipsWipLimits).or(K.skipsWipLimits)
            let priority = reader.read(fields, K.priority).or(K.priority)
            let backlog = reader.read(fields, K.backlog).or(K.backlog)
            let work = reader.field(fields, K.work) { node, path in readClassWork(node, path, stageNames: stageNames, calendar: calendar) }
                .or(K.work)
            guard let share, let skips, let priority, let backlog, let work else { valid = false; continue }
            classes.append(WorkClass(name: entry.key, share: share, skipsWipLimits: skips, priority: priority, backlog: backlog, work: work))
        }
        guard valid else { return nil }
        let total = classes.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-6 else {
            reader.fail(node.origin, path, "the shares must sum to 1 (got \(total))")
            return nil
        }
        return classes
    }

    /// `{develop: 2d, review: 1h}`: a person's effort per item of the class at named stages.
    private func readClassWork(_ node: YNode, _ path: String, stageNames: [String], calendar: WorkCalendar) -> [String: Distribution]? {
        guard let entries = node.entries else {
            reader.fail(node.origin, path, "must be a mapping of stage name to work, like {develop: 2d} (got \(node.shortDescription))")
            return nil
        }
        var work: [String: Distribution] = [:]
        var valid = true
        for entry in entries {
            let entryPath = Reader.join(path, entry.key)
            guard stageNames.contains(entry.key) else {
                reader.fail(entry.keyOrigin, entryPath, Reader.noSuchName("stage", entry.key, among: stageNames))
                valid = false
                continue
            }
            if let distribution = reader.effort(entry.value, entryPath, calendar: calendar) { work[entry.key] = distribution } else { valid = false }
        }
        return valid ? work : nil
    }

    /// `[{stages: [design, develop, test], limit: 5}]`: consecutive stages, spans apart.
    func readBoardLimits(_ node: YNode, _ path: String, stageNames: [String?]) -> [BoardLimit]? {
        guard let items = node.items else {
            reader.fail(node.origin, path, "must be a list like - {stages: [develop, review], limit: 5} (got \(node.shortDescription))")
            return nil
        }
        let known = stageNames.compactMap { $0 }
        var limits: [BoardLimit] = []
        var valid = true
        for (i, item) in items.enumerated() {
            typealias K = BoardLimit.Keys
            let itemPath = "\(path)[\(i)]"
            guard let fields = reader.fields(item, itemPath, keys: K.all, example: "{stages: [develop, review], limit: 5}") else { valid = false; continue }
            let limit = reader.read(fields, K.limit).value
            let span = reader.field(fields, K.stages) { node, path -> ClosedRange<Int>? in
                guard let names = node.items, !names.isEmpty else {
                    reader.fail(node.origin, path, "must be a non-empty list of stage names (got \(node.shortDescription))")
                    return nil
                }
                var indices: [Int] = []
                for (k, nameNode) in names.enumerated() {
                    guard let name = reader.string(nameNode, "\(path)[\(k)]") else { return nil }
                    guard let index = stageNames.firstIndex(of: name) else {
                        reader.fail(nameNode.origin, "\(path)[\(k)]", Reader.noSuchName("stage", name, among: known))
                        return nil
                    }
                    indices.append(index)
                }
                guard zip(indices, indices.dropFirst()).allSatisfy({ $1 == $0 + 1 }) else {
                    reader.fail(node.origin, path, "must name consecutive stages in value-stream order (stages: \(known.joined(separator: ", ")))")
                    return nil
                }
                return indices[0]...indices[indices.count - 1]
            }.value
            guard let limit, let span else { valid = false; continue }
            if let other = limits.first(where: { $0.first <= span.upperBound && span.lowerBound <= $0.last }) {
                reader.fail(item.origin, itemPath, "overlaps the limit over stages \(other.first + 1)–\(other.last + 1): a stage can be under one board-wide limit")
                valid = false
                continue
            }
            limits.append(BoardLimit(first: span.lowerBound, last: span.upperBound, limit: limit))
        }
        return valid ? limits : nil
    }
}
