import DeliveryModel

/// Numbers in the unit a person would say: durations in minutes, hours, days or weeks,
/// frequencies as "3 a day", "2 a week" or "every 26 days", shares as percentages.
///
/// The model's clock is wall-clock hours (a lead time is `now − start` on the simulation clock,
/// nights and weekends included; working hours only enter through the work calendar), so a day
/// here is a calendar day of 24 hours and a week 7 such days — never working days.
///
/// Rounding keeps two significant digits and whole numbers from 10 up (609.1 h → "25 days",
/// 3.26 h → "3.3 h"), which is as much as a reader takes from a glance; JSON and CSV keep full
/// precision. Intervals are shown in the unit of their mean: "25 d (23–27)".
public enum HumanUnits {
    /// Long unit names for sentences ("25 days") or short ones for tables ("25 d").
    public enum Form: Sendable { case long, short }

    /// A number with its unit, the unit chosen for the value (``duration(hours:form:)``).
    public struct Amount: Sendable, Equatable {
        /// The number in `unit`, already rounded for display.
        public var number: String
        /// The unit text ("days", "d", "a day", …); for `every`, the unit of the interval.
        public var unit: String
        /// True for "every N unit" (a frequency below one a week).
        public var every: Bool
        /// The whole text, e.g. "25 days", "3 a day", "every 26 days".
        public var text: String { every ? "every \(number) \(unit)" : unit.isEmpty ? number : unit.hasPrefix("/") ? number + unit : "\(number) \(unit)" }
    }

    // MARK: durations

    /// The units a duration is said in, smallest first, with their length in hours and where the
    /// next one takes over (in hours of the value).
    private static let durationUnits: [(hours: Double, upTo: Double, long: String, longOne: String, short: String)] = [
        (1.0 / 60, 1, "minutes", "minute", "min"),
        (1, 48, "hours", "hour", "h"),
        (24, 8 * 168, "days", "day", "d"),
        (168, .infinity, "weeks", "week", "wk"),
    ]

    /// The unit index for a duration of `hours`: minutes below an hour, hours below two days,
    /// days below eight weeks, weeks beyond.
    private static func durationUnit(_ hours: Double) -> Int {
        let a = abs(hours)
        return durationUnits.firstIndex { a < $0.upTo } ?? durationUnits.count - 1
    }

    /// `hours` in the unit a person would say: "45 minutes", "3.3 hours", "25 days", "12 weeks".
    public static func duration(hours: Double, form: Form = .long) -> String {
        durationAmount(hours: hours, form: form).text
    }

    /// ``duration(hours:form:)`` as number and unit.
    public static func durationAmount(hours: Double, form: Form = .long) -> Amount {
        guard hours.isFinite else { return Amount(number: hours.isNaN ? "—" : "∞", unit: form == .long ? "hours" : "h", every: false) }
        let unit = durationUnits[durationUnit(hours)]
        return durationAmount(hours: hours, unit: unit, form: form)
    }

    private static func durationAmount(hours: Double, unit: (hours: Double, upTo: Double, long: String, longOne: String, short: String),
                                       form: Form) -> Amount {
        let number = rounded(hours / unit.hours)
        let name = form == .short ? unit.short : (number == "1" ? unit.longOne : unit.long)
        return Amount(number: number, unit: name, every: false)
    }

    /// A duration with its interval in the mean's unit: "25 d (23–27)".
    public static func duration(hours mean: Double, low: Double?, high: Double?, form: Form = .short) -> String {
        let amount = durationAmount(hours: mean, form: form)
        guard let low, let high, mean.isFinite else { return amount.text }
        let unit = durationUnits[durationUnit(mean)]
        return "\(amount.text) \(interval(low / unit.hours, high / unit.hours))"
    }

    // MARK: frequencies

    /// Events per day as a person says it: "3.2 a day" from one a day up, "2.5 a week" from one a
    /// week up, "every 26 days" below (or "every 10 weeks" from eight weeks between events),
    /// "none" for zero.
    public static func frequency(perDay rate: Double, form: Form = .long) -> String {
        frequencyAmount(perDay: rate, form: form).text
    }

    /// ``frequency(perDay:form:)`` as number and unit.
    public static func frequencyAmount(perDay rate: Double, form: Form = .long) -> Amount {
        guard rate.isFinite else { return Amount(number: "—", unit: "", every: false) }
        if rate <= 0 { return Amount(number: "none", unit: "", every: false) }
        switch frequencyUnit(rate) {
        case .perDay: return Amount(number: rounded(rate), unit: form == .long ? "a day" : "/d", every: false)
        case .perWeek: return Amount(number: rounded(rate * 7), unit: form == .long ? "a week" : "/wk", every: false)
        case .every:
            let gap = durationAmount(hours: 24 / rate, unit: durationUnits[durationUnit(24 / rate) == 3 ? 3 : 2], form: form)
            return Amount(number: gap.number, unit: gap.unit, every: true)
        }
    }

