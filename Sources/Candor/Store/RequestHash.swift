import CandorProtocol
import Crypto
import Foundation

/// The content hash of a request: SHA-256 of its canonical JSON (sorted keys) with the transport `id` removed.
///
/// Two requests with the same hash ask the same question, so a response stored under one answers the other.
/// This one rule gives caching, crash-resume, sharding and re-scoring.
public enum RequestHash {
    public static func of(_ request: Request) -> String {
        var anonymous = request
        anonymous.id = ""
        return hex(SHA256.hash(data: CanonicalJSON.encode(anonymous)))
    }

    /// SHA-256 of `data`, lower-case hex.
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        var text = ""
        text.reserveCapacity(64)
        for byte in digest {
            text += String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }
        return text
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
