/// A quantity that holds a level over time: WIP, queue length, busy servers.
///
/// Integrates the level piecewise-constantly and reports its time average over the
/// observation window that started at the last ``reset(at:)`` (the end of warm-up). It keeps
/// only what the mean needs (the model updates levels on most events and reports their means).
public struct TimeAverage: Sendable {
    /// The current level.
    @inlinable public var level: Double { _level }
    @usableFromInline internal var _level: Double
    @usableFromInline internal var lastTime: Double
    @usableFromInline internal var start: Double
    @usableFromInline internal var area: Double = 0

    /// Starts observing at `time` with `level`.
    public init(level: Double = 0, at time: Double = 0) {
        self._level = level
        self.lastTime = time
        self.start = time
    }

    /// Sets a new level from `time` on (times must not decrease).
    @inlinable @inline(__always)
    public mutating func record(_ newLevel: Double, at time: Double) {
        let dt = time - lastTime
        area += _level * dt
        lastTime = time
        _level = newLevel
    }

    /// Adds `delta` to the level from `time` on.
    @inlinable @inline(__always)
    public mutating func add(_ delta: Double, at time: Double) {
        record(_level + delta, at: time)
    }

    /// Starts a new observation window at `time`, keeping the current level (warm-up reset).
    public mutating func reset(at time: Double) {
        area = 0
        lastTime = time
        start = time
    }

    /// The time average from the window's start to `time`, or nil for an empty window.
    public func mean(at time: Double) -> Double? {
        let span = time - start
        guard span > 0 else { return nil }
        return (area + level * (time - lastTime)) / span
    }

    /// The integral of the level over the window up to `time` (level × time).
    public func integral(at time: Double) -> Double {
        area + level * (time - lastTime)
    }
}
