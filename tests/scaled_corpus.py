"""Bigger corpora for the scale tests and benchmarks: copies of the sample corpus.

Each copy differs from the original by bytes that ingest ignores (trailing
blank lines in text, a comment after %%EOF in a PDF), so every copy has its own
sha256 (its own doc_id and cache entry) but exactly the same work to do.
"""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def perturbed(data: bytes, suffix: str, n: int) -> bytes:
    """`data` with `n` written where the reader does not look."""
    if suffix == ".pdf":
        return data + b"\n%minutemine-copy-" + str(n).encode() + b"\n"
    return data + b"\n" + b" " * n + b"\n"


def replicate_corpus(dest: Path, copies: int, source: Path = CORPUS) -> list[Path]:
    """Write `copies` perturbed copies of every paper under `source` into dest/copyNNNN/."""
    papers = sorted(p for p in source.rglob("*") if p.suffix.lower() in {".txt", ".pdf"})
    written = []
    for n in range(copies):
        for paper in papers:
            target = dest / f"copy{n:04d}" / paper.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(perturbed(paper.read_bytes(), paper.suffix.lower(), n))
            written.append(target)
    return written
