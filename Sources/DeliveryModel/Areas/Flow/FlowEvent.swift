/// The flow area's events.
enum FlowEvent {
    /// The next work item arrives.
    case arrival
    /// A handoff into the item's stage is over: it joins the stage team's queue.
    case handoffDone(item: Int32)
    /// A blocker on the item is lifted: it joins the stage team's queue.
    case unblocked(item: Int32)
    /// An item is added to the scope under way (`demand.added_scope`).
    case scopeAdded
    /// Time for a cumulative-flow snapshot.
    case snapshot
    /// Time to sample the queues, in the second half of the measured window (``QueueGrowth``).
    case queueSample(index: Int32)
}

/// The flow area's tasks for people.
enum FlowTask {
    /// A stage's hands-on work on an item.
    case stageWork(item: Int32, stage: Int32)
}
