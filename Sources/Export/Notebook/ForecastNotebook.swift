/// `forecast.ipynb`: loads a forecast export's `forecast.csv` with pandas and draws each
/// scenario's finish-date histogram with its 50/70/85/95% dates, and the "how many" counts when
/// the forecast had a `--by` date. The same text for every export (names are read at run time).
public enum ForecastNotebook {
    public static let fileName = "forecast.ipynb"

    static let cells: [AnalysisNotebook.Cell] = [
        .init(kind: .markdown, source: """
        # DeliverySim forecast

        `forecast.csv` holds one row per scenario and replication: `finish_hours` (from the start, \
        empty when the scope was not all in production by the horizon), `finish_date`, `items` (the \
        scope at the end, growth included) and `done_by` (items in production by the `--by` date). \
        `forecast.json` holds the start, the question and the percentiles as the command printed them.
        """),
        .init(kind: .code, source: """
        import json
        import math
        import pandas as pd
        import matplotlib.pyplot as plt

        rows = pd.read_csv("forecast.csv", keep_default_na=True)
        rows["finish_date"] = pd.to_datetime(rows["finish_date"])
        meta = json.load(open("forecast.json"))
        probabilities = [0.5, 0.7, 0.85, 0.95]

        def rank(p, n):
            # 0-based index of the ⌈p·n⌉-th smallest value, as deliverysim computes it.
            return max(0, min(n - 1, math.ceil(p * n - 1e-9) - 1))

        def dated(values, p):
            # The date by which at least p of the replications finished (unfinished: later than all).
            ordered = values.sort_values(na_position="last").reset_index(drop=True)
            return ordered.iloc[rank(p, len(ordered))]

        def at_least(values, p):
            # At least this many in p of the replications: the lower (1 − p) quantile.
            ordered = sorted(values)
            return ordered[len(ordered) - 1 - rank(p, len(ordered))]
        """),
        .init(kind: .markdown, source: "## Finish date per scenario\n\nThe share of replications that had the whole scope in production on each date; the vertical lines are the 50/70/85/95% dates."),
        .init(kind: .code, source: """
        labels = list(dict.fromkeys(rows["scenario"]))
        fig, axes = plt.subplots(len(labels), 1, figsize=(9, 2.6 * len(labels)), sharex=True, squeeze=False)
        for ax, label in zip(axes[:, 0], labels):
            finished = rows[rows["scenario"] == label]["finish_date"]
            ax.hist(finished.dropna(), bins=min(40, max(5, finished.nunique())), color="#1f77b4", alpha=0.8)
            for p in probabilities:
                d = dated(finished, p)
                if pd.notna(d):
                    ax.axvline(d, color="#d62728", linestyle="--", linewidth=1)
                    ax.text(d, ax.get_ylim()[1] * 0.9, f" {int(p * 100)}%", color="#d62728", fontsize=8)
            ax.set_title(f"{label}: {finished.isna().sum()} unfinished of {len(finished)}", fontsize=10)
            ax.set_ylabel("replications")
        axes[-1, 0].set_xlabel(f"date all in production (start {meta['start']})")
        fig.tight_layout()
        """),
        .init(kind: .markdown, source: "## How many by the date\n\nWith `--by`: at least this many items in production by the end of that date, with each probability (the lower (1 − p) quantile of `done_by`, as the command prints it)."),
        .init(kind: .code, source: """
        if meta["by"] is None:
            print("no --by date in this forecast")
        else:
            table = {label: [int(at_least(rows[rows["scenario"] == label]["done_by"], p)) for p in probabilities]
                     for label in dict.fromkeys(rows["scenario"])}
            display(pd.DataFrame(table, index=[f"{int(p * 100)}%" for p in probabilities]))
        """),
    ]

    /// The notebook as nbformat 4.5 JSON.
    public static func json() -> String { AnalysisNotebook.json(cells: cells) }
}
