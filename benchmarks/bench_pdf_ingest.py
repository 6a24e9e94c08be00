"""How fast is minutemine's PDF ingest compared with pypdfium2's bare text layer?

    .venv/bin/python benchmarks/bench_pdf_ingest.py [--rounds 3] [--repeat 5] [PDF ...]

Both are measured in the same run on the same files (default: corpus/pdf/*.pdf, each read
`--repeat` times per round); the best of `--rounds` rounds is reported, so a busy machine
slows both alike.  The baseline opens each PDF and calls get_textpage().get_text_range() on
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


def best_rate(fn, paths: list[Path], rounds: int) -> tuple[int, float]:
    best = float("inf")
    pages = 0
    for _ in range(rounds):
        start = time.perf_counter()
        pages = fn(paths)
        best = min(best, time.perf_counter() - start)
    return pages, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5, help="times each file is read per round")
    args = parser.parse_args()
    files = args.pdfs or sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    paths = files * args.repeat
    minutemine_ingest(files[:1])  # warm up imports and the pattern files outside the timing
    rows = []
    for name, fn in (("pypdfium2 text layer (baseline)", bare_text_layer), ("minutemine ingest_file", minutemine_ingest)):
        pages, seconds = best_rate(fn, paths, args.rounds)
        rows.append((name, pages, seconds, pages / seconds))
    base = rows[0][3]
    print(f"{len(files)} PDFs x {args.repeat}, best of {args.rounds} rounds")
    print(f"{'method':34} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'ratio':>6}")
    for name, pages, seconds, rate in rows:
        print(f"{name:34} {pages:6d} {seconds:8.3f} {rate:8.0f} {rate / base:6.2f}")
    ratio = rows[1][3] / base
    print(f"ratio minutemine / baseline = {ratio:.2f} (target >= 0.5): {'ok' if ratio >= 0.5 else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
