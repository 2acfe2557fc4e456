import CandorProtocol
import Crypto
import Foundation

/// The content hash of a request: SHA-256 of its canonical JSON line (as ``RequestEncoder`` writes it: fixed key
/// order, open dictionaries sorted) with the transport `id` emptied.
///
/// Two requests with the same hash ask the same question, so a response stored under one answers the other.
/// This one rule gives caching, crash-resume, sharding and re-scoring.
public enum RequestHash {
    public static func of(_ request: Request) -> String {
        var anonymous = request
        anonymous.id = ""
        var bytes: [UInt8] = []
        if RequestEncoder().append(anonymous, to: &bytes) {
            return hex(SHA256.hash(data: bytes))
        }
        // A number JSON cannot hold (NaN, an infinity): the slower encoder spells it out.
        return hex(SHA256.hash(data: CanonicalJSON.encode(anonymous)))
    }

    /// SHA-256 of `data`, lower-case hex.
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// JSON with sorted keys and no escaped slashes: the one encoding used for hashing and for stable files.
public enum CanonicalJSON {
    public static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Encoding the protocol's own value types cannot fail; a failure here is a programming error.
        return try! encoder.encode(value)
    }
}
