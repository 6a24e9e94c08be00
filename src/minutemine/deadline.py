"""A time limit that the per-document stages enforce themselves, for threads no signal can reach.

A Dask worker runs its tasks in threads, and a Python thread cannot be stopped
from outside: SIGALRM reaches only a process's main thread, and cancelling a
Dask future does not stop the thread running it.  So the task wrapper sets a
deadline for its own thread (`limit`), and the loops of ingest, segment and
extract call `check()` once per page, line or item; past the deadline it raises
`DeadlineExceeded`, which the wrapper turns into the usual time-limit row and
the worker's thread is free again.

A check is one thread-local lookup, plus a clock read only while a limit is set,
so the stages pay next to nothing for it (benchmarks/bench_extract.py,
benchmarks/bench_pdf_ingest.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_thread = threading.local()  # `.at`: the time.monotonic() past which this thread's task must stop


class DeadlineExceeded(BaseException):
    """The task ran past its time limit.

    A BaseException so that the stages' own `except Exception` (which turns a bug
    into an error row) cannot swallow it and carry on.
    """


def check() -> None:
    """Raise DeadlineExceeded if this thread's task is past its limit; nothing when no limit is set."""
    at = getattr(_thread, "at", None)
    if at is not None and time.monotonic() > at:
        raise DeadlineExceeded()


def checking(values: Iterable[T]) -> Iterator[T]:
    """`values`, checking the deadline before each: for a loop that lives in a library (spaCy's pipe)."""
    for value in values:
        check()
        yield value


def remaining() -> float | None:
    """Seconds left before this thread's limit (negative once past), or None without a limit."""
    at = getattr(_thread, "at", None)
    return None if at is None else at - time.monotonic()


@contextmanager
def limit(seconds: float) -> Iterator[None]:
    """Checks inside this block raise DeadlineExceeded after `seconds` (0 or less: no new limit).

    An enclosing limit that ends sooner still holds; the previous limit is back afterwards.
    """
    previous = getattr(_thread, "at", None)
    if seconds > 0:
        at = time.monotonic() + seconds
        _thread.at = at if previous is None else min(at, previous)
    try:
        yield
    finally:
        _thread.at = previous
