extension ReferenceModel {
    /// The store key of a variant: each variant is its own model in the store.
    public static func key(of variant: Variant) -> String {
        "reference/\(variant.rawValue)"
    }
}
