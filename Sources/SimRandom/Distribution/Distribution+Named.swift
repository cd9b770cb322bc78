/// A parameter of a distribution as a scenario file gives it.
public enum DistributionParameter: Hashable, Sendable {
    /// A number (durations already converted to hours by the caller).
    case number(Double)
    /// A list of numbers (the observed values of an empirical distribution).
    case list([Double])
}

extension Distribution {
    /// The families and, for each, the parameter sets it accepts (alternatives in order).
    public static let parameterSets: [(family: String, sets: [[String]])] = [
        ("constant", [["value"]]),
        ("uniform", [["min", "max"]]),
        ("exponential", [["mean"]]),
        ("normal", [["mean", "sd"]]),
        ("lognormal", [["median", "p90"], ["mean", "sd"], ["mu", "sigma"]]),
        ("gamma", [["shape", "mean"], ["shape", "scale"]]),
        ("weibull", [["scale", "shape"]]),
        ("triangular", [["min", "mode", "max"]]),
        ("beta", [["a", "b"]]),
        ("pareto", [["shape", "scale"]]),
        ("bernoulli", [["p"]]),
        ("poisson", [["mean"]]),
        ("empirical", [["values"]]),
    ]

    /// The family names scenario files may use.
    public static var families: [String] { parameterSets.map(\.family) }

    /// Builds the distribution a scenario file names, e.g. `lognormal` with
    /// `["median": 48, "p90": 144]`. A normal distribution is truncated at zero when
    /// `isDuration` is true. Unknown families and parameters get a "did you mean" suggestion.
    public init(named family: String, parameters: [String: DistributionParameter], isDuration: Bool = true) throws {
        guard let entry = Distribution.parameterSets.first(where: { $0.family == family }) else {
            let message = Suggestion.message("unknown distribution", for: family, among: Distribution.families,
                                             listing: "one of: \(Distribution.families.joined(separator: ", "))")
            throw DistributionError(family: family, message: message)
        }
        let allowed = Set(entry.sets.joined())
        for key in parameters.keys.sorted() where !allowed.contains(key) {
            let message = Suggestion.message("unknown parameter", for: key, among: Array(allowed))
            throw DistributionError(family: family, parameter: key, message: message)
        }
        let given = Set(parameters.keys)
        guard let chosen = entry.sets.first(where: { Set($0) == given }) else {
            let options = entry.sets.map { "{" + $0.joined(separator: ", ") + "}" }.joined(separator: " or ")
            throw DistributionError(family: family, message: "takes \(options) (got {\(parameters.keys.sorted().joined(separator: ", "))})")
        }

        func number(_ key: String) throws -> Double {
            guard case .number(let value)? = parameters[key] else {
                throw DistributionError(family: family, parameter: key, message: "must be a number")
            }
            return value
        }

        switch (family, chosen) {
        case ("constant", _): self = try .constant(number("value"))
        case ("uniform", _): self = try .uniform(min: number("min"), max: number("max"))
        case ("exponential", _): self = try .exponential(mean: number("mean"))
        case ("normal", _): self = try .normal(mean: number("mean"), sd: number("sd"), truncatedAtZero: isDuration)
        case ("lognormal", ["median", "p90"]): self = try .lognormal(median: number("median"), p90: number("p90"))
        case ("lognormal", ["mean", "sd"]): self = try .lognormal(mean: number("mean"), sd: number("sd"))
        case ("lognormal", _): self = try .lognormal(mu: number("mu"), sigma: number("sigma"))
        case ("gamma", ["shape", "mean"]): self = try .gamma(shape: number("shape"), mean: number("mean"))
        case ("gamma", _): self = try .gamma(shape: number("shape"), scale: number("scale"))
        case ("weibull", _): self = try .weibull(scale: number("scale"), shape: number("shape"))
        case ("triangular", _): self = try .triangular(min: number("min"), mode: number("mode"), max: number("max"))
        case ("beta", _): self = try .beta(a: number("a"), b: number("b"))
        case ("pareto", _): self = try .pareto(shape: number("shape"), scale: number("scale"))
        case ("bernoulli", _): self = try .bernoulli(p: number("p"))
        case ("poisson", _): self = try .poisson(mean: number("mean"))
        default:
            guard case .list(let values)? = parameters["values"] else {
                throw DistributionError(family: family, parameter: "values", message: "must be a list of numbers")
            }
            self = try .empirical(values)
        }
        if isDuration && !isNonNegative {
            throw DistributionError(family: family, message: "can draw negative values, but it gives a duration")
        }
    }
}
