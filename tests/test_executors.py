"""Time limits that hold in any thread (deadline.py), and the Dask executor's failure modes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from minutemine import deadline
from minutemine.deadline import DeadlineExceeded
from minutemine.executors import call_with_deadline, run_in_process, timeout_reason
from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.segment import segment_document


@pytest.fixture
def past_deadline():
    """A limit that is already over: the next deadline check must raise."""
    with deadline.limit(1e-9):
        time.sleep(0.001)
        yield


def test_check_does_nothing_without_a_limit():
    deadline.check()
    assert deadline.remaining() is None


def test_a_limit_is_undone_after_its_block_and_an_enclosing_sooner_limit_still_holds():
    with deadline.limit(1000):
        outer = deadline.remaining()
        with deadline.limit(5000):
            assert deadline.remaining() <= outer
        with deadline.limit(1):
            assert deadline.remaining() <= 1
        assert deadline.remaining() > 1
    assert deadline.remaining() is None


def test_a_limit_belongs_to_its_own_thread(past_deadline):
    seen = []
    other = threading.Thread(target=lambda: seen.append(deadline.remaining()))
    other.start()
    other.join()
    assert seen == [None]
    with pytest.raises(DeadlineExceeded):
        deadline.check()


def test_the_deadline_gets_through_the_pipeline_that_turns_any_exception_into_an_error_row(text_papers):
    from minutemine.pipeline import process_file

    with deadline.limit(1e-9), pytest.raises(DeadlineExceeded):
        time.sleep(0.001)
        process_file(text_papers[0])


# Each stage's loop checks the deadline: a pathological paper stops inside the stage it is in.
def test_text_ingest_checks_the_deadline(text_papers, past_deadline):
    with pytest.raises(DeadlineExceeded):
        ingest_file(text_papers[0])


def test_pdf_ingest_checks_the_deadline(pdf_papers, past_deadline):
    with pytest.raises(DeadlineExceeded):
        ingest_file(pdf_papers[0])


def test_segmenter_checks_the_deadline(text_papers):
    doc = ingest_file(text_papers[0])
    with deadline.limit(1e-9), pytest.raises(DeadlineExceeded):
        time.sleep(0.001)
        segment_document(doc)


def test_tree_building_checks_the_deadline(text_papers):
    from minutemine.segment import lines_to_blocks
    from minutemine.segment_kinds import tree_to_items
    from minutemine.segment_tree import blocks_to_tree

    doc = ingest_file(text_papers[0])
    blocks = lines_to_blocks(doc)
    with deadline.limit(1e-9), pytest.raises(DeadlineExceeded):
        time.sleep(0.001)
        blocks_to_tree(blocks)
    root = blocks_to_tree(blocks)
    with deadline.limit(1e-9), pytest.raises(DeadlineExceeded):
        time.sleep(0.001)
        tree_to_items(root, doc.doc_id)


def test_extractor_checks_the_deadline(text_papers):
    doc = ingest_file(text_papers[0])
    items = segment_document(doc)
    with deadline.limit(1e-9), pytest.raises(DeadlineExceeded):
        time.sleep(0.001)
        extract_commitments([(doc, items)])


def check_until_stopped(seconds: float) -> str:
    """A task that would run for `seconds` but checks the deadline as the stages do."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        deadline.check()
        time.sleep(0.005)
    return "finished"


def test_call_with_deadline_turns_a_task_past_its_limit_into_timed_out():
    from minutemine.executors import TIMED_OUT

    assert call_with_deadline(check_until_stopped, 0.05, 60) == TIMED_OUT
    assert call_with_deadline(check_until_stopped, 30, 0.01) == "finished"
    assert deadline.remaining() is None  # the limit does not outlive the task


def test_in_process_run_outside_the_main_thread_is_still_bounded():
    # SIGALRM cannot reach this thread: the stages' own checks stop the task.
    results = {}

    def run() -> None:
        tasks = list(enumerate([60, 0.01]))
        results.update(run_in_process(check_until_stopped, tasks, timeout=0.2, failed=lambda i, why: why))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=120)
    assert results == {0: timeout_reason(0.2), 1: "finished"}


# -- Dask ------------------------------------------------------------------------------------
def generated_paper(n_items: int) -> str:
    """Minutes with `n_items` agenda items of three commitments each: big enough to take minutes."""
    parts = ["Cabinet\n\nMinutes of the meeting held on 25 September 2017\n"]
    for n in range(1, n_items + 1):
        parts.append(
            f"\n{n}. Highways Programme Phase {n}\n\n"
            f"{n}.1 The Cabinet agreed to allocate £{n % 9 + 1}.5m to the highways programme by 31 March 2019.\n"
            f"{n}.2 The Committee requested that the Director of Place provide an update on phase {n} by June 2019.\n"
            f"{n}.3 The Leader undertook to write to the Secretary of State about the funding of phase {n}.\n")
    return "".join(parts)


