import DeliveryModel
import Foundation

/// The one sentence a reader takes from a comparison: its largest significant change against
/// the baseline, in plain words.
///
/// Candidates are the headline metrics (``metrics``: the four DORA keys, throughput and the
/// arrival → production lead time) of every scenario that is not a baseline, whose paired 95%
/// interval of the difference excludes zero. The largest is the one with the largest factor
/// between the two means, |ln(new / old)|, so that halving a lead time and doubling a frequency
/// weigh the same; ties go to the earlier scenario and metric.
public enum Headline {
    /// The metrics a headline may speak of, in order of preference on ties, with their names in words.
    public static let metrics: [(metric: String, words: String)] = [
        (DORAKey.leadTime.metric, "lead time for changes"),
        (DORAKey.deploymentFrequency.metric, "deployment frequency"),
        (DORAKey.changeFailureRate.metric, "change failure rate"),
        (DORAKey.timeToRestore.metric, "time to restore"),
        (MetricDefinition.leadTime.name, "lead time from arrival to production"),
        (MetricDefinition.throughput.name, "throughput"),
    ]

    /// E.g. "Continuous deployment cuts lead time for changes from 25 days to 3.1 hours (−88%)
    /// against cd-base"; nil if no headline metric changed significantly.
    public static func text(_ comparison: Comparison) -> String? {
        var best: (size: Double, text: String)?
        for entry in comparison.entries where !entry.isBaseline {
            let baseline = comparison.entries[entry.baseline]
            for (name, words) in metrics {
                guard let metric = entry.metric(name), let difference = metric.difference, difference.excludesZero,
                      let new = metric.summary.mean, let old = baseline.metric(name)?.summary.mean,
                      old > 0, new > 0 else { continue }
                let size = abs(log(new / old))
                guard size > (best?.size ?? 0) else { continue }
                let verb = new < old ? "cuts" : "raises"
                let change = difference.percent.map { Self.change(percent: $0) }.map { " (\($0))" } ?? ""
                let from = Self.said(HumanUnits.metric(name, mean: old, form: .long))
                let to = Self.said(HumanUnits.metric(name, mean: new, form: .long))
                best = (size, "\(entry.variant.label) \(verb) \(words) from \(from) to \(to)\(change) against \(baseline.variant.label)")
            }
        }
        return best?.text
    }

    /// "every 26 days" reads "once every 26 days" after "from" and "to".
    static func said(_ text: String) -> String { text.hasPrefix("every ") ? "once " + text : text }

    /// A change as a person says it: "−88%", "+35%", and from doubling up "×12".
    static func change(percent: Double) -> String {
        if percent >= 100 { return "×" + HumanUnits.rounded(1 + percent / 100) }
        var text = HumanUnits.rounded(abs(percent))
        if text == "100" && abs(percent) != 100 { text = NumberText.fixed(abs(percent), 1) }  // −99.5%, never a false −100%
        text += "%"
        return (percent < 0 ? "−" : "+") + text
    }
}
