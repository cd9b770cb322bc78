/// Why steps could not be extracted from two scenario documents.
public struct StepError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
