"""Where the per-document work runs: in this process, in a pool of processes, or on Dask.

Every executor takes a list of `(index, argument)` tasks and yields `(index, result)`
in completion order; the caller puts results back in file order, so the output
does not depend on the executor or the number of workers.  Executors never raise
for one bad task: they yield `failed(index, reason)` instead, so a paper that
crashes or hangs a worker becomes one `status=error` row and the run goes on.

Only a bounded number of tasks is in flight at a time (one per worker locally,
two per Dask thread), so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from . import deadline
from .deadline import DeadlineExceeded

R = TypeVar("R")
Task = tuple[int, Any]
Failed = Callable[[int, str], R]

CRASHED = "the worker process crashed while processing this file"
BACKSTOP_GRACE = 30.0  # seconds on top of twice --timeout before a silent worker is killed
CONNECT_TIMEOUT_ENV = "MINUTEMINE_DASK_CONNECT_TIMEOUT"  # seconds to reach the Dask scheduler
DEFAULT_CONNECT_TIMEOUT = 20.0


def timeout_reason(timeout: float) -> str:
    """The error a person sees when one file takes too long.

    >>> timeout_reason(300)
    'processing took longer than 300 s (--timeout)'
    """
    return f"processing took longer than {timeout:g} s (--timeout)"


TIMED_OUT = "minutemine:timed-out"  # what the task wrappers return instead of a result


def call_with_alarm(func: Callable[[Any], R], arg: Any, timeout: float) -> R | str:
    """`func(arg)`, or TIMED_OUT if it runs longer than `timeout` seconds.

    The stages check a deadline of their own in every loop (deadline.py), which
    works in any thread.  In a main thread (a pool worker's tasks run there)
    SIGALRM bounds the task as well, so Python code that never reaches a check
    is stopped too; a hang inside a C call is caught by the pool's own deadline.
    """
    try:
        with deadline.limit(timeout):
            if not (timeout > 0 and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()):
                return func(arg)
            return _call_under_alarm(func, arg, timeout)
    except DeadlineExceeded:
        return TIMED_OUT


def _call_under_alarm(func: Callable[[Any], R], arg: Any, timeout: float) -> R:
    def on_alarm(signum, frame):
        raise DeadlineExceeded()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return func(arg)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def call_with_deadline(func: Callable[..., R], timeout: float, *args: Any) -> R | str:
    """`func(*args)`, or TIMED_OUT once it passes `timeout` seconds at one of the stages' deadline checks.

    The wrapper of a Dask task: a worker runs tasks in threads, where no alarm can
    fire, so the task stops itself and its thread is free for the next paper.
    """
    try:
        with deadline.limit(timeout):
            return func(*args)
    except DeadlineExceeded:
        return TIMED_OUT


def is_timed_out(result: Any) -> bool:
    return isinstance(result, str) and result == TIMED_OUT


def run_in_process(func: Callable[[Any], R], tasks: Iterable[Task], timeout: float, failed: Failed) -> Iterator[tuple[int, R]]:
    """Run tasks one after the other in this process, each bounded by `timeout`."""
    for index, arg in tasks:
        try:
            result = call_with_alarm(func, arg, timeout)
        except Exception as exc:
            result = failed(index, f"internal error: {type(exc).__name__}: {exc}")
        if is_timed_out(result):
            result = failed(index, timeout_reason(timeout))
        yield index, result


def process_context() -> multiprocessing.context.BaseContext:
    """forkserver where available: forking a parent that has threads (tqdm, Dask) can deadlock."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Imported once in the server, so each worker starts without re-importing the package.
        ctx.set_forkserver_preload(["minutemine.pipeline"])
        return ctx
    return multiprocessing.get_context("spawn")


def exit_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker once the run that started it is gone.

    A run killed with SIGKILL cannot stop its workers; without this they would
    finish their paper and then wait for work forever.
    """
    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the pid was reused by another user's process: ours is gone
                os._exit(1)

    threading.Thread(target=watch, name="minutemine-exit-with-parent", daemon=True).start()


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, even with a hung task (Python 3.11 has no public way to do this)."""
    processes = list(getattr(pool, "_processes", {}).values())
    for proc in processes:
        proc.kill()
    for proc in processes:
        proc.join(timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)


def run_in_pool(func: Callable[[Any], R], tasks: Iterable[Task], workers: int, timeout: float,
                failed: Failed, grace: float = BACKSTOP_GRACE) -> Iterator[tuple[int, R]]:
    """Run tasks in `workers` processes, at most `workers` in flight.

    A task over `timeout` seconds is stopped by an alarm in its worker and reported
    as failed.  A worker that does not answer by twice that plus `grace` (a hang
    in C code, where the alarm cannot fire) is killed with its pool, the only way
    to stop it; the other tasks in flight are run again.
    When a worker dies (a crash inside a C library), the tasks in flight are
    re-run one at a time so that only the one that kills a worker on its own is
    reported as failed.
    """
    pending: deque[Task] = deque(tasks)
    suspects: deque[Task] = deque()
    inflight: dict[Future, tuple[Task, float, bool]] = {}
    pool: ProcessPoolExecutor | None = None
    ctx = process_context()

    def submit(task: Task, alone: bool) -> None:
        # The worker's own alarm enforces `timeout`; this later deadline is the backstop for a
        # hang inside C code, with room for a worker that is still starting up.
        deadline = time.monotonic() + 2 * timeout + grace if timeout > 0 else float("inf")
        inflight[pool.submit(call_with_alarm, func, task[1], timeout)] = (task, deadline, alone)

    try:
        while pending or suspects or inflight:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                           initializer=exit_with_parent, initargs=(os.getpid(),))
            if suspects:
                if not inflight:
                    submit(suspects.popleft(), alone=True)
            else:
                while pending and len(inflight) < workers:
                    submit(pending.popleft(), alone=False)
            first_deadline = min(d for _, d, _ in inflight.values())
            wait_for = None if first_deadline == float("inf") else max(0.0, first_deadline - time.monotonic())
            done, _ = wait(inflight, timeout=wait_for, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                (index, arg), _, alone = inflight.pop(fut)
                try:
                    result = fut.result()
                    yield index, failed(index, timeout_reason(timeout)) if is_timed_out(result) else result
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield index, failed(index, CRASHED)
                    else:
                        suspects.append((index, arg))
                except Exception as exc:
                    yield index, failed(index, f"internal error: {type(exc).__name__}: {exc}")
            now = time.monotonic()
            late = [fut for fut, (_, deadline, _) in inflight.items() if deadline <= now and not fut.done()]
            for fut in late:
                (index, _), _, _ = inflight.pop(fut)
                yield index, failed(index, timeout_reason(timeout))
            if broken or late:
                # Whatever else was in flight is lost with the pool: run it again.
                again = [task for task, _, _ in inflight.values()]
                (suspects if broken else pending).extendleft(reversed(again))
                inflight.clear()
                _kill(pool)
                pool = None
    finally:
        if pool is not None:
            if inflight:  # the caller stopped early (an interrupt): do not wait for the rest
                _kill(pool)
            else:
                pool.shutdown(wait=True)


def run_on_dask(func: Callable[..., R], tasks: Iterable[tuple[int, Callable[[], tuple]]], scheduler: str,
                timeout: float, failed: Failed, grace: float = BACKSTOP_GRACE) -> Iterator[tuple[int, R]]:
    """Run `func(*make_args())` as Dask tasks on the cluster at `scheduler`.

    `make_args` is called just before a task is submitted, so the file bytes it
    reads are held only while that task is in flight.  Each task stops itself
    once it is `timeout` seconds old (`call_with_deadline`), freeing its worker
    thread, and is reported as failed.  A task that has not answered by twice
    that plus `grace` after it was sent (a hang in C code, or a worker that
    vanished) is cancelled and reported the same way, though its thread may stay
    busy: a thread cannot be interrupted from outside.
    Raises ConnectionError, with a one-line reason, when the scheduler cannot be reached.
    """
    from distributed import wait as dask_wait

    pending = deque(tasks)
    client = connect(scheduler)
    with client, client.as_current():
        window = max(2, 2 * sum(client.nthreads().values()))
        inflight: dict[Any, tuple[int, float]] = {}
        while pending or inflight:
            while pending and len(inflight) < window:
                index, make_args = pending.popleft()
                try:
                    args = make_args()
                except OSError as exc:  # the file went away since it was listed
                    yield index, failed(index, f"cannot read file: {exc.strerror or exc}")
                    continue
                # Measured from submission, so it leaves room for the wait behind a task already running.
                backstop = time.monotonic() + 2 * timeout + grace if timeout > 0 else float("inf")
                inflight[client.submit(call_with_deadline, func, timeout, *args, pure=False)] = (index, backstop)
            if not inflight:
                break
            first_deadline = min(d for _, d in inflight.values())
            wait_for = None if first_deadline == float("inf") else max(0.0, first_deadline - time.monotonic())
            try:
                done, _ = dask_wait(list(inflight), timeout=wait_for, return_when=FIRST_COMPLETED)
            except TimeoutError:
                done = set()
            for fut in done:
                index, _ = inflight.pop(fut)
                try:
                    result = fut.result()
                except Exception as exc:  # a worker died (KilledWorker) or the task raised
                    yield index, failed(index, f"internal error on the Dask cluster: {type(exc).__name__}: {exc}")
                    continue
                yield index, failed(index, timeout_reason(timeout)) if is_timed_out(result) else result
            now = time.monotonic()
            for fut in [f for f, (_, d) in inflight.items() if d <= now]:
                index, _ = inflight.pop(fut)
                fut.cancel()
                yield index, failed(index, timeout_reason(timeout))


def connect_timeout() -> float:
    """Seconds to wait for the Dask scheduler: MINUTEMINE_DASK_CONNECT_TIMEOUT, else 20."""
    value = os.environ.get(CONNECT_TIMEOUT_ENV, "")
    try:
        seconds = float(value) if value.strip() else DEFAULT_CONNECT_TIMEOUT
    except ValueError:
        raise ConnectionError(f"{CONNECT_TIMEOUT_ENV}={value!r} is not a number of seconds") from None
    return seconds if seconds > 0 else DEFAULT_CONNECT_TIMEOUT


def connect(scheduler: str):
    """A dask.distributed Client of the scheduler at `scheduler`, or ConnectionError saying why not."""
    from distributed import Client
    from distributed.comm import resolve_address

    # A bad address is refused before a Client exists: a half-built Client left to the
    # garbage collector prints a traceback and holds the exit for tens of seconds.
    try:
        resolve_address(scheduler)
    except OSError as exc:  # the host name is unknown
        raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {one_line(exc)}") from None
    except Exception as exc:  # no port, an unknown scheme such as "foo://", a scheme whose module is gone
        raise ConnectionError(f"bad Dask scheduler address {scheduler!r} ({one_line(exc)}); "
                              "expected e.g. tcp://10.0.0.5:8786") from None
    seconds = connect_timeout()
    try:
        return Client(scheduler, set_as_default=False, timeout=f"{seconds:g}s")
    except (OSError, TimeoutError) as exc:
        raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {one_line(exc)} "
                              f"(is it running? wait longer with {CONNECT_TIMEOUT_ENV}=SECONDS)") from None
    except ValueError as exc:
        raise ConnectionError(f"bad Dask scheduler address {scheduler!r}: {one_line(exc)}") from None


def one_line(exc: BaseException) -> str:
    """An exception's message on one line.

    >>> one_line(OSError("Timed out trying to connect\\n  after 2 s"))
    'Timed out trying to connect after 2 s'
    """
    return " ".join(str(exc).split()) or type(exc).__name__
