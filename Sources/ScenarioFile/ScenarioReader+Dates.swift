import DeliveryModel

/// Dates in a scenario file: the calendar's start and its holidays.
extension ScenarioReader {
    /// `YYYY-MM-DD`.
    func readDate(_ node: YNode, _ path: String) -> CalendarDate? {
        if let text = node.scalarText, let date = CalendarDate(text) { return date }
        reader.fail(node.origin, path, "must be a date like 2027-01-04 (YYYY-MM-DD, years \(CalendarDate.years.lowerBound)-\(CalendarDate.years.upperBound); got \(node.shortDescription))")
        return nil
    }

    /// A list of dates and `{from: date, to: date}` ranges, at most ``Limits/maxHolidayDays`` days in all.
    func readHolidays(_ node: YNode, _ path: String) -> [Holiday]? {
        guard let items = node.items else {
            reader.fail(node.origin, path, "must be a list of dates and ranges like [2026-12-25, {from: 2026-12-24, to: 2027-01-01}] (got \(node.shortDescription))")
            return nil
        }
        var holidays: [Holiday] = []
        var valid = true
        var days = 0
        for (i, item) in items.enumerated() {
            let itemPath = "\(path)[\(i)]"
            if item.entries != nil {
                guard let fields = reader.fields(item, itemPath, allowed: ["from", "to"], required: ["from", "to"],
                                                 example: "{from: 2026-12-24, to: 2027-01-01}"),
                      let fromNode = fields["from"], let toNode = fields["to"] else { valid = false; continue }
                guard let from = readDate(fromNode, fields.path("from")), let to = readDate(toNode, fields.path("to")) else { valid = false; continue }
                guard from <= to else {
                    reader.fail(item.origin, itemPath, "the range must not end (\(to)) before it starts (\(from))")
                    valid = false
                    continue
                }
                holidays.append(Holiday(from: from, to: to))
            } else {
                guard let date = readDate(item, itemPath) else { valid = false; continue }
                holidays.append(Holiday(date))
            }
            days += holidays.last!.days
            if days > Limits.maxHolidayDays {
                reader.fail(item.origin, itemPath, "the holidays cover more than \(Limits.maxHolidayDays) days, the limit")
                return nil
            }
        }
        return valid ? holidays : nil
    }
}
