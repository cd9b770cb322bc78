import Analysis
import Foundation
import Testing

@Suite struct ParallelMapTests {
    /// The results come back in index order whatever the number of threads and whatever order
    /// the pieces finish in (later indices are made to finish first).
    @Test(arguments: [1, 2, 3, 8])
    func resultsInIndexOrder(jobs: Int) {
        let out = ParallelMap.map(40, jobs: jobs) { i -> String in
            if i % 5 == 0 { Thread.sleep(forTimeInterval: 0.002) }
            return "item \(i)"
        }
        #expect(out == (0..<40).map { "item \($0)" })
        #expect(ParallelMap.map(0, jobs: jobs) { $0 }.isEmpty)
    }
}
