/// A production incident caused by an escaped defect.
struct Incident {
    /// The item whose defect caused it.
    var item: Int32
    /// When the failure began: the deployment that carried the defect.
    var began: Double
}
