/// A model's `hello` announced a protocol version this build cannot speak.
public struct ProtocolVersionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The version the model announced.
    public var announced: Int
    /// The newest version this build speaks (``CandorWire/version``).
    public var supported: Int

    public init(announced: Int, supported: Int = CandorWire.version) {
        self.announced = announced
        self.supported = supported
    }

    public var description: String {
        if announced > supported {
            return "the model speaks Candor protocol version \(announced), but this Candor speaks only up to "
                + "version \(supported); update Candor or have the model answer with \"candor\":\(supported)"
        }
        return "the model announced Candor protocol version \(announced); versions start at 1 and this Candor "
            + "speaks up to version \(supported)"
    }
}

extension CandorWire {
    /// Accepts a model's `hello` or refuses it with both versions named.
    ///
    /// Candor opens with its own version; a model may answer with that version or an older one it also
    /// speaks. A newer version means the model relies on messages this build does not understand, so the only
    /// safe answer is a refusal before any request is sent.
    /// - Returns: the version both sides will speak.
    /// - Throws: ``ProtocolVersionError`` when the model's version is newer than ``version`` or below 1.
    public static func negotiate(_ modelHello: Hello) throws(ProtocolVersionError) -> Int {
        guard modelHello.candor >= 1, modelHello.candor <= version else {
            throw ProtocolVersionError(announced: modelHello.candor)
        }
        return modelHello.candor
    }
}
