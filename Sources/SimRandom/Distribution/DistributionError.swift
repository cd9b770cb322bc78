/// Why a distribution could not be built from its parameters.
public struct DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The distribution family ("lognormal").
    public var family: String
    /// The offending parameter, if one is to blame ("p90").
    public var parameter: String?
    /// What is wrong, in words a scenario author understands.
    public var message: String

    public init(family: String, parameter: String? = nil, message: String) {
        self.family = family
        self.parameter = parameter
        self.message = message
    }

    public var description: String {
        if let parameter { return "\(family).\(parameter): \(message)" }
        return "\(family): \(message)"
    }
}
