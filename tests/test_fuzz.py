"""Hostile input never crashes or hangs a run: it becomes a row with a status and a reason."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutemine.pipeline import Settings, process_file, run

STATUSES = {"ok", "empty", "error"}
# Characters that trip text handling: RTL/LTR marks and overrides, zero-width spaces and
# joiners, combining accents, a BOM mid-text, line and paragraph separators, NBSP.
ODD = "\u200f\u200e\u202e\u202c\u200b\u200c\u200d\u2060\ufeff\u0301\u0308\u20dd\u2028\u2029\u00a0\u0085\u000c"


def check_row(result) -> None:
    doc = result.document
    assert doc.status in STATUSES
    assert doc.status == "ok" or doc.error, "a failed file must say why"
    if doc.status != "ok":
        assert not result.items and not result.commitments


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000))
def test_random_bytes_as_text_give_a_row(tmp_path, data):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    check_row(process_file(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list(ODD) + list("1.(a)i Cabinet agrees £5m by 1 April 2018\n-•")),
                    max_size=600))
def test_unicode_oddities_give_a_row(tmp_path, text):
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    result = process_file(path)
    check_row(result)
    for item in result.items:
        assert 0 <= item.char_start <= item.char_end


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_pdf_give_a_row(tmp_path, data):
    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + data)
    check_row(process_file(path))


def damaged_pdfs(pdf_papers: list[Path], folder: Path, seed: int = 20240912) -> list[Path]:
    """Corpus PDFs truncated at several points and with bytes overwritten, reproducibly."""
    rng = random.Random(seed)
    folder.mkdir()
    made = []
    for paper in pdf_papers[:4]:
        data = paper.read_bytes()
        for share in (0.02, 0.5, 0.97):
            made.append(folder / f"truncated-{int(share * 100):02d}-{paper.name}")
            made[-1].write_bytes(data[: int(len(data) * share)])
        for n in range(3):
            mutated = bytearray(data)
            for _ in range(40):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            made.append(folder / f"mutated-{n}-{paper.name}")
            made[-1].write_bytes(bytes(mutated))
    return made


@pytest.mark.slow
def test_truncated_and_mutated_pdfs_each_give_a_row(pdf_papers, tmp_path):
    # Through the process pool: a damaged PDF that crashes pdfium kills a worker, not the run.
    made = damaged_pdfs(pdf_papers, tmp_path / "damaged")
    run([tmp_path / "damaged"], tmp_path / "out", Settings(workers=2, quiet=True, use_cache=False, timeout=120))
    with open(tmp_path / "out" / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(Path(r["source_path"]).name for r in rows) == sorted(p.name for p in made)
    for row in rows:
        assert row["status"] in STATUSES
        assert row["status"] == "ok" or row["error"]
    truncated_early = [r for r in rows if Path(r["source_path"]).name.startswith("truncated-02-")]
    assert all(r["status"] == "error" for r in truncated_early)
