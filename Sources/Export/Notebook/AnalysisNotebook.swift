import Analysis

/// `analysis.ipynb`: a Jupyter notebook (nbformat 4.5) that loads an export's CSV files with
/// pandas and draws four figures with matplotlib — a cumulative flow diagram per scenario, the
/// lead-time distribution per scenario, the DORA four keys with their 95% intervals, and a value
/// stream map — and, for scenarios with an `economics` section, a fifth: the cost per week. It
/// reads everything (scenario names included) from the files beside it at run time, so its text
/// is the same for every export and no scenario text is ever rendered as Markdown.
public enum AnalysisNotebook {
    public static let fileName = "analysis.ipynb"

    /// A notebook cell.
    public struct Cell: Sendable {
        public enum Kind: String, Sendable { case markdown, code }
        public var kind: Kind
        public var source: String
    }

    /// The cells in order: a Markdown introduction, the loading code, then one Markdown and
    /// one code cell per figure.
    public static let cells: [Cell] = [
        Cell(kind: .markdown, source: introduction),
        Cell(kind: .code, source: setup),
        Cell(kind: .markdown, source: "## 1. Cumulative flow per scenario\n\nItems in each stage, stacked, day by day (mean over the replications); the top edge is the cumulative arrivals, the bottom band the changes in production. The dotted line ends the warm-up."),
        Cell(kind: .code, source: cumulativeFlow),
        Cell(kind: .markdown, source: "## 2. Lead-time distribution per scenario\n\nArrival to production. With `items.csv` (a run with `--items`): the share of changes done within a given time, over every change reaching production after the warm-up in every replication. Without it: each replication's median, 85th and 95th percentile, averaged over the replications."),
        Cell(kind: .code, source: leadTime),
        Cell(kind: .markdown, source: "## 3. The DORA four keys\n\nMean over the replications with its 95% interval (Student-t), coloured by the key's DORA cluster. An interval reaching below zero is cut at the axis of a log scale."),
        Cell(kind: .code, source: fourKeys),
        Cell(kind: .markdown, source: "## 4. Value stream map\n\nWhere a change's lead time goes, arrival → production, in stream order: the backlog, each stage's queue (pale), handoff, blocked time (grey), work (solid) and tests, then the release wait, approval, deploy queue, deployment, failed deployments, canary and time in production before a rollback (`value_stream_hours.*`, means over the changes reaching production); the parts add up to `lead_time_hours` (black mark)."),
        Cell(kind: .code, source: valueStream),
        Cell(kind: .markdown, source: "## 5. Cost per week\n\nWith an `economics` section: the cost of people, of delay and of incidents per week (means over the replications), stacked per scenario. Without one the cell says so and draws nothing."),
        Cell(kind: .code, source: costs),
    ]

    /// The notebook as nbformat 4.5 JSON: cells with ids `cell-1` …, no outputs, a Python 3
    /// kernel. Byte-identical for every export.
    public static func json() -> String { json(cells: cells) }

    /// A notebook of `cells`, the same way.
    static func json(cells: [Cell]) -> String {
        let cellValues: [JSONText.Value] = cells.enumerated().map { i, cell in
            var fields: [(String, JSONText.Value)] = [
                ("cell_type", .string(cell.kind.rawValue)),
            ]
            if cell.kind == .code { fields.append(("execution_count", .null)) }
            fields += [("id", .string("cell-\(i + 1)")), ("metadata", .object([]))]
            if cell.kind == .code { fields.append(("outputs", .array([]))) }
            fields.append(("source", .array(sourceLines(cell.source).map { .string($0) })))
            return .object(fields)
        }
        let doc: JSONText.Value = .object([
            ("cells", .array(cellValues)),
            ("metadata", .object([
                ("kernelspec", .object([("display_name", .string("Python 3")), ("language", .string("python")), ("name", .string("python3"))])),
                ("language_info", .object([("name", .string("python"))])),
            ])),
            ("nbformat", .integer(4)),
            ("nbformat_minor", .integer(5)),
        ])
        return JSONText.render(doc) + "\n"
    }

