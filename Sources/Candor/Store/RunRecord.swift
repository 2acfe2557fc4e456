import CandorProtocol
import Foundation

/// One row of the `runs` table: one model's part in one invocation of the runner.
public struct RunRecord: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// Started and not finished: still going, or killed (a later run resumes from the store).
        case running
        case finished
        /// Ended by an error that stopped the run (not by failed requests, which are recorded per response).
        case failed
    }

    public var id: Int64
    public var modelKey: String
    public var descriptor: ModelDescriptor
    /// The command line that started the run, as typed.
    public var commandLine: String
    public var candorVersion: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status

    public init(id: Int64, modelKey: String, descriptor: ModelDescriptor, commandLine: String,
                candorVersion: String, startedAt: Date, finishedAt: Date?, status: Status) {
        self.id = id
        self.modelKey = modelKey
        self.descriptor = descriptor
        self.commandLine = commandLine
        self.candorVersion = candorVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
    }
}
