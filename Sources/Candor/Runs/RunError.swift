/// Why a run could not start: a name on the command line that matches nothing.
public enum RunError: Error, CustomStringConvertible, Sendable, Equatable {
    case unknownModel(String, known: [String])
    case unknownSuite(String, folder: String, known: [String])
    case unknownVariant(String, known: [String])
    case noSuites(folder: String)

    public var description: String {
        switch self {
        case .unknownModel(let name, let known):
            "unknown model \(name); expected one of: \(known.joined(separator: ", "))"
        case .unknownSuite(let id, let folder, let known):
            "no suite \(id) in \(folder); found: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .unknownVariant(let name, let known):
            "unknown variant \(name); expected one of: \((known + ["all"]).joined(separator: ", "))"
        case .noSuites(let folder):
            "no suites in \(folder) (a suite is a folder holding suite.yaml)"
        }
    }
}
