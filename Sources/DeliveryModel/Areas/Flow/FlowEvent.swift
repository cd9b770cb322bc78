/// The flow area's events.
enum FlowEvent {
    /// The next work item arrives.
    case arrival
    /// A handoff into the item's stage is over: it joins the stage team's queue.
    case handoffDone(item: Int32)
    /// Time for a cumulative-flow snapshot.
    case snapshot
}

/// The flow area's tasks for people.
enum FlowTask {
    /// A stage's hands-on work on an item.
    case stageWork(item: Int32, stage: Int32)
}
