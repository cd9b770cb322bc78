/// Counts of whole numbers (days after the start, or items) in bins of a round width, at most
/// ``maxBins`` of them: what the forecast's histograms draw.
public struct ForecastHistogram: Sendable, Equatable {
    /// The first bin's lowest value; bin b holds [low + b·width, low + (b+1)·width).
    public var low: Int
    public var width: Int
    public var counts: [Int]
    /// Values left out of the bins (replications unfinished by the horizon).
    public var beyond: Int

    /// The most bins drawn.
    public static let maxBins = 24
    /// Bin widths for days (a day, a week, two, four, a quarter, a year …) and for counts.
    public static let dayWidths = [1, 2, 7, 14, 28, 91, 182, 364, 728, 1820, 3640, 36400]
    public static let countWidths = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000]

    /// Bins for `values` (nil: beyond) with the smallest width of `widths` giving at most
    /// ``maxBins`` bins; bins start at a multiple of the width (dates: a whole number of
    /// widths from the start).
    public init(_ values: [Int?], widths: [Int]) {
        let present = values.compactMap { $0 }
        beyond = values.count - present.count
        guard let minValue = present.min(), let maxValue = present.max() else {
            low = 0; width = widths[0]; counts = []
            return
        }
        func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        let w = widths.first { floorDiv(maxValue, $0) - floorDiv(minValue, $0) + 1 <= ForecastHistogram.maxBins } ?? widths[widths.count - 1]
        width = w
        low = floorDiv(minValue, w) * w
        var counts = Array(repeating: 0, count: floorDiv(maxValue, w) - floorDiv(minValue, w) + 1)
        for v in present { counts[(v - low) / w] += 1 }
        self.counts = counts
    }

    /// The bin holding `value`, if any.
    public func bin(of value: Int) -> Int? {
        guard value >= low else { return nil }
        let b = (value - low) / width
        return b < counts.count ? b : nil
    }
}