    /// A frequency with its interval in the mean's unit: "3 a day (2.6–3.5)", "every 26 d (23–30)"
    /// (for "every", the bounds are the gaps of the interval's two ends, shortest first).
    public static func frequency(perDay mean: Double, low: Double?, high: Double?, form: Form = .short) -> String {
        let amount = frequencyAmount(perDay: mean, form: form)
        guard let low, let high, mean.isFinite, mean > 0 else { return amount.text }
        switch frequencyUnit(mean) {
        case .perDay: return "\(amount.text) \(interval(low, high))"
        case .perWeek: return "\(amount.text) \(interval(low * 7, high * 7))"
        case .every:
            let unitHours = durationUnit(24 / mean) == 3 ? 168.0 : 24.0
            guard low > 0 else { return "\(amount.text) (\(rounded(24 / high / unitHours))–∞)" }
            return "\(amount.text) \(interval(24 / high / unitHours, 24 / low / unitHours))"
        }
    }

    private enum FrequencyUnit { case perDay, perWeek, every }

    private static func frequencyUnit(_ perDay: Double) -> FrequencyUnit {
        if perDay >= 1 { return .perDay }
        if perDay * 7 >= 1 { return .perWeek }
        return .every
    }

    // MARK: shares

    /// A share in [0, 1] as a percentage: "12%", "3.5%", "0.4%".
    public static func share(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return rounded(value * 100) + "%"
    }

    /// A share with its interval: "12% (9.1–15)".
    public static func share(_ mean: Double, low: Double?, high: Double?) -> String {
        guard let low, let high else { return share(mean) }
        return "\(share(mean)) \(interval(low * 100, high * 100))"
    }

    // MARK: any metric

    /// A metric's mean (and interval) in human units, chosen by its definition: durations,
    /// frequencies (rates per day, counts and rates per week), shares; other quantities with
    /// two significant digits and their unit. "—" when there is no mean.
    public static func metric(_ name: String, mean: Double?, low: Double? = nil, high: Double? = nil, form: Form = .short) -> String {
        guard let mean else { return "—" }
        let definition = MetricRegistry.definition(of: name)
        switch kind(of: definition) {
        case .duration: return duration(hours: mean, low: low, high: high, form: form)
        case .perDay: return frequency(perDay: mean, low: low, high: high, form: form)
        case .perWeek:
            // Counted per week, said per week from one a week up to a hundred (14 changes a week,
            // not 2 a day); beyond, per day; below, "every N days".
            guard mean >= 1 && mean < 100 else {
                return frequency(perDay: mean / 7, low: low.map { $0 / 7 }, high: high.map { $0 / 7 }, form: form)
            }
            let text = rounded(mean) + (form == .long ? " a week" : "/wk")
            guard let low, let high else { return text }
            return "\(text) \(interval(low, high))"
        case .share: return share(mean, low: low, high: high)
        case .other:
            let unit = definition.map { $0.unit == "count" || $0.unit == "share" ? "" : " " + $0.unit } ?? ""
            guard let low, let high else { return rounded(mean) + unit }
            return "\(rounded(mean))\(unit) \(interval(low, high))"
        }
    }

    /// How a metric is said.
    public enum Kind: Sendable { case duration, perDay, perWeek, share, other }

    /// How the metric `definition` is said (by its quantity and unit).
    public static func kind(of definition: MetricDefinition?) -> Kind {
        guard let definition else { return .other }
        switch definition.quantity {
        case .duration: return definition.unit == "h" ? .duration : .other
        case .share: return .share
        case .rate, .count:
            if definition.unit == "/day" { return .perDay }
            if definition.unit == "/\(MetricDefinition.countPeriodName)" { return .perWeek }
            return .other
        case .total, .ratio, .level, .score: return .other
        }
    }

    // MARK: rounding

    /// An interval "(23–27)": two significant digits, or, when the two ends would read the
    /// same, one or two more decimals for both ends alike, so that a narrow interval reads
    /// "(14.0–14.1)", never "(14–14)".
    public static func interval(_ low: Double, _ high: Double) -> String {
        let a = rounded(low), b = rounded(high)
        guard a == b, low != high, low.isFinite, high.isFinite else { return "(\(a)–\(b))" }
        var magnitude = 0
        var m = max(abs(low), abs(high))
        while m >= 10 { m /= 10; magnitude += 1 }
        while m < 1 && m > 0 { m *= 10; magnitude -= 1 }
        var decimals = max(0, 1 - magnitude)
        var x = NumberText.fixed(low, decimals), y = NumberText.fixed(high, decimals)
        while x == y && decimals < max(0, 1 - magnitude) + 2 {
            decimals += 1
            x = NumberText.fixed(low, decimals)
            y = NumberText.fixed(high, decimals)
        }
        return "(\(x)–\(y))"
    }

    /// Two significant digits, whole numbers from 10 up, no trailing zeros: 0.043 → "0.043",
    /// 3.26 → "3.3", 25.4 → "25", 609.1 → "609", 2.0 → "2".
    public static func rounded(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "—" : (x > 0 ? "∞" : "-∞") }
        let a = abs(x)
        if a >= 9.95 { return (x < 0 ? "-" : "") + NumberText.grouped(a) }
        if a == 0 { return "0" }
        var digits = 1
        var scale = 10.0
        while a * scale < 9.95 && digits < 6 {
            digits += 1
            scale *= 10
        }
        var text = NumberText.fixed(x, digits)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
