import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom

/// The partial result of one shard of a sweep: its units' replication results, exactly.
///
/// Metric values are stored as IEEE-754 bit patterns, so merging restores every value bit for
/// bit and the merged exports are byte-identical to an unsharded run's.
public struct ShardFile: Codable, Sendable, Equatable {
    public static let formatName = "deliverysim-sweep-shard-1"

    public struct Metric: Codable, Sendable, Equatable {
        public var name: String
        public var bits: UInt64?
        public var reason: String?
    }

    public struct Unit: Codable, Sendable, Equatable {
        public var unit: Int
        public var events: Int
        public var itemsArrived: Int
        public var metrics: [Metric]
    }

    public var format: String
    public var sweep: String
    /// The sweep file (absolute), so that `merge` can rebuild the plan and check it still matches.
    public var sweepFile: String
    public var shard: Int
    public var shards: Int
    public var points: Int
    public var replications: Int
    public var units: [Unit]
    /// FNV-1a 64 (hex) of the file's JSON without this field (``contentChecksum``): a flipped
    /// digit or bit, or a rewritten count, is refused by `merge`. It detects damage and careless
    /// edits, not a forger who recomputes it.
    public var checksum: String?

    /// The most shards a sweep may be split into.
    public static let maxShards = 100_000

    /// The checksum of everything but ``checksum``.
    public var contentChecksum: String {
        var copy = self
        copy.checksum = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(copy)) ?? Data()
        return String(StreamSeed.fnv1a64(String(decoding: data, as: UTF8.self)), radix: 16)
    }

    /// Why the shard cannot be used (damaged, edited, or out of range), or nil.
    public var damage: String? {
        guard format == ShardFile.formatName else { return "has format `\(format)`, expected `\(ShardFile.formatName)`" }
        guard (1...ShardFile.maxShards).contains(shards), (1...shards).contains(shard) else {
            return "says it is shard \(shard) of \(shards) (at most \(ShardFile.maxShards) shards)"
        }
        guard (1...SweepSpec.maxPoints).contains(points), (2...Scenario.Keys.maxReplications).contains(replications) else {
            return "says the sweep has \(points) points × \(replications) replications, beyond the limits"
        }
        guard let checksum, checksum == contentChecksum else {
            return checksum == nil ? "carries no checksum" : "does not match its checksum (the file was changed after it was written)"
        }
        return nil
    }

    /// The shard's results, for units `units[i]` of `plan`.
    public init(plan: SweepPlan, shard: Int, of shards: Int, results: [(unit: Int, result: ReplicationResult)]) {
        format = ShardFile.formatName
        sweep = plan.fingerprint
        sweepFile = plan.file
        self.shard = shard
        self.shards = shards
        points = plan.scenarios.count
        replications = plan.replications
        units = results.map { unit, r in
            Unit(unit: unit, events: r.events, itemsArrived: r.itemsArrived,
                 metrics: r.metrics.map { Metric(name: $0.name, bits: $0.value?.bitPattern, reason: $0.reason) })
        }
        checksum = contentChecksum
    }

    /// The file name of shard `k` of `n`.
    public static func fileName(shard k: Int, of n: Int) -> String { "shard-\(k)-of-\(n).json" }
}

/// Why shards cannot be merged.
public struct MergeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension ShardFile {
    /// Combines the shards of one sweep into `results[point][replication]`, refusing shards of
    /// different sweeps, mixed shard counts, duplicates, and an incomplete set (naming the
    /// missing shards).
    public static func merge(_ shards: [ShardFile]) throws(MergeError) -> (sweep: String, results: [[ReplicationResult]]) {
        guard let first = shards.first else { throw MergeError(message: "no shard files found") }
        for s in shards {
            if let damage = s.damage { throw MergeError(message: "a shard file \(damage)") }
        }
        for s in shards where s.sweep != first.sweep || s.points != first.points || s.replications != first.replications {
            throw MergeError(message: "shards of different sweeps: \(first.sweep) (shard \(first.shard)/\(first.shards)) and \(s.sweep) (shard \(s.shard)/\(s.shards))")
        }
        for s in shards where s.shards != first.shards {
            throw MergeError(message: "shards of different splits: \(first.shard)/\(first.shards) and \(s.shard)/\(s.shards)")
        }
        let n = first.shards
        let seen = shards.map(\.shard)
        if let duplicate = Dictionary(grouping: seen, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw MergeError(message: "shard \(duplicate)/\(n) is given more than once")
        }
        let missing = (1...n).filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw MergeError(message: "incomplete: missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(n)" }.joined(separator: ", "))")
        }
        let total = first.points * first.replications
        var slots = [ReplicationResult?](repeating: nil, count: total)
        for s in shards {
            for u in s.units {
                guard (0..<total).contains(u.unit), slots[u.unit] == nil else {
                    throw MergeError(message: "shard \(s.shard)/\(n) holds unit \(u.unit) twice or out of range")
                }
                slots[u.unit] = ReplicationResult(
                    replication: u.unit % first.replications,
                    metrics: u.metrics.map { MetricValue($0.name, $0.bits.map(Double.init(bitPattern:)), reason: $0.reason) },
                    events: u.events, itemsArrived: u.itemsArrived)
            }
        }
        if let hole = slots.firstIndex(where: { $0 == nil }) {
            throw MergeError(message: "incomplete: unit \(hole) (point \(hole / first.replications + 1), replication \(hole % first.replications)) is in no shard")
        }
        let all = slots.map { $0! }
        let results = (0..<first.points).map { p in Array(all[(p * first.replications)..<((p + 1) * first.replications)]) }
        return (first.sweep, results)
    }
}
