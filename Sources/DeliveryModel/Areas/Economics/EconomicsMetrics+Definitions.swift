extension MetricDefinition {
    public static let costOfPeople = MetricDefinition(
        "cost_of_people", unit: "cost",
        "people × working hours × the team's cost per person-hour (economics.people), paid whether busy or not; per team and in all",
        quantity: .total, better: .lower, variants: ["", ".<team>"])
    public static let costOfDelay = MetricDefinition(
        "cost_of_delay", unit: "cost",
        "item-weeks between arrival and delivery × the class's cost of delay per item-week (economics.delay); per class and in all",
        quantity: .total, better: .lower, variants: ["", ".<class>"])
    public static let costOfIncidents = MetricDefinition(
        "cost_of_incidents", unit: "cost",
        "user-impact hours (hours of failure × share of users affected) × economics.incident_hour",
        quantity: .total, better: .lower)
    public static let costTotal = MetricDefinition(
        "cost_total", unit: "cost", "cost of people + cost of delay + cost of incidents", quantity: .total, better: .lower)
}
