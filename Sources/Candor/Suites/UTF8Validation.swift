/// Finds where bytes stop being UTF-8, so a message can name the exact line and byte.
enum UTF8Validation {
    /// The 0-based offset of the first byte that does not start a valid UTF-8 sequence, or nil when all are valid.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Nearly every line is ASCII; only lines with a high byte pay for decoding.
        var index = 0
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        if index == bytes.count { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var offset = index
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
