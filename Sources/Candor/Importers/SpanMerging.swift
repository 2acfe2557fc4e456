/// Turns sets of Candor token indices into sorted, merged spans.
enum SpanMerging {
    /// Maximal runs of consecutive indices, as `[start, end)` ranges, ascending.
    static func runs(_ indices: some Sequence<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for index in Set(indices).sorted() {
            if let last = result.last, last.upperBound == index {
                result[result.count - 1] = last.lowerBound..<(index + 1)
            } else {
                result.append(index..<(index + 1))
            }
        }
        return result
    }
}
