/// An array a model owns for one replication, read and written in its hot loop without
/// copy-on-write checks or reference counting.
///
/// A Swift array stored in a model value checks that its buffer is uniquely referenced on every
/// write, and an array of class references (random streams, say) retains and releases the
/// element it hands out. A `ModelArray` is a class over one allocation: elements are reached
/// through a pointer (`unsafeAddress`), so a read borrows the element in place and a write
/// changes it in place, with only a bounds check. It has reference semantics: copies of a model
/// holding it share it, which suits a replication's state (built once, used by one thread, never
/// copied to be changed independently). It grows by doubling with ``append(_:)``.
///
/// Its three fields skip the runtime's dynamic exclusivity checks (`@exclusivity(unchecked)`),
/// which a class's stored `var` otherwise pays on every access from another module; they are
/// only changed by ``append(_:)``, never during another access to the same array.
public final class ModelArray<Element>: RandomAccessCollection {
    @exclusivity(unchecked) @usableFromInline internal var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) @usableFromInline internal var _count: Int
    @exclusivity(unchecked) @usableFromInline internal var capacity: Int

    /// `count` copies of `value`.
    public init(repeating value: Element, count: Int) {
        precondition(count >= 0, "a count cannot be negative")
        capacity = Swift.max(count, 1)
        base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        base.initialize(repeating: value, count: count)
        _count = count
    }

    /// The elements of `elements`, in order.
    @inlinable
    public convenience init<S: Sequence>(_ elements: S) where S.Element == Element {
        let all = ContiguousArray(elements)
        self.init(capacity: all.count)
        all.withUnsafeBufferPointer { b in
            if let first = b.baseAddress { base.initialize(from: first, count: b.count) }
        }
        _count = all.count
    }

    /// An empty array with room for `capacity` elements before it grows.
    @inlinable
    public init(capacity: Int = 0) {
        precondition(capacity >= 0, "a capacity cannot be negative")
        self.capacity = Swift.max(capacity, 1)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
        _count = 0
    }

    deinit {
        base.deinitialize(count: _count)
        base.deallocate()
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { _count }
    @inlinable public var count: Int { _count }

    /// Whether `i` is an index of an element: `0 <= i < count` as one unsigned comparison (a
    /// negative `i` is a huge unsigned value; `_count` is never negative), one branch where the
    /// two signed comparisons cost two.
    @inlinable @inline(__always)
    internal func isIndex(_ i: Int) -> Bool {
        UInt(bitPattern: i) < UInt(bitPattern: _count)
    }

    /// The element at `i`, read and changed in place.
    @inlinable
    public subscript(i: Int) -> Element {
        unsafeAddress {
            precondition(isIndex(i), "index out of range")
            return UnsafePointer(base + i)
        }
        unsafeMutableAddress {
            precondition(isIndex(i), "index out of range")
            return base + i
        }
    }

    /// The address of element `i`, bounds-checked once, for a handler that reads and writes
    /// several fields of one element: each `pointer.pointee.field` then costs a load or a store,
    /// not a bounds check and a reload of the array. Valid until the array next grows
    /// (``append(_:)``): never hold it across a call that may add elements.
    @inlinable @inline(__always)
    public func address(_ i: Int) -> UnsafeMutablePointer<Element> {
        precondition(isIndex(i), "index out of range")
        return base + i
    }

    /// Adds `element` at the end (doubling the allocation when full).
    @inlinable
    public func append(_ element: Element) {
        if _count == capacity { grow(to: capacity * 2) }
        (base + _count).initialize(to: element)
        _count += 1
    }

    /// Adds `n` copies of `element` at the end.
    @inlinable
    public func append(repeating element: Element, count n: Int) {
        precondition(n >= 0, "a count cannot be negative")
        if _count + n > capacity { grow(to: Swift.max(capacity * 2, _count + n)) }
        (base + _count).initialize(repeating: element, count: n)
        _count += n
    }

    /// Adds `other[from ..< from + count]` to `self[to ..< to + count]` element by element (each
    /// sum as `self[i] += other[j]` would give it; one bounds check for the whole range).
    @inlinable
    public func add(_ other: ModelArray<Element>, from: Int, to: Int, count n: Int) where Element: AdditiveArithmetic {
        precondition(n >= 0 && from >= 0 && to >= 0 && from + n <= other._count && to + n <= _count, "range out of bounds")
        let a = base + to, b = other.base + from
        for k in 0..<n { a[k] += b[k] }
    }

    /// Removes and returns the last element (the array must not be empty).
    @inlinable
    @discardableResult
    public func removeLast() -> Element {
        precondition(_count > 0, "removeLast() on an empty array")
        _count -= 1
        return (base + _count).move()
    }

    /// Sets `self[from ..< from + count]` to zero (one bounds check for the whole range).
    @inlinable
    public func zero(from: Int, count n: Int) where Element: AdditiveArithmetic {
        precondition(n >= 0 && from >= 0 && from + n <= _count, "range out of bounds")
        (base + from).update(repeating: .zero, count: n)
    }

    /// Removes every element, keeping the allocation.
    public func removeAll() {
        base.deinitialize(count: _count)
        _count = 0
    }

    @usableFromInline
    internal func grow(to newCapacity: Int) {
        let fresh = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        fresh.moveInitialize(from: base, count: _count)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }
}