@pytest.fixture(scope="module")
def one_thread_cluster():
    """One Dask worker with one thread, in this process: a task that hogs the thread blocks the next."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        yield cluster


def dask_rows(paths: list[Path], scheduler: str, timeout: float, grace: float = 600) -> list[tuple[int, object]]:
    """The executor's (index, DocResult) pairs for `paths`, in the order they came back."""
    from minutemine.executors import run_on_dask
    from minutemine.pipeline import failed_result, process_bytes

    tasks = [(i, lambda p=path: (str(p), p.read_bytes())) for i, path in enumerate(paths)]
    return list(run_on_dask(process_bytes, tasks, scheduler, timeout,
                            failed=lambda i, why: failed_result(paths[i], why), grace=grace))


@pytest.mark.slow
def test_a_dask_task_over_the_time_limit_frees_its_worker_for_the_next_paper(one_thread_cluster, tmp_path):
    big, small = tmp_path / "big-minutes.txt", tmp_path / "small-minutes.txt"
    big.write_text(generated_paper(2000), encoding="utf-8")  # ~0.6 MB, half a minute of work or more
    small.write_text(generated_paper(2), encoding="utf-8")
    scheduler = one_thread_cluster.scheduler_address
    [(_, warm)] = dask_rows([small], scheduler, timeout=600)  # the worker loads the text pipeline once
    assert warm.document.status == "ok"

    # Both sent at once to the single thread: the small paper can only run once the big one lets go.
    # The backstop (grace) is far away, so only the worker's own deadline can end the big paper.
    rows = dask_rows([big, small], scheduler, timeout=2, grace=600)

    assert [i for i, _ in rows] == [0, 1]
    assert (rows[0][1].document.status, rows[0][1].document.error) == ("error", timeout_reason(2))
    assert (rows[1][1].document.status, rows[1][1].document.n_commitments) == ("ok", warm.document.n_commitments)
    [worker] = one_thread_cluster.workers.values()
    assert worker.state.executing_count == 0  # nothing is left running on the thread


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_scheduler_is_a_one_line_error_and_the_previous_tables_stay(text_papers, tmp_path):
    from click.testing import CliRunner

    from minutemine.cli import main

    out = tmp_path / "out"
    out.mkdir()
    previous = {name: f"previous {name}\n".encode() for name in ("documents.csv", "items.csv", "commitments.csv")}
    for name, data in previous.items():
        (out / name).write_bytes(data)
    scheduler = f"tcp://127.0.0.1:{closed_port()}"
    result = CliRunner().invoke(main, ["run", str(text_papers[0]), "--out", str(out), "--executor", "dask",
                                       "--scheduler", scheduler, "--quiet"],
                                env={"MINUTEMINE_DASK_CONNECT_TIMEOUT": "1"})
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)  # click's own exit, not an escaped exception
    assert result.output.splitlines() == [
        f"Error: cannot reach the Dask scheduler at {scheduler}: Timed out trying to connect to {scheduler} "
        "after 1 s (is it running? wait longer with MINUTEMINE_DASK_CONNECT_TIMEOUT=SECONDS)"]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == previous


def test_regression_a_malformed_scheduler_address_is_a_one_line_error_not_a_traceback(text_papers, tmp_path):
    # It was a ValueError traceback from inside distributed, then a 40 s wait while the garbage
    # collector closed the half-built Client and printed a second traceback.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "minutemine", "run", str(text_papers[0]), "--out", str(tmp_path),
                           "--executor", "dask", "--scheduler", "foo://10.0.0.5:8786", "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert done.stderr.splitlines() == [
        "Error: bad Dask scheduler address 'foo://10.0.0.5:8786' (unknown address scheme 'foo' (known schemes: "
        "['inproc', 'tcp', 'tls', 'ucx', 'ws', 'wss'])); expected e.g. tcp://10.0.0.5:8786"]


def test_connect_timeout_comes_from_the_environment(monkeypatch):
    from minutemine.executors import DEFAULT_CONNECT_TIMEOUT, connect_timeout

    monkeypatch.setenv("MINUTEMINE_DASK_CONNECT_TIMEOUT", "2.5")
    assert connect_timeout() == 2.5
    monkeypatch.setenv("MINUTEMINE_DASK_CONNECT_TIMEOUT", "")
    assert connect_timeout() == DEFAULT_CONNECT_TIMEOUT
    monkeypatch.setenv("MINUTEMINE_DASK_CONNECT_TIMEOUT", "soon")
    with pytest.raises(ConnectionError, match="MINUTEMINE_DASK_CONNECT_TIMEOUT='soon' is not a number of seconds"):
        connect_timeout()
