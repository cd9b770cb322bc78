extension Reader {
    /// A master seed: a non-negative integer up to 2⁶⁴ − 1.
    func seed(_ node: YNode, _ path: String) -> UInt64? {
        if case .scalar(let text, .int, _) = node.value {
            let cleaned = text.replacingOccurrences(of: "_", with: "")
            if let seed = UInt64(cleaned) ?? Reader.numericValue(node).flatMap({ $0 >= 0 && $0 < 1.8e19 ? UInt64(exactly: $0) : nil }) {
                return seed
            }
        }
        fail(node.origin, path, "must be a non-negative integer (got \(node.shortDescription))")
        return nil
    }
}
