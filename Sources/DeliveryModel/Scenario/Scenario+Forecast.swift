extension Scenario {
    /// The scenario as a forecast runs it: from time 0 at midnight of `start` (the calendar's
    /// weekdays and holidays placed from it), without warm-up, to `horizon`, with a scope of
    /// `items` items in the backlog at time 0 — of class `workClass`, or drawn by share — in
    /// place of the file's starting backlog (nil `items`: the file's backlog is the scope).
    /// Arrivals, if the scenario has them, go on from time 0 and compete for the same people.
    public func forecasting(items: Int?, workClass: Int?, start: CalendarDate, horizon: Double) -> Scenario {
        var s = self
        s.calendar = calendar.starting(at: start)
        s.warmup = 0
        s.horizon = horizon
        if let items {
            s.demand.backlog = workClass == nil ? items : 0
            for c in s.demand.classes.indices { s.demand.classes[c].backlog = c == workClass ? items : 0 }
        }
        return s
    }
}
