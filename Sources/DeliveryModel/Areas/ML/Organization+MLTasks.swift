import SimKernel

/// ML work done by people: manual retraining, pipeline changes deployed by hand, repairs.
extension Organization {
    /// A person's hours for `task`, drawn as it begins.
    mutating func effort(_ task: MLTask) -> Double {
        switch task {
        case .retrain: return scenario.ml?.retraining.duration.duration(ml.streams.training) ?? 0
        case .pipelineDeploy: return scenario.deploy.duration.duration(deploy.streams.duration)
        case .pipelineRepair: return scenario.ml?.pipelineChanges?.repair.duration(ml.streams.repair) ?? 0
        }
    }

    mutating func finish(_ task: MLTask, _ simulation: inout Simulation<Event>) {
        switch task {
        case .retrain(let model): trainingDone(Int(model), &simulation)
        case .pipelineDeploy: pipelineDeployed(&simulation)
        case .pipelineRepair: pipelineRepaired(&simulation)
        }
    }
}
