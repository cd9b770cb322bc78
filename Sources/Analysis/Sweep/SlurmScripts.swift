import Foundation

/// The `sbatch` scripts that run a sweep as a Slurm job array and merge it.
///
/// One array task per shard: task `SLURM_ARRAY_TASK_ID` = k − 1 runs
/// `deliverysim sweep FILE --shard k/N --out PARTS`; the merge job depends on the whole array
/// (`--dependency=afterok:<array job>`) and runs `deliverysim merge PARTS --out OUT`.
public struct SlurmScripts: Sendable, Equatable {
    public var array: String
    public var merge: String
    /// Shell lines that submit both, the merge after the array.
    public var submit: String

    /// Options passed through to `sbatch`.
    public struct Options: Sendable, Equatable {
        public var partition: String?
        public var time: String?
        /// Array tasks running at once (`--array=0-(N-1)%C`).
        public var concurrency: Int?
        public var cpusPerTask: Int
        public var extra: [String]
        public init(partition: String? = nil, time: String? = nil, concurrency: Int? = nil, cpusPerTask: Int = 1, extra: [String] = []) {
            self.partition = partition
            self.time = time
            self.concurrency = concurrency
            self.cpusPerTask = cpusPerTask
            self.extra = extra
        }
    }

    /// Scripts for `shards` shards of the sweep at `sweepFile`, writing partial results to
    /// `parts` and the merged exports to `out`; `executable` is the deliverysim to call.
    /// Every path is made absolute so the jobs may run from any folder.
    public init(sweepFile: String, shards: Int, parts: String, out: String, logs: String, executable: String, options: Options) {
        func abs(_ p: String) -> String {
            p.hasPrefix("/") ? p : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(p)
        }
        let q = ShellText.quoted
        var common = ["#SBATCH --cpus-per-task=\(options.cpusPerTask)"]
        if let p = options.partition { common.append("#SBATCH --partition=\(p)") }
        if let t = options.time { common.append("#SBATCH --time=\(t)") }
        common += options.extra.map { "#SBATCH \($0)" }
        let arraySpec = "0-\(shards - 1)" + (options.concurrency.map { "%\($0)" } ?? "")
        array = """
        #!/usr/bin/env bash
        #SBATCH --job-name=deliverysim-sweep
        #SBATCH --array=\(arraySpec)
        #SBATCH --output=\(abs(logs))/shard-%a.out
        \(common.joined(separator: "\n"))
        set -euo pipefail
        k=$((SLURM_ARRAY_TASK_ID + 1))
        exec \(q(abs(executable))) sweep \(q(abs(sweepFile))) --shard "$k/\(shards)" --out \(q(abs(parts))) --jobs \(options.cpusPerTask)

        """
        merge = """
        #!/usr/bin/env bash
        #SBATCH --job-name=deliverysim-merge
        #SBATCH --output=\(abs(logs))/merge.out
        \(common.joined(separator: "\n"))
        set -euo pipefail
        exec \(q(abs(executable))) merge \(q(abs(parts))) --out \(q(abs(out))) --force

        """
        submit = """
        array=$(sbatch --parsable \(q(abs(logs)))/sweep-array.sbatch)
        sbatch --parsable --dependency=afterok:${array%%;*} \(q(abs(logs)))/sweep-merge.sbatch
        """
    }
}
