import ArgumentParser

/// `deliverysim bench`: performance figures, printed, never asserted by unit tests.
struct Bench: ParsableCommand {
    // Named here rather than derived from the type's name: deriving it (`String(describing:)` of
    // the type) costs the process four protocol-conformance scans at every start.
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory; without a subcommand, the whole suite.",
        subcommands: [SuiteBench.self, KernelBench.self, ModelBench.self, PipelineBench.self, ScalingBench.self, ScalingProbe.self,
                      CalendarBench.self, RandomBench.self, CalibrateBench.self, MemoryProbe.self],
        defaultSubcommand: SuiteBench.self
    )
}

/// Wall-clock timing of a block.
func measure<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    let (s, attoseconds) = elapsed.components
    return (result, Double(s) + Double(attoseconds) * 1e-18)
}

