import DequeModule

/// A FIFO buffer of limited capacity whose full state blocks its upstream (a WIP limit).
///
/// ``offer(_:)`` puts an item in if there is room; if the buffer is full the item is held as
/// *blocked* — its sender may not proceed — in the order it arrived. ``take()`` removes the
/// head and, if an item was blocked, admits it in the freed place and returns it, so that the
/// model can release the upstream that was holding it.
public struct BoundedQueue<Item> {
    /// The most items the buffer holds.
    public let capacity: Int
    @usableFromInline internal var items: Deque<Item> = []
    @usableFromInline internal var blocked: Deque<Item> = []

    /// Whether an offered item got in.
    public enum Admission: Equatable, Sendable {
        /// The item is in the buffer.
        case accepted
        /// The buffer is full; the item waits outside and its sender is blocked.
        case blocked
    }

    /// An empty buffer holding at most `capacity` (≥ 1) items.
    public init(capacity: Int) {
        precondition(capacity >= 1, "a bounded queue needs a capacity of at least 1")
        self.capacity = capacity
    }

    /// Items in the buffer.
    @inlinable public var count: Int { items.count }
    /// Items blocked outside the full buffer.
    @inlinable public var blockedCount: Int { blocked.count }
    /// True if the buffer is full.
    @inlinable public var isFull: Bool { items.count >= capacity }
    /// True if the buffer holds nothing.
    @inlinable public var isEmpty: Bool { items.isEmpty }
    /// The head of the buffer, if any.
    @inlinable public var first: Item? { items.first }

    /// Offers `item`: it enters if there is room, else it is held as blocked.
    @inlinable
    public mutating func offer(_ item: Item) -> Admission {
        if items.count < capacity {
            items.append(item)
            return .accepted
        }
        blocked.append(item)
        return .blocked
    }

    /// Removes the head. If an item was blocked, it enters the freed place and is returned as
    /// `admitted`, so its sender can be unblocked.
    @inlinable
    public mutating func take() -> (item: Item, admitted: Item?)? {
        guard let head = items.popFirst() else { return nil }
        if let waiting = blocked.popFirst() {
            items.append(waiting)
            return (head, waiting)
        }
        return (head, nil)
    }
}
