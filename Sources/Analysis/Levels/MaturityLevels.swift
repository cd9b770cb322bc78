import ScenarioFile

/// The maturity presets in `scenarios/`, in ladder order: the Continuous Delivery Maturity
/// Model's five levels and Google's three MLOps levels (`../shared/domain/DOMAIN.md` §2–3).
public enum MaturityLevels {
    /// `cd-base` … `cd-expert`.
    public static let cd = ["cd-base", "cd-beginner", "cd-intermediate", "cd-advanced", "cd-expert"]
    /// `mlops-0` … `mlops-2`.
    public static let mlops = ["mlops-0", "mlops-1", "mlops-2"]

    /// A set of presets that `compare --levels` loads.
    public enum Ladder: String, CaseIterable, Sendable {
        case cd, mlops, all

        /// Preset names, lowest level first (`all`: the CD ladder, then MLOps).
        public var presets: [String] {
            switch self {
            case .cd: return MaturityLevels.cd
            case .mlops: return MaturityLevels.mlops
            case .all: return MaturityLevels.cd + MaturityLevels.mlops
            }
        }
    }

    /// The family of preset `name` (`cd` or `mlops`): a comparison pairs presets within one.
    public static func family(of name: String) -> String? {
        cd.contains(name) ? "cd" : mlops.contains(name) ? "mlops" : nil
    }

    /// The level after `name` on its ladder; nil if `name` is no preset or the top of its ladder.
    public static func next(after name: String) -> String? {
        for ladder in [cd, mlops] {
            if let i = ladder.firstIndex(of: name), i + 1 < ladder.count { return ladder[i + 1] }
        }
        return nil
    }

    /// The file of preset `name` in `directory`: `directory/name.yaml`; without a directory,
    /// the built-in preset (`builtin:name.yaml`).
    public static func path(of name: String, in directory: String?) -> String {
        guard let directory else { return BuiltInPresets.scheme + name + ".yaml" }
        return (directory.hasSuffix("/") ? directory : directory + "/") + name + ".yaml"
    }
}
