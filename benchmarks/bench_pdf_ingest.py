"""How fast is minutemine's PDF ingest compared with pypdfium2's bare text layer?

    .venv/bin/python benchmarks/bench_pdf_ingest.py [--rounds 5] [--repeat 5] [PDF ...]

Both are measured in the same run on the same files (default: corpus/pdf/*.pdf, each read
`--repeat` times per round), taking turns round by round; the best of `--rounds` rounds is
reported, so a busy machine slows both alike.  The baseline opens each PDF and calls get_textpage().get_text_range() on
every page, nothing more; minutemine's ingest (`ingest_file`) adds hashing, furniture, ruled
tables, hyphenation, normalisation and metadata.  Target: ratio >= 0.5.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from minutemine.ingest import ingest_file

ROOT = Path(__file__).resolve().parents[1]


def bare_text_layer(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def minutemine_ingest(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        doc = ingest_file(path)
        if doc.status != "ok":
            sys.exit(f"{path}: {doc.error}")
        pages += doc.n_pages
    return pages


def best_rates(fns, paths: list[Path], rounds: int) -> list[tuple[int, float, float]]:
    """(pages, best wall seconds, best CPU seconds) of each function over the rounds.

    The functions take turns round by round so that both see the same load; CPU time
    (this process only) is what the ratio uses, as wall time on a shared machine swings
    with whatever else runs.
    """
    wall = [float("inf")] * len(fns)
    cpu = [float("inf")] * len(fns)
    pages = [0] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start, start_cpu = time.perf_counter(), time.process_time()
            pages[i] = fn(paths)
            wall[i] = min(wall[i], time.perf_counter() - start)
            cpu[i] = min(cpu[i], time.process_time() - start_cpu)
    return list(zip(pages, wall, cpu))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5, help="times each file is read per round")
    args = parser.parse_args()
    files = args.pdfs or sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    paths = files * args.repeat
    minutemine_ingest(files[:1])  # warm up imports and the pattern files outside the timing
    names = ("pypdfium2 text layer (baseline)", "minutemine ingest_file")
    timings = best_rates((bare_text_layer, minutemine_ingest), paths, args.rounds)
    base_wall, base_cpu = timings[0][0] / timings[0][1], timings[0][0] / timings[0][2]
    print(f"{len(files)} PDFs x {args.repeat}, best of {args.rounds} rounds")
    print(f"{'method':34} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'ratio':>6} {'CPU s':>7} {'pages/CPU s':>11} {'ratio':>6}")
    for name, (pages, wall, cpu) in zip(names, timings):
        print(f"{name:34} {pages:6d} {wall:7.3f} {pages / wall:8.0f} {pages / wall / base_wall:6.2f}"
              f" {cpu:7.3f} {pages / cpu:11.0f} {pages / cpu / base_cpu:6.2f}")
    ratio = timings[1][0] / timings[1][2] / base_cpu
    print(f"ratio minutemine / baseline (CPU) = {ratio:.2f} (target >= 0.5): {'ok' if ratio >= 0.5 else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
