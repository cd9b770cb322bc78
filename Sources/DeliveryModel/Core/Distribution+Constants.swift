import SimRandom

extension Distribution {
    /// The constant 0: a probability that never fires, a duration that takes no time.
    public static let never = try! Distribution.constant(0)
    /// The constant 0 as a duration.
    public static let zero = never
}
