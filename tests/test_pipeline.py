"""The pipeline's plumbing: parallel runs, the cache, the executors, Dask."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import minutemine
from minutemine.cache import ResultCache, pipeline_version
from minutemine.executors import CRASHED, run_in_pool, run_in_process, timeout_reason
from minutemine.pipeline import RunSummary, Settings, process_bytes, process_file, run

TABLES = ("documents", "items", "commitments", "links")


def tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


@pytest.fixture
def serial_tables(corpus_dir, tmp_path_factory) -> dict[str, bytes]:
    """The corpus processed by one process without a cache: the reference output.

    Run in a fresh interpreter, like the workers it is compared with, so both see
    the same code even while the package is being edited.
    """
    out = tmp_path_factory.mktemp("serial")
    subprocess.run([sys.executable, "-m", "minutemine", "run", str(corpus_dir), "--out", str(out),
                    "--workers", "1", "--no-cache", "--quiet"], check=True)
    return tables(out)


def test_two_workers_give_byte_identical_tables(corpus_dir, tmp_path, serial_tables):
    subprocess.run([sys.executable, "-m", "minutemine", "run", str(corpus_dir), "--out", str(tmp_path),
                    "--workers", "2", "--no-cache", "--quiet"], check=True)
    assert tables(tmp_path) == serial_tables


def test_a_warm_cache_gives_byte_identical_tables_and_processes_nothing(corpus_dir, tmp_path):
    first = run([corpus_dir], tmp_path, Settings(workers=2, quiet=True))
    cold = tables(tmp_path)
    second = run([corpus_dir], tmp_path, Settings(workers=2, quiet=True))
    assert (first.files_cached, second.files_cached) == (0, 14)
    assert tables(tmp_path) == cold


def test_adding_one_paper_processes_one_paper(text_corpus, tmp_path):
    out = tmp_path / "out"
    run([text_corpus], out, Settings(workers=1, quiet=True))
    (text_corpus / "new-paper.txt").write_text("Minutes\n1. The Cabinet agrees to publish the plan by 1 April 2018.\n")
    again = run([text_corpus], out, Settings(workers=1, quiet=True))
    assert again.files_cached == 5
    assert again.files_ok + again.files_empty + again.files_error == 6


def test_no_cache_processes_every_paper(text_corpus, tmp_path):
    run([text_corpus], tmp_path / "out", Settings(workers=1, quiet=True))
    forced = run([text_corpus], tmp_path / "out", Settings(workers=1, use_cache=False, quiet=True))
    assert forced.files_cached == 0


def test_corrupt_cache_entry_is_recomputed(text_corpus, tmp_path):
    out = tmp_path / "out"
    run([text_corpus], out, Settings(workers=1, quiet=True))
    before = tables(out)
    entries = sorted((out / ".cache").rglob("*.json.gz"))
    assert len(entries) == 5
    entries[0].write_bytes(entries[0].read_bytes()[:40])  # truncated: as if the disk filled up
    entries[1].write_bytes(gzip.compress(b'{"document": "not a row"}'))  # readable but wrong
    (out / ".minutemine-tables.json").unlink()  # else nothing is new: the tables stand and the cache is not read
    again = run([text_corpus], out, Settings(workers=1, quiet=True))
    assert again.files_cached == 3
    assert tables(out) == before
    assert len(sorted((out / ".cache").rglob("*.json.gz"))) == 5


def test_cache_hit_keeps_the_path_the_paper_has_now(corpus_dir, tmp_path):
    paper = sorted(corpus_dir.glob("*.txt"))[0]
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(paper, tmp_path / folder / paper.name)
    cache_dir = tmp_path / "cache"
    run([tmp_path / "a"], tmp_path / "out-a", Settings(workers=1, quiet=True, cache_dir=str(cache_dir)))
    moved = run([tmp_path / "b"], tmp_path / "out-b", Settings(workers=1, quiet=True, cache_dir=str(cache_dir)))
    assert moved.files_cached == 1
    assert str(tmp_path / "b" / paper.name).encode() in (tmp_path / "out-b" / "documents.csv").read_bytes()


def test_settings_that_change_results_miss_the_cache(text_corpus, tmp_path):
    run([text_corpus], tmp_path / "out", Settings(workers=1, quiet=True))
    stricter = run([text_corpus], tmp_path / "out", Settings(workers=1, quiet=True, max_pages=1))
    assert stricter.files_cached == 0


def test_editing_a_pattern_file_changes_the_pipeline_version(tmp_path):
    package = Path(minutemine.__file__).parent
    copy = tmp_path / "minutemine"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "patterns").mkdir(exist_ok=True)
    pattern = copy / "patterns" / "zz_test.jsonl"
    pattern.write_text('{"label": "ACTOR", "pattern": "Cabinet"}\n')
    before = pipeline_version(copy)
    pattern.write_text('{"label": "ACTOR", "pattern": "Council"}\n')
    pipeline_version.cache_clear()
    after = pipeline_version(copy)
    (copy / "link.py").write_text("# linking runs after the cache\n")
    pipeline_version.cache_clear()
    assert before != after
    assert pipeline_version(copy) == after


def test_a_file_changed_while_running_is_not_cached_under_its_old_content(corpus_dir, tmp_path):
    paper = tmp_path / "p.txt"
    paper.write_text("1. The Cabinet agrees.\n")
    cache = ResultCache(tmp_path / "cache", Settings().fingerprint())
    key = cache.key_for(paper)
    paper.write_text("1. The Cabinet agrees to something else.\n")
    assert not cache.matches(key, paper, process_file(paper))


def test_process_bytes_matches_process_file(pdf_papers):
    pdf = pdf_papers[0]
    from_bytes = process_bytes(str(pdf), pdf.read_bytes())
    assert from_bytes == process_file(pdf)


def test_summary_line():
    summary = RunSummary(files_ok=13, files_error=1, files_cached=12, items=300, commitments=40,
                         requests_outstanding=3, elapsed=2.04)
    assert summary.line() == ("13 files ok, 0 empty, 1 error (12 from cache); 300 items, 40 commitments, "
                              "3 requests outstanding; 2.0s")


# Task functions for the executors: module level so worker processes can import them.
def double_or_misbehave(x: int) -> int:
    if x == -1:
        time.sleep(60)  # a hang
    if x == -2:
        os._exit(3)  # a crash inside a C library looks like this to the pool
    if x == -3:  # a hang where no signal handler runs, as inside a C call
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return 2 * x


def failed(index: int, reason: str) -> str:
    return f"#{index}: {reason}"


def test_pool_turns_a_hung_task_into_an_error_and_finishes_the_rest():
    tasks = list(enumerate([1, 2, -1, 3, 4, 5]))
    t0 = time.monotonic()
    results = dict(run_in_pool(double_or_misbehave, tasks, workers=2, timeout=1.5, failed=failed))
    assert time.monotonic() - t0 < 30
    assert results == {0: 2, 1: 4, 2: f"#2: {timeout_reason(1.5)}", 3: 6, 4: 8, 5: 10}


def test_pool_kills_a_worker_hung_where_the_alarm_cannot_reach_it():
    tasks = list(enumerate([1, -3, 2, 3]))
    t0 = time.monotonic()
    results = dict(run_in_pool(double_or_misbehave, tasks, workers=2, timeout=1, failed=failed, grace=2))
    assert time.monotonic() - t0 < 50
    assert results == {0: 2, 1: f"#1: {timeout_reason(1)}", 2: 4, 3: 6}


def test_pool_blames_only_the_task_that_kills_its_worker():
    tasks = list(enumerate([1, 2, 3, -2, 4, 5, 6]))
    results = dict(run_in_pool(double_or_misbehave, tasks, workers=2, timeout=30, failed=failed))
    assert results == {0: 2, 1: 4, 2: 6, 3: f"#3: {CRASHED}", 4: 8, 5: 10, 6: 12}


def test_in_process_run_turns_a_hung_task_into_an_error():
    results = dict(run_in_process(double_or_misbehave, list(enumerate([1, -1, 2])), timeout=0.5, failed=failed))
    assert results == {0: 2, 1: f"#1: {timeout_reason(0.5)}", 2: 4}


@pytest.mark.slow
def test_dask_cluster_gives_the_same_tables_as_a_local_run(corpus_dir, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        settings = Settings(executor="dask", scheduler=cluster.scheduler_address, use_cache=False, quiet=True)
        run([corpus_dir], tmp_path / "dask", settings)
    # The reference also processes papers in fresh processes and links here, like the Dask run.
    run([corpus_dir], tmp_path / "local", Settings(workers=2, use_cache=False, quiet=True))
    assert tables(tmp_path / "dask") == tables(tmp_path / "local")


def test_cli_cache_dir_and_summary_line(text_papers, tmp_path):
    from click.testing import CliRunner

    from minutemine.cli import main

    args = ["run", str(text_papers[0]), "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"),
            "--workers", "1", "--timeout", "60"]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert first.exit_code == second.exit_code == 0, first.output
    assert len(list((tmp_path / "cache").rglob("*.json.gz"))) == 1
    assert not (tmp_path / "out" / ".cache").exists()
    assert "1 files ok, 0 empty, 0 error (1 from cache);" in second.output


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(monkeypatch):
    import io

    from minutemine.pipeline import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_bar(3, 0, quiet=False).disable
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert progress_bar(3, 0, quiet=True).disable
    with progress_bar(3, 1, quiet=False) as bar:
        bar.update()
    assert "2/3" in sys.stderr.getvalue()


def test_rerun_with_nothing_new_skips_linking_and_writing_slow_warm_rerun_regression(text_corpus, tmp_path,
                                                                                    monkeypatch):
    """Regression: a re-run with every paper cached still re-linked and rewrote everything
    (~10 CPU-s at 10x the corpus); now the tables written by the same inputs are left alone."""
    from minutemine import pipeline

    out = tmp_path / "out"
    first = run([text_corpus], out, Settings(workers=1, quiet=True))
    before = tables(out)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}

    def must_not_link(results):
        raise AssertionError("nothing changed, yet the run linked again")

    monkeypatch.setattr(pipeline, "gather", must_not_link)
    again = run([text_corpus], out, Settings(workers=1, quiet=True))
    assert again.model_dump(exclude={"elapsed", "files_cached"}) == first.model_dump(exclude={"elapsed", "files_cached"})
    assert again.files_cached == 5
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps
    assert tables(out) == before


def test_rerun_rewrites_a_table_edited_by_hand_or_when_a_paper_is_added(text_corpus, tmp_path):
    out = tmp_path / "out"
    run([text_corpus], out, Settings(workers=1, quiet=True))
    before = tables(out)
    (out / "links.csv").write_text("edited by hand\n")
    run([text_corpus], out, Settings(workers=1, quiet=True))
    assert tables(out) == before
    extra = sorted(text_corpus.iterdir())[0]
    (text_corpus / f"copy-{extra.name}").write_bytes(extra.read_bytes() + b"\n\n")
    added = run([text_corpus], out, Settings(workers=1, quiet=True))
    assert (added.files_ok, added.files_cached) == (6, 5)
    assert tables(out)["documents"].count(b"\n") == before["documents"].count(b"\n") + 1


def test_adding_a_paper_relinks_only_its_story_block_and_matches_a_cold_run(text_corpus, tmp_path, monkeypatch):
    """A warm re-run links again only the block the new paper joins; the tables equal a run from nothing."""
    from minutemine import link_blocks

    out = tmp_path / "out"
    run([text_corpus], out, Settings(workers=1, quiet=True))
    linked_blocks: list[set[str]] = []
    real_link_block = link_blocks.link_block

    def counting(documents, items, commitments):
        linked_blocks.append({d.body for d in documents})
        return real_link_block(documents, items, commitments)

    monkeypatch.setattr(link_blocks, "link_block", counting)
    (text_corpus / "worcestershire-2018-06-cabinet-minute.txt").write_text(
        "Worcestershire County Council\nCabinet minutes\n"
        "1. The Cabinet noted the update on the alternative delivery model and confirmed that the "
        "business case will be reported by 30 September 2018.\n", encoding="utf-8")
    run([text_corpus], out, Settings(workers=1, quiet=True))
    assert linked_blocks == [{"Worcestershire County Council"}]  # the Plymouth–Torbay block came from the cache

    cold = tmp_path / "cold"
    run([text_corpus], cold, Settings(workers=1, use_cache=False, quiet=True))
    assert tables(out) == tables(cold)


def test_block_link_cache_is_pruned_of_blocks_no_longer_asked_for(text_corpus, tmp_path):
    out = tmp_path / "out"
    run([text_corpus], out, Settings(workers=1, quiet=True))
    entries = lambda: sorted(p.name for p in (out / ".cache" / "links").glob("*/*.json"))  # noqa: E731
    before = entries()
    assert len(before) == 2  # Plymouth–Torbay and Worcestershire
    worcestershire = next(text_corpus.glob("worcestershire*.txt"))
    worcestershire.write_bytes(worcestershire.read_bytes() + b"\nAn added line.\n")
    run([text_corpus], out, Settings(workers=1, quiet=True))
    after = entries()
    assert len(after) == 2 and len(set(before) & set(after)) == 1


def test_processing_a_paper_imports_no_module_left_out_of_the_pipeline_version(corpus_dir):
    """Regression: editing linking code invalidated every cached paper.  The pipeline version
    now leaves out the modules and patterns that run after the per-document stages; this
    checks that claim, so a stage that starts using one of them cannot serve stale results."""
    from minutemine.cache import PACKAGE_DIR, after_cache

    papers = [str(next(corpus_dir.glob("*.txt"))), str(next((corpus_dir / "pdf").glob("*.pdf")))]
    script = ("import sys\n"
              "from minutemine.pipeline import process_file\n"
              f"for p in {papers!r}: process_file(p)\n"
              "print('\\n'.join(m.__file__ for m in list(sys.modules.values()) "
              "if getattr(m, '__name__', '').startswith('minutemine') and getattr(m, '__file__', None)))\n")
    loaded = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout.split()
    loaded_names = {Path(f).name for f in loaded if Path(f).parent == PACKAGE_DIR}
    assert "extract.py" in loaded_names  # the stages really ran in the subprocess
    assert {name for name in loaded_names if after_cache(Path(name))} == set()
    reads_linking_patterns = [f for f in loaded_names if "linking" in (PACKAGE_DIR / f).read_text(encoding="utf-8")
                              and "linking.jsonl" in (PACKAGE_DIR / f).read_text(encoding="utf-8")]
    assert reads_linking_patterns == []
