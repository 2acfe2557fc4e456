import Foundation

extension Suite {
    /// Calls `body` with each instance of a split, in file order, holding one line in memory at a time.
    ///
    /// The suite was validated when loaded; a line that no longer decodes (the file changed since) throws a
    /// ``SuiteValidationError`` naming it.
    ///
    /// - Throws: ``SuiteError`` when the suite has no split `name`; ``SuiteValidationError``; whatever `body`
    ///   throws.
    /// - Complexity: memory is one chunk of the file plus one instance, whatever the split's size.
    public func forEachInstance(split name: String, _ body: (Instance) throws -> Void) throws {
        guard let split = splits.first(where: { $0.name == name }) else {
            throw SuiteError(message: "suite \(id) has no split '\(name)' (it has "
                + splits.map(\.name).joined(separator: ", ") + ")")
        }
        let decoder = InstanceDecoder(task: PartialTask(task), file: "\(directory.lastPathComponent)/\(split.file)")
        var log = IssueLog()
        try LineReader(url: directory.appendingPathComponent(split.file)).forEachLine { number, bytes, offset in
            switch decoder.decode(line: bytes, number: number, fileOffset: offset, log: &log) {
            case .instance(let instance): try body(instance)
            case .blank, .broken: throw log.error
            }
        }
    }

    /// The instances of a split, in file order.
    ///
    /// - Throws: as ``forEachInstance(split:_:)``.
    public func instances(split name: String) throws -> [Instance] {
        var instances: [Instance] = []
        try forEachInstance(split: name) { instances.append($0) }
        return instances
    }
}
