/// One of `count` disjoint parts of every suite's test instances, for running a model on several machines at
/// once (a Slurm job array, a CI matrix) and joining the stores with `candor merge`.
///
/// Instance `id` belongs to shard `i` of `n` when `StableHash.of(id) % n == i − 1` (shards are numbered from 1, as
/// job arrays usually are). The hash is FNV-1a over the id's UTF-8 bytes, the same on every machine and in every
/// Candor release, so each instance lands in exactly one shard whatever the order of the files, and the shards
/// together are the whole suite.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based: 1 … ``count``.
    public let index: Int
    public let count: Int

    /// Why `--shard` text is not a shard.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var text: String

        public init(text: String) {
            self.text = text
        }

        public var description: String {
            "--shard: found \(text.debugDescription), expected i/n with whole numbers 1 ≤ i ≤ n (e.g. 2/8)"
        }
    }

    /// - Throws: ``ParseError`` unless 1 ≤ `index` ≤ `count`.
    public init(index: Int, count: Int) throws(ParseError) {
        guard count >= 1, index >= 1, index <= count else { throw ParseError(text: "\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Reads `i/n`, as `--shard` takes it.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1,
              index <= count else { throw ParseError(text: text) }
        self.index = index
        self.count = count
    }

    /// Whether the instance with this id is in the shard.
    public func contains(instanceID id: String) -> Bool {
        StableHash.of(id) % UInt64(count) == UInt64(index - 1)
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }
}
