/// When finished changes go to production.
public enum ReleasePolicy: Sendable, Equatable {
    /// Each change is released on its own as soon as it is ready.
    case continuous
    /// A release train every `every` hours takes everything ready.
    case scheduled(every: Double)
    /// A release whenever `size` changes are ready.
    case batch(size: Int)
}
