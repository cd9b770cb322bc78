import Testing
import SimKernel

@Suite struct ModelArrayTests {
    @Test func readsWritesAndGrowsLikeAnArray() {
        let a = ModelArray<Int>(capacity: 1)
        var reference: [Int] = []
        for x in 0..<1000 {
            a.append(x * 3)
            reference.append(x * 3)
        }
        a.append(repeating: 7, count: 5)
        reference.append(contentsOf: repeatElement(7, count: 5))
        for i in stride(from: 0, to: reference.count, by: 7) {
            a[i] += 1
            reference[i] += 1
        }
        #expect(Array(a) == reference)
        #expect(a.count == 1005 && a.indices == 0..<1005)
    }

    @Test func removesFromTheEndAndEmpties() {
        let a = ModelArray<[Int]>(capacity: 2)
        for x in 0..<5 { a.append([x]) }
        #expect(a.removeLast() == [4] && a.removeLast() == [3])
        #expect(Array(a) == [[0], [1], [2]])
        a.append([7])
        #expect(Array(a) == [[0], [1], [2], [7]])
        a.removeAll()
        #expect(a.isEmpty)
        a.append([8])
        #expect(Array(a) == [[8]])
    }

    @Test func changesElementsInPlaceThroughMutatingMethods() {
        // A value element with its own storage (an array) changed through a mutating method.
        let lines = ModelArray(repeating: [Int](), count: 3)
        lines[1].append(4)
        lines[1].append(5)
        lines[2] = [9]
        #expect(lines[0] == [] && lines[1] == [4, 5] && lines[2] == [9])
    }

    @Test func holdsClassReferencesAndReleasesThemWhenFreed() {
        final class Probe { let value: Int; init(_ v: Int) { value = v } }
        weak var watched: Probe?
        do {
            let p = Probe(42)
            watched = p
            let a = ModelArray([p, Probe(1)])
            #expect(a[0].value == 42 && a[1].value == 1)
        }
        #expect(watched == nil)
    }

    /// The bounds check is one unsigned comparison: a negative index (a huge unsigned value)
    /// and the end index must both stop the process, in reads, writes and `address`.
    @Test(arguments: [-1, Int.min, 3, 4, Int.max])
    func anIndexOutsideTheElementsStopsTheProcess(_ index: Int) async {
        await #expect(processExitsWith: .failure) { [index] in
            let a = ModelArray(repeating: 1.0, count: 3)
            _ = a[index]
        }
        await #expect(processExitsWith: .failure) { [index] in
            let a = ModelArray(repeating: 1.0, count: 3)
            a[index] = 2
        }
        await #expect(processExitsWith: .failure) { [index] in
            let a = ModelArray(repeating: 1.0, count: 3)
            _ = a.address(index)
        }
    }

    @Test func everyIndexInsideTheElementsIsReachable() {
        let a = ModelArray(repeating: 0, count: 4)
        for i in 0..<4 { a[i] = i; a.address(i).pointee += 10 }
        #expect(Array(a) == [10, 11, 12, 13])
    }

    @Test func addingARangeIsTheElementwiseSum() {
        // Every count (odd and even), offsets on both sides, and an array added into itself
        // (overlapping ranges, element by element in order): the same bits as `+=` one by one.
        let xs = (0..<23).map { 1.0 / Double($0 + 3) + Double($0) * 1e-7 }
        for n in 0...9 {
            for (from, to) in [(0, 0), (3, 1), (1, 4)] {
                let a = ModelArray(xs.map { $0 * 3.7 }), b = ModelArray(xs)
                var expected = Array(a)
                for k in 0..<n { expected[to + k] += xs[from + k] }
                a.add(b, from: from, to: to, count: n)
                #expect(Array(a).map(\.bitPattern) == expected.map(\.bitPattern), "n=\(n) from=\(from) to=\(to)")
            }
            let c = ModelArray(xs)
            var expected = xs
            for k in 0..<n { expected[2 + k] += expected[1 + k] }
            c.add(c, from: 1, to: 2, count: n)
            #expect(Array(c).map(\.bitPattern) == expected.map(\.bitPattern), "self n=\(n)")
        }
    }
}
