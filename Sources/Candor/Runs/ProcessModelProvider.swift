/// Hands the runner one external model for every suite: launched on first use, reused across suites (one launch,
/// one handshake), and ended by ``shutdown()``.
public actor ProcessModelProvider: ModelProvider {
    public let configuration: ProcessModel.Configuration
    private var model: ProcessModel?

    public init(configuration: ProcessModel.Configuration) {
        self.configuration = configuration
    }

    public func models(for suite: Suite) async throws -> [any ExplainingModel] {
        [try await launched()]
    }

    /// The running model, launched now if it is not yet.
    /// - Throws: ``ProcessModelError`` when it cannot be started.
    public func launched() async throws -> ProcessModel {
        if let model { return model }
        let started = try await ProcessModel.launch(configuration)
        model = started
        return started
    }

    /// Ends the model's processes, if it was launched. Safe to call more than once.
    public func shutdown() async {
        guard let model else { return }
        self.model = nil
        await model.shutdown()
    }
}
