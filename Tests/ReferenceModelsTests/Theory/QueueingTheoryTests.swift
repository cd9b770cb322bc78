import Testing
import ReferenceModels

@Suite struct QueueingTheoryTests {
    @Test func erlangCAgreesWithTheClosedForm() {
        // M/M/1: the probability of waiting is ρ.
        #expect(abs(QueueingTheory.erlangC(arrivalRate: 0.9, serviceRate: 1, servers: 1) - 0.9) < 1e-12)
        // M/M/3 with λ = 2.7, μ = 1 (the C reference's M/M/c): Wq = 2.5888 from the textbook formula.
        let a = 2.7, c = 3.0
        let top = a * a * a / 6 / (1 - a / c)
        let expected = top / (1 + a + a * a / 2 + top)
        #expect(abs(QueueingTheory.erlangC(arrivalRate: 2.7, serviceRate: 1, servers: 3) - expected) < 1e-12)
    }

    @Test func mm1Means() {
        let m = QueueingTheory.mmc(arrivalRate: 0.9, serviceRate: 1, servers: 1)
        #expect(abs(m.wq - 9) < 1e-12 && abs(m.w - 10) < 1e-12 && abs(m.l - 9) < 1e-12)
    }
}
