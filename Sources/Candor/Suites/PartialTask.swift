/// A task whose parts may each be missing because `suite.yaml` got them wrong.
struct PartialTask: Sendable {
    var kind: TaskSpec.Kind?
    var labels: [String]?
    var inputs: [InputField]?

    init(kind: TaskSpec.Kind? = nil, labels: [String]? = nil, inputs: [InputField]? = nil) {
        self.kind = kind
        self.labels = labels
        self.inputs = inputs
    }

    init(_ task: TaskSpec) {
        self.init(kind: task.kind, labels: task.labels, inputs: task.inputs)
    }

    /// The whole task, when every part decoded.
    var complete: TaskSpec? {
        guard let kind, let labels, let inputs else { return nil }
        return TaskSpec(kind: kind, labels: labels, inputs: inputs)
    }
}
