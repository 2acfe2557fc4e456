import Synchronization

/// What the workers of a process model have seen, shared for reports and tests: protocol incidents (the first
/// ``limit`` kept, all counted), restarts, and the memory high-water mark of the line buffer.
final class ProcessModelRecord: Sendable {
    private struct State {
        var incidents: [ProtocolIncident] = []
        var incidentCount = 0
        var restarts = 0
        var largestLineBuffered = 0
        var stderrBytes = 0
        var signalledAtShutdown = 0
    }

    /// How many incidents are kept with their excerpts; later ones are only counted, so a model that prints
    /// garbage for a million requests cannot fill memory with the evidence.
    static let limit = 1000

    private let state = Mutex(State())

    func add(_ incident: ProtocolIncident) {
        state.withLock { state in
            state.incidentCount += 1
            if state.incidents.count < Self.limit { state.incidents.append(incident) }
        }
    }

    func noteRestart() {
        state.withLock { $0.restarts += 1 }
    }

    func noteSignalledAtShutdown() {
        state.withLock { $0.signalledAtShutdown += 1 }
    }

    func note(lineBuffered: Int, stderrBytes: Int) {
        state.withLock { state in
            state.largestLineBuffered = max(state.largestLineBuffered, lineBuffered)
            state.stderrBytes += stderrBytes
        }
    }

    var incidents: [ProtocolIncident] { state.withLock { $0.incidents } }

    var statistics: ProcessModel.Statistics {
        state.withLock { state in
            ProcessModel.Statistics(incidents: state.incidentCount, restarts: state.restarts,
                                    largestLineBuffered: state.largestLineBuffered,
                                    stderrBytes: state.stderrBytes,
                                    signalledAtShutdown: state.signalledAtShutdown)
        }
    }
}
