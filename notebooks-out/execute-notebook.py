#!/usr/bin/env python3
"""Execute a DeliverySim export's analysis.ipynb headless, top to bottom, in its own folder,
and save it with its outputs. Fails (exit 1) if a cell raises or if the notebook does not draw
exactly four figures (or FIGURES: a forecast export's forecast.ipynb draws one).

    python3 notebooks-out/execute-notebook.py EXPORT_DIR/analysis.ipynb [FIGURES]

Needs nbclient, nbformat, ipykernel, pandas and matplotlib (pip install them).
"""
import os
import sys

import nbclient
import nbformat


def main(path, expected=4):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    figures = sum(1 for cell in notebook.cells if cell.cell_type == "code"
                  for output in cell.get("outputs", []) if "image/png" in output.get("data", {}))
    errors = [output for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.get("outputs", []) if output.get("output_type") == "error"]
    nbformat.write(notebook, path)
    if errors or figures != expected:
        print(f"{path}: {len(errors)} errors, {figures} figures (expected {expected})", file=sys.stderr)
        return 1
    print(f"{path}: executed, {figures} figures")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and not sys.argv[2].isdigit()):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 4))
