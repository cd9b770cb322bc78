import ScenarioFile

/// The grid of a what-if run: `--vary key.path=v1,v2,v3` options combined as a Cartesian product.
public struct WhatIfGrid: Sendable, Equatable {
    public var axes: [Axis]

    public init(axes: [Axis]) {
        self.axes = axes
    }

    /// Every combination of values as overrides (`key=value`), the first axis varying slowest;
    /// the first point takes every axis's first value.
    public var points: [[String]] { Axis.grid(axes) }
}
