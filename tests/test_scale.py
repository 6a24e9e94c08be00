"""Big and hostile inputs, and a run killed halfway: nothing lost, nothing half-written."""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scaled_corpus import replicate_corpus

from minutemine.pipeline import Settings, process_file, run

TABLES = ("documents", "items", "commitments", "links")


def cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "minutemine", "run", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **kwargs)


def document_rows(out: Path) -> list[dict[str, str]]:
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def cache_entries(out: Path) -> int:
    return sum(1 for _ in (out / ".cache").rglob("*.json.gz"))


def workers_exit_after_their_run_is_killed(session: int, within: float = 30) -> bool:
    """True once no process of the killed run's session is left (then nothing to clean up)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(session, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    os.killpg(session, signal.SIGKILL)  # do not leave them running after a failed test
    return False


@pytest.mark.slow
def test_run_killed_halfway_keeps_previous_outputs_and_resumes_from_cache(corpus_dir, tmp_path):
    out = tmp_path / "out"
    first = cli(str(corpus_dir), "--out", str(out), "--workers", "2")
    assert first.wait(timeout=600) == 0, first.stderr.read()
    previous = {name: (out / f"{name}.csv").read_bytes() for name in TABLES}
    before_kill = cache_entries(out)
    papers = tmp_path / "papers"
    n_papers = len(replicate_corpus(papers, copies=4))

    victim = cli(str(papers), "--out", str(out), "--workers", "2")
    deadline = time.monotonic() + 600
    while cache_entries(out) < before_kill + 10 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert victim.poll() is None, "the run finished before it could be killed: give it more papers"
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    assert workers_exit_after_their_run_is_killed(victim.pid)

    assert {name: (out / f"{name}.csv").read_bytes() for name in TABLES} == previous
    assert len(document_rows(out)) == 14
    resumable = cache_entries(out) - before_kill
    assert 10 <= resumable < n_papers

    again = cli(str(papers), "--out", str(out), "--workers", "2")
    assert again.wait(timeout=600) == 0
    summary = again.stderr.read()
    from_cache = int(re.search(r"\((\d+) from cache\)", summary).group(1))
    assert from_cache >= resumable
    assert len(document_rows(out)) == n_papers


@pytest.mark.slow
def test_file_over_the_size_limit_is_an_error_row_stating_the_limit(tmp_path):
    big = tmp_path / "papers" / "huge-minutes.txt"
    big.parent.mkdir()
    line = b"The Cabinet agrees to publish the plan by 1 April 2018.\n"
    with big.open("wb") as fh:
        for _ in range(100_000_000 // (len(line) * 1000) + 1):
            fh.write(line * 1000)
    assert big.stat().st_size > 100_000_000
    run([big.parent], tmp_path / "out", Settings(workers=1, quiet=True, max_bytes=50_000_000))
    [row] = document_rows(tmp_path / "out")
    assert row["status"] == "error"
    assert "over the 50 MB limit (--max-bytes)" in row["error"]


def test_pdf_with_thousands_of_pages_is_an_error_row_stating_the_limit(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(2500):
        pdf.new_page(300, 400)
    path = tmp_path / "thousands-of-pages.pdf"
    pdf.save(path)
    result = process_file(path, Settings(max_pages=2000))
    assert result.document.status == "error"
    assert result.document.error == "PDF has 2500 pages, over the limit of 2000 (--max-pages)"


def test_ten_megabyte_single_line_gives_a_row_not_a_crash(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text("The Cabinet agrees to fund the scheme. " * (10_000_000 // 39))
    result = process_file(path)
    assert result.document.status in ("ok", "error")
    assert result.document.status == "ok" or result.document.error


def test_deeply_nested_numbering_is_segmented(tmp_path):
    path = tmp_path / "nested.txt"
    path.write_text("\n".join(".".join(["1"] * depth) + ". The council requests that officers report back."
                              for depth in range(1, 200)))
    result = process_file(path)
    assert result.document.status == "ok"
    assert len(result.items) >= 199


def test_ten_megabyte_single_line_error_is_a_plain_reason_not_spacys_E088(tmp_path):
    """Regression: the row's error was spaCy's multi-line E088 text about parser memory."""
    path = tmp_path / "one-line.txt"
    path.write_text("The council will review " + "x" * (10 * 1024 * 1024 - 30) + ".\n")
    error = process_file(path).document.error
    assert re.fullmatch(r"a paragraph of [\d,]+ characters is longer than the 1,000,000-character limit "
                        r"of the text pipeline", error), error
    assert int(error.split()[3].replace(",", "")) > 10_000_000


def test_size_limit_default_is_one_constant_for_cli_library_and_ingest():
    """Regression: the CLI's --max-bytes default was 50,000,000 while ingest's was 50 MiB,
    so a CLI run and a library run keyed their caches differently and stated different limits."""
    from minutemine.cli import run as run_command
    from minutemine.ingest import DEFAULT_MAX_BYTES, ingest_file

    [option] = [p for p in run_command.params if p.name == "max_bytes"]
    assert option.default == DEFAULT_MAX_BYTES == Settings().max_bytes
    assert ingest_file.__defaults__[0] == DEFAULT_MAX_BYTES
