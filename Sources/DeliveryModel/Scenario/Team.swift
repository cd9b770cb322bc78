/// A team of interchangeable people.
public struct Team: Sendable {
    public var name: String
    public var people: Int
    public init(name: String, people: Int) {
        self.name = name
        self.people = people
    }
}
