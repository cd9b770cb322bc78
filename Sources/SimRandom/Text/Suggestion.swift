/// "Did you mean …?" for misspelt names.
public enum Suggestion {
    /// `problem` with a suggestion and a listing: "no team named `qaa`; did you mean `qa`? (teams:
    /// dev, qa)". The suggestion is the candidate closest to `word`, if any is close enough to be
    /// a typo; with `listingOnlyWithoutGuess` the listing is left out when there is a suggestion.
    /// Every "did you mean" message of the program is built here.
    public static func message(_ problem: String, for word: String, among candidates: [String], listing: String? = nil,
                               listingOnlyWithoutGuess: Bool = false) -> String {
        var message = problem
        let guess = closest(to: word, among: candidates)
        if let guess { message += "; did you mean `\(guess)`?" }
        if let listing, guess == nil || !listingOnlyWithoutGuess { message += " (\(listing))" }
        return message
    }

    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo
    /// (at most a third of the word's length, and at least one edit allowed).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance, counting an adjacent transposition as one edit.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    row[j] = min(row[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, row) = (prev, row, prev2)
        }
        return prev[y.count]
    }
}
