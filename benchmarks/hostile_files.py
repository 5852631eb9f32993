"""How long each hostile file takes to be refused (or, for the lying dimension, imported).

    python benchmarks/hostile_files.py [--runs 3]

The files are those of tests/hostile_files.py: .xlsx zip and XML bombs, rows and columns past the
sheet limits, impossible numbers, mixed encodings, broken quotes, and YAML bombs in an export
folder. Each is imported in-process against a copy of the sample workspace; the median of
``--runs`` is printed, with the import's outcome. Tests never assert on these times.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bsc_widgets.base.errors import BscError  # noqa: E402
from bsc_widgets.portable import read_folder  # noqa: E402
from bsc_widgets.services import COMMAND_LINE  # noqa: E402
from bsc_widgets.services.measures import import_sheet  # noqa: E402
from bsc_widgets.store import Store  # noqa: E402
from tests.hostile_files import FOLDERS, MEASURE, SHEETS, TEAM, lying_dimension  # noqa: E402

SAMPLE = ROOT / "sample_data" / "collaborative"


def timed(fn, runs: int) -> tuple[float, str]:
    times, outcome = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            fn()
            outcome = "imported"
        except BscError as exc:
            outcome = "refused: " + (str(exc.problems[0].message) if exc.problems else exc.message)[:70]
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = Store.open(tmp / "ws" / "bsc.sqlite", create=True)
        store.load(read_folder(SAMPLE))
        rows = []
        cases = {**SHEETS, "xlsx dimension claiming every cell (must import)": ("dim.xlsx", lying_dimension, "")}
        for name, (file, make, _) in cases.items():
            path = make(tmp / file)
            size = path.stat().st_size
            seconds, outcome = timed(lambda: import_sheet(store, COMMAND_LINE, path, TEAM, MEASURE, replace_existing=True),
                                     args.runs)
            rows.append((f"sheet: {name}", size, seconds, outcome))
            path.unlink()
        for name, (mutate, _, _) in FOLDERS.items():
            folder = tmp / "folder"
            shutil.copytree(SAMPLE, folder)
            mutate(folder)
            size = sum(p.stat().st_size for p in folder.iterdir())
            seconds, outcome = timed(lambda: read_folder(folder), args.runs)
            rows.append((f"folder: {name}", size, seconds, outcome))
            shutil.rmtree(folder)
        store.close()
    width = max(len(r[0]) for r in rows)
    print(f"{'case':<{width}}  {'on disk':>10}  {'seconds':>8}  outcome (median of {args.runs})")
    for name, size, seconds, outcome in rows:
        print(f"{name:<{width}}  {size / 1024:>8.0f} kB  {seconds:>8.3f}  {outcome}")
    print(f"slowest: {max(r[2] for r in rows):.3f} s")


if __name__ == "__main__":
    main()
