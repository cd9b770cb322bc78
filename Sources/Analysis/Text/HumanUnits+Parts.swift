import Foundation

extension HumanUnits {
    /// ``metric(_:mean:low:high:form:)`` as its value ("25 d") and its interval ("(23–27)"),
    /// for views that put the interval under the value.
    public static func metricParts(_ name: String, mean: Double?, low: Double?, high: Double?,
                                   form: Form = .short) -> (value: String, interval: String?) {
        let text = metric(name, mean: mean, low: low, high: high, form: form)
        guard low != nil, high != nil, text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else {
            return (text, nil)
        }
        return (String(text[..<open.lowerBound]), String(text[text.index(after: open.lowerBound)...]))
    }
}
