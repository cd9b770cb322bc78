/// A malformed axis: a `--vary` option that is not `key.path=value1,value2,...`.
public struct AxisError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
