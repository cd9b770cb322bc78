/// A production failure caused by escaped defects of one deployment.
struct Incident {
    /// What a restore takes out of production: the whole release for a rollback, the defective
    /// change for a revert or a fix-forward.
    var changes: [Int32]
    /// The defects of `changes` that caused incidents (counted one incident each).
    var count: Int
    /// When the failure began: the deployment that carried the defect.
    var began: Double
    /// The deployment's number (``History/Deployment/id``), for the recorded history.
    var deployment: Int = 0
}
