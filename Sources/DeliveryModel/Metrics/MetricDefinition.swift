import SimStats

/// What a metric is: its name, unit, meaning, which way is better, and whether it is one of
/// DORA's four keys. Each metric is declared once, in its practice area's folder, and listed in
/// ``MetricRegistry``; tables, JSON, CSV, the report, `advise` and the DORA classification
/// read it from there.
public struct MetricDefinition: Sendable, Hashable {
    /// What kind of number the metric is.
    public enum Quantity: String, Sendable, CaseIterable {
        /// A time in hours (a mean over events, or a percentile).
        case duration
        /// Events per unit of time.
        case rate
        /// Events counted over the measured window of a replication, reported per week of the
        /// window (``MetricDefinition/countPeriodHours``) so that runs of different horizons and
        /// warm-ups compare.
        case count
        /// A sum over the measured window (hours of failure weighted by the users affected),
        /// reported per week of the window like a count.
        case total
        /// A share in [0, 1].
        case share
        /// A ratio of two counts (≥ 0, may exceed 1).
        case ratio
        /// A time-average level (items).
        case level
        /// A score on the scenario's own scale (model quality).
        case score

        /// The scale its confidence interval is built on, so that the interval stays in the
        /// quantity's range: logit for shares, log for quantities ≥ 0, natural for scores.
        public var intervalScale: IntervalScale {
            switch self {
            case .share: return .logit
            case .duration, .rate, .count, .total, .ratio, .level: return .log
            case .score: return .natural
            }
        }

        /// True for counts and totals: reported per week of the measured window.
        public var isPerPeriod: Bool { self == .count || self == .total }
    }

    /// Counts and totals are reported per this many hours of the measured window (a week).
    public static let countPeriodHours = 168.0
    /// The period's name in units and headers.
    public static let countPeriodName = "week"

    /// `unit` per period: `count` → `/week`, `h` → `h/week`.
    static func perPeriod(_ unit: String) -> String {
        (unit == "count" ? "" : unit) + "/" + countPeriodName
    }

    /// Which way the metric is better.
    public enum Better: String, Sendable, CaseIterable {
        case lower, higher
        /// Neither: the metric describes, it does not judge (utilization, work hours …).
        case neither
    }

    /// The base name, e.g. `lead_time_hours`; emitted names add `.p85`, `.<stage>` … (``variants``).
    public let name: String
    /// The unit as printed in tables (`h`, `/day`, `share`, `/week`, …); a count's or total's
    /// declared unit gets the period (`count` → `/week`, `h` → `h/week`).
    public let unit: String
    /// One line: what is measured, from where to where.
    public let meaning: String
    public let quantity: Quantity
    public let better: Better
    /// The DORA key it measures, if it is one.
    public let dora: DORAKey?
    /// The suffixes the metric is emitted with (`""` for the base name alone, `".p50"`,
    /// `".<stage>"`, `".<team>"`, `".<class>"`), in emission order.
    public let variants: [String]

    public init(_ name: String, unit: String, _ meaning: String, quantity: Quantity, better: Better,
                dora: DORAKey? = nil, variants: [String] = [""]) {
        self.name = name
        self.unit = quantity.isPerPeriod ? Self.perPeriod(unit) : unit
        self.meaning = meaning
        self.quantity = quantity
        self.better = better
        self.dora = dora
        self.variants = variants
    }

    /// The name of the metric for `suffix` (a stage, team or class name, or `p85`); the base
    /// name for nil.
    public func name(_ suffix: String?) -> String {
        suffix.map { "\(name).\($0)" } ?? name
    }

    /// Suffixes of a metric with the mean and the 50th, 85th and 95th percentiles.
    public static let percentiles = ["", ".p50", ".p85", ".p95"]
}
