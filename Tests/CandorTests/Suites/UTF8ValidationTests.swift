@testable import Candor
import Testing

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([0x61, 0x62], nil),
        ([0x61, 0xC3, 0xA9, 0x62], nil),                // "aéb"
        ([0x61, 0xFF, 0x62], 1),                        // 0xFF never occurs in UTF-8
        ([0x61, 0xC3, 0xA9, 0xC3], 3),                  // a lead byte cut off at the end
        ([0xE2, 0x82, 0xAC, 0x61, 0xC0, 0xAF], 4),      // "€a" then an overlong "/"
        ([0xED, 0xA0, 0x80], 0),                        // an encoded surrogate
    ] as [([UInt8], Int?)])
    func findsTheFirstBadByte(bytes: [UInt8], expected: Int?) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0) } == expected)
    }
}
