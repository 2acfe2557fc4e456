@testable import Candor
import Testing

@Suite struct ReferenceShuffleTests {
    @Test(arguments: [
        // Published FNV-1a 64-bit test vectors: the empty string gives the offset basis.
        ("", 0xcbf2_9ce4_8422_2325 as UInt64),
        ("a", 0xaf63_dc4c_8601_ec8c),
        ("foobar", 0x8594_4171_f739_67e8),
    ])
    func hashesLikeFNV1a(text: String, expected: UInt64) {
        #expect(ReferenceShuffle.fnv1a(text) == expected)
    }

    @Test func drawsTheSplitMix64Sequence() {
        // SplitMix64 from state 0: the reference implementation's first output.
        var generator = ReferenceShuffle(state: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
    }

    @Test func givesTheSamePermutationForTheSameKey() {
        var first = ReferenceShuffle(key: "review\u{1}a\u{2}b")
        var second = ReferenceShuffle(key: "review\u{1}a\u{2}b")
        let permutation = first.permutation(of: 20)
        #expect(permutation == second.permutation(of: 20))
        #expect(permutation.sorted() == Array(0..<20))
        #expect(permutation != Array(0..<20))
        var other = ReferenceShuffle(key: "review\u{1}a\u{2}c")
        #expect(other.permutation(of: 20) != permutation)
    }

    @Test func staysBelowTheBound() {
        var generator = ReferenceShuffle(key: "bounds")
        for bound in 1...50 { #expect((0..<bound).contains(generator.next(below: bound))) }
    }
}