    /// nbformat's multiline string: the lines, each but the last keeping its `\n`.
    static func sourceLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.popLast() { lines.append(String(last.dropLast())) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static let introduction = """
    # DeliverySim results

    Written by `deliverysim` into its export folder, beside the files it reads: `run.json` (how the \
    results were made), `summary.csv`, `replications.csv`, `flow.csv` and, with `--items`, `items.csv` \
    (every file and column is described in `notebooks-out/README.md` of the DeliverySim repository). \
    Run it top to bottom; it needs pandas and matplotlib, and draws four figures:

    1. a cumulative flow diagram per scenario (`flow.csv`, mean over the replications),
    2. the lead-time distribution per scenario (`items.csv`, or the quantiles in `replications.csv`),
    3. the DORA four keys side by side with their 95% intervals (`summary.csv`),
    4. a value stream map: queue wait and hands-on work per stage (`summary.csv`).
    """

    static let setup = #"""
    import json
    import os

    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd
    from matplotlib.patches import Patch

    # Scenario, stage and class names are text even where they look like numbers or like "NA".
    def read(name, text=("scenario",)):
        return pd.read_csv(name, keep_default_na=False, na_values=[""], dtype={c: str for c in text})

    with open("run.json", encoding="utf-8") as f:
        run = json.load(f)
    summary = read("summary.csv", ("scenario", "metric", "dora_bucket", "dora_cluster", "note"))
    replications = read("replications.csv")
    flow = read("flow.csv", ("scenario", "stage"))
    items = read("items.csv", ("scenario", "class")) if os.path.exists("items.csv") else None

    scenarios = [s["name"] for s in run["scenarios"]]
    info = {s["name"]: s for s in run["scenarios"]}
    # Long names (what-if points) are numbered in the figures.
    short = {name: name if len(name) <= 24 else f"#{i + 1}" for i, name in enumerate(scenarios)}
    stage_names = list(dict.fromkeys(stage for s in run["scenarios"] for stage in s["stages"]))
    palette = plt.get_cmap("tab10").colors
    stage_color = {stage: palette[i % len(palette)] for i, stage in enumerate(["backlog"] + stage_names + ["awaiting_release"])}
    stage_color["done"] = "#b8c4cc"

    def metric(name, scenario, column="mean"):
        row = summary[(summary["scenario"] == scenario) & (summary["metric"] == name)]
        return float(row[column].iloc[0]) if len(row) and pd.notna(row[column].iloc[0]) else None

    print(run["command_line"])
    print(f"{len(scenarios)} scenario(s), {run['replications']} replications each, seed {run['seed']}, "
          f"DORA {run['dora_year']}, deliverysim {run['version']}, {run['timestamp']}")
    for name in scenarios:
        if short[name] != name:
            print(f"  {short[name]}: {name}")
    """#

    static let cumulativeFlow = #"""
    columns = min(4, len(scenarios))
    rows = -(-len(scenarios) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4.4 * columns, 3.3 * rows + 0.8), squeeze=False)
    legend = {}
    for ax, name in zip(axes.flat, scenarios):
        f = flow[flow["scenario"] == name]
        counts = f.groupby(["day", "stage_index"])["in_stage"].mean().unstack("stage_index").sort_index(axis=1)
        done = f.groupby("day")["done"].mean()
        stages = f.drop_duplicates("stage_index").set_index("stage_index")["stage"].sort_index()
        order = list(reversed(stages.index))  # bottom to top: awaiting release, last stage … backlog
        layers = [done.to_numpy()] + [counts[i].to_numpy() for i in order]
        labels = ["done"] + [stages[i] for i in order]
        polys = ax.stackplot(counts.index.to_numpy(), layers, labels=labels,
                             colors=[stage_color.get(label, "grey") for label in labels], linewidth=0)
        for poly, label in zip(polys, labels):
            legend.setdefault(label, poly)
        ax.axvline(info[name]["warmup_hours"] / 24, color="black", linestyle=":", linewidth=1)
        ax.set_title(short[name])
        ax.set_xlabel("day")
        ax.set_ylabel("changes")
        ax.margins(x=0)
    for ax in list(axes.flat)[len(scenarios):]:
        ax.axis("off")
    names = ["backlog"] + stage_names + ["awaiting_release", "done"]
    fig.legend([legend[n] for n in names if n in legend], [n for n in names if n in legend],
               loc="lower center", ncol=min(8, len(legend)), frameon=False)
    fig.suptitle("Cumulative flow (mean over replications)")
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    plt.show()
    """#

    static let leadTime = #"""
    fig, ax = plt.subplots(figsize=(10, 4.5 + 0.15 * len(scenarios)))
    if items is not None:
        for name in scenarios:
            chosen = items[(items["scenario"] == name) & (items["after_warmup"].astype(str).str.lower() == "true")]
            hours = np.sort(chosen["lead_time_hours"].to_numpy())
            if len(hours):
                ax.step(hours, np.arange(1, len(hours) + 1) / len(hours), where="post", label=short[name])
        ax.set_ylabel("share of changes done within")
        ax.set_title("Lead time, arrival → production: every change after warm-up, all replications")
        ax.legend(loc="lower right", fontsize="small")
    else:
        for y, name in enumerate(scenarios):
            r = replications[replications["scenario"] == name]
            q = [r[f"lead_time_hours.{p}"].mean() if f"lead_time_hours.{p}" in r else np.nan for p in ("p50", "p85", "p95")]
            if not np.isnan(q).all():
                ax.plot([q[0], q[2]], [y, y], color="grey", linewidth=2)
                ax.plot(q, [y, y, y], "o", color=palette[y % len(palette)])
                for x, label in zip(q, ("p50", "p85", "p95")):
                    ax.annotate(label, (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize="x-small")
        ax.set_yticks(range(len(scenarios)), [short[n] for n in scenarios])
        ax.invert_yaxis()
        ax.set_title("Lead time, arrival → production: per-replication quantiles, mean over replications (--items for all changes)")
    ax.set_xscale("log")
    ax.set_xlabel("hours (log scale)")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    plt.show()
    """#

    static let costs = #"""
    parts = [("cost_of_people", "people"), ("cost_of_delay", "delay"), ("cost_of_incidents", "incidents")]
    costed = [name for name in scenarios if metric("cost_total", name) is not None]
    if not costed:
        print("no economics section in these scenarios: no costs")
    else:
        fig, ax = plt.subplots(figsize=(11, 1.2 + 0.45 * len(costed)))
        left = np.zeros(len(costed))
        for part, label in parts:
            values = np.array([metric(part, name) or 0.0 for name in costed])
            ax.barh(range(len(costed)), values, left=left, label=label)
            left += values
        ax.set_yticks(range(len(costed)), [short[n] for n in costed])
        ax.invert_yaxis()
        ax.set_xlabel("cost per week (mean over replications)")
        ax.legend(loc="lower right")
        fig.tight_layout()
        plt.show()
    """#

    static let fourKeys = #"""
    # The four keys, their titles and units from the metric registry in run.json; shares on a
    # linear axis, the others on a log axis.
    keys = [(m["metric"], f'{m["dora_key"]} ({m["unit"]})', m["quantity"] != "share")
            for m in run["metrics"] if m["dora_key"]]
    cluster_color = {"elite": "#1a9850", "high": "#66bd63", "medium": "#f46d43", "low": "#a50026"}
    fig, axes = plt.subplots(1, 4, figsize=(17, 2.2 + 0.45 * len(scenarios)), sharey=True)
    for ax, (key, title, log) in zip(axes, keys):
        for y, name in enumerate(scenarios):
            mean, low, high = (metric(key, name, c) for c in ("mean", "ci_low", "ci_high"))
            if mean is None:
                continue
            below = 0.0 if low is None else mean - low
            above = 0.0 if high is None else high - mean
            if log:
                below = min(below, mean * 0.999)
            row = summary[(summary["scenario"] == name) & (summary["metric"] == key)]
            color = cluster_color.get(str(row["dora_cluster"].iloc[0]), "grey")
            ax.errorbar(mean, y, xerr=[[below], [above]], fmt="o", color=color, capsize=4)
        if log:
            ax.set_xscale("log")
        ax.set_title(title)
        ax.grid(True, axis="x", which="both", alpha=0.3)
    axes[0].set_yticks(range(len(scenarios)), [short[n] for n in scenarios])
    axes[0].invert_yaxis()
    fig.legend([Patch(color=c) for c in cluster_color.values()], [f"DORA {run['dora_year']}: {k}" for k in cluster_color],
               loc="lower center", ncol=4, frameon=False)
    fig.suptitle("DORA four keys: mean and 95% interval over replications")
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    plt.show()
    """#

    static let valueStream = #"""
    # Every part of the value stream, in stream order, from summary.csv: the backlog, each stage's
    # queue, handoff, work and tests, the release wait, approval, deploy queue, deployment, a failed
    # deployment, canary, and time in production before a rollback; they add up to the lead time.
    prefix = "value_stream_hours."
    fixed = {"release_wait": "#9467bd", "approval": "#e377c2", "deploy_queue": "#8c564b", "deployment": "#17becf",
             "failed_deployment": "#252525", "canary": "#bcbd22", "rolled_back": "#969696"}
    def segment_style(segment):
        if segment == "backlog":
            return stage_color.get("backlog", "grey"), 0.35
        if segment in fixed:
            return fixed[segment], 1.0
        stage, _, part = segment.rpartition(".")
        if part == "blocked":
            return "#5b5b5b", 0.75
        return stage_color.get(stage, "grey"), {"queue": 0.3, "handoff": 0.55, "tests": 0.75}.get(part, 1.0)
    fig, ax = plt.subplots(figsize=(12, 3 + 0.5 * len(scenarios)))
    seen = {}
    for y, name in enumerate(scenarios):
        rows = summary[(summary["scenario"] == name) & summary["metric"].str.startswith(prefix)]
        left = 0.0
        for row_metric, hours in zip(rows["metric"], rows["mean"]):
            if not hours or hours != hours or hours <= 0:
                continue
            segment = row_metric[len(prefix):]
            color, alpha = segment_style(segment)
            bar = ax.barh(y, hours / 24, left=left, color=color, alpha=alpha)
            seen.setdefault(segment, bar)
            left += hours / 24
        lead = metric("lead_time_hours", name)
        if lead:
            ax.plot([lead / 24, lead / 24], [y - 0.4, y + 0.4], color="black", linewidth=2)
    ax.set_yticks(range(len(scenarios)), [short[n] for n in scenarios])
    ax.invert_yaxis()
    ax.set_xlabel("days per change reaching production (mean); the parts add up to the lead time (black mark)")
    ax.legend(list(seen.values()), [s.replace("_", " ") for s in seen], loc="lower right", fontsize="small", ncol=2)
    ax.set_title("Value stream map: where a change's lead time goes, arrival → production")
    ax.grid(True, axis="x", alpha=0.3)
    fig.tight_layout()
    plt.show()
    """#
}
