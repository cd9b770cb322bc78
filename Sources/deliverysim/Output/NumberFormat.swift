import Analysis

// Number formatting that does not depend on the locale (see `NumberText` in Analysis).

/// A rate with thousands separators, e.g. `12,345,678`.
func grouped(_ value: Double) -> String { NumberText.grouped(value) }

/// Fixed-point formatting without Foundation's locale.
func fixed(_ value: Double, _ digits: Int) -> String { NumberText.fixed(value, digits) }
