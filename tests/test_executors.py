"""Time limits that hold in any thread (deadline.py), and the Dask executor's failure modes."""

from __future__ import annotations

import threading
import time

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
