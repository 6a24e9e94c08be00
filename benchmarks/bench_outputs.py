"""Benchmark the outputs for scrutiny officers: writing the tables, the HTML report, query and --sql.

The dataset is the synthetic outputs fixture (tests/outputs_fixture.py) copied
`--copies` times with new ids, so it has the shape of a real run: requests,
answers linked to them, links, a few papers per copy.  The baseline, measured in
the same run, is pandas writing the same rows as plain CSV (`DataFrame.to_csv`);
every figure is reported as a ratio to it, and in seconds for orientation.

Usage: .venv/bin/python benchmarks/bench_outputs.py [--copies 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from click.testing import CliRunner  # noqa: E402
from outputs_fixture import synthetic_tables  # noqa: E402

from minutemine.cli import main  # noqa: E402
from minutemine.report import render_report  # noqa: E402
from minutemine.store import write_tables  # noqa: E402


def grown_tables(copies: int) -> dict[str, list]:
    """The fixture repeated with ids made unique per copy."""
    base = synthetic_tables()
    out: dict[str, list] = {name: [] for name in base}
    id_fields = {"doc_id", "item_id", "parent_id", "commitment_id", "answers", "answer_id", "request_id"}
    for n in range(copies):
        for name, rows in base.items():
            for row in rows:
                update = {f: f"{getattr(row, f)}~{n}" for f in id_fields
                          if f in type(row).model_fields and getattr(row, f)}
                out[name].append(row.model_copy(update=update))
    return out


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000)
    args = parser.parse_args()
    import pandas as pd

    tables = grown_tables(args.copies)
    n_commitments = len(tables["commitments"])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "outputs"
        frames = {name: pd.DataFrame([r.model_dump() for r in rows]) for name, rows in tables.items()}
        baseline = timed(lambda: [f.to_csv(Path(tmp) / f"{name}.base.csv", index=False) for name, f in frames.items()])
        runner = CliRunner()
        figures = {
            "write_tables csv+sqlite": timed(lambda: write_tables(out, tables)),
            "write_tables csv+sqlite+parquet": timed(lambda: write_tables(out, tables, formats=("csv", "parquet"))),
            "report (render + write)": timed(lambda: runner.invoke(main, ["report", "--out", str(out)])),
            "query --outstanding --format json": timed(
                lambda: runner.invoke(main, ["query", "--out", str(out), "--outstanding", "--format", "json"])),
            "query --sql (group by over commitments)": timed(lambda: runner.invoke(main, [
                "query", "--out", str(out), "--format", "json",
                "--sql", "SELECT status, count(*) FROM commitments WHERE kind = 'request' GROUP BY 1"])),
        }
        size = (out / "report.html").stat().st_size
        assert render_report(out, out / "report.html").encode() == (out / "report.html").read_bytes()
    print(f"{n_commitments} commitments, {len(tables['documents'])} papers; "
          f"baseline pandas to_csv of the same rows: {baseline:.2f}s")
    for name, seconds in figures.items():
        print(f"  {name:<42} {seconds:7.2f}s  {seconds / baseline:6.1f}x baseline")
    print(f"  report.html size: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main_bench()
