/// What time and failures cost (the optional `economics` section): people by the hour, delay
/// per item and week (Reinertsen's cost of delay, by class of service), and failure per
/// user-impact hour. Money has no currency here: any unit, used consistently.
public struct Economics: Sendable {
    /// Per team (the scenario's order): the cost of one person for one working hour; nil: not costed.
    public var personHour: [Double?]
    /// Per class (the scenario's order): the value lost per item per week it is not in
    /// production (from arrival to delivery); nil: not costed.
    public var delayPerWeek: [Double?]
    /// The cost of one hour of failure for all users (a `user_impact_hours` hour); nil: not costed.
    public var incidentHour: Double?

    public init(personHour: [Double?], delayPerWeek: [Double?], incidentHour: Double?) {
        self.personHour = personHour
        self.delayPerWeek = delayPerWeek
        self.incidentHour = incidentHour
    }
}
