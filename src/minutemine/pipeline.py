"""The stages chained in one place: files → documents → items → commitments → links → tables.

`process_file` is the per-document work (ingest, segment, extract): a pure
function of the file's bytes and the pipeline version, so it can run in any
process or on any Dask worker (`process_bytes` when the worker cannot see the
file).  `run` takes each paper from the cache or an executor, puts the results
back in file order, links them, and writes the tables.
"""

from __future__ import annotations

import functools
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from .files import collect_files  # noqa: F401  (part of this module's interface)
from .ingest import DEFAULT_MAX_BYTES
from .models import Commitment, DocResult, DocumentRow, Item, Link


class Settings(BaseModel):
    """Options of one run; everything a worker needs to process a file."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = 2000
    model: str = ""  # optional trained spaCy pipeline layered on the patterns
    workers: int = 0  # 0: all cores; 1: in this process
    executor: str = "local"  # "local" (processes) or "dask"
    scheduler: str = ""  # dask scheduler address, e.g. tcp://10.0.0.5:8786
    use_cache: bool = True
    cache_dir: str = ""  # default: OUT/.cache
    timeout: float = 600.0  # seconds one file may take; 0: no limit
    formats: tuple[str, ...] = ("csv",)  # plus "parquet"; SQLite is always written
    quiet: bool = False

    def fingerprint(self) -> str:
        """The settings that change a DocResult, for the cache key.

        >>> Settings(max_pages=10).fingerprint()
        'max_bytes=52428800;max_pages=10;model='
        """
        return f"max_bytes={self.max_bytes};max_pages={self.max_pages};model={self.model}"


class RunSummary(BaseModel):
    files_ok: int = 0
    files_empty: int = 0
    files_error: int = 0
    files_cached: int = 0  # taken from the cache rather than processed
    items: int = 0
    commitments: int = 0
    requests_outstanding: int = 0
    elapsed: float = 0.0

    def line(self) -> str:
        return (f"{self.files_ok} files ok, {self.files_empty} empty, {self.files_error} error "
                f"({self.files_cached} from cache); "
                f"{self.items} items, {self.commitments} commitments, "
                f"{self.requests_outstanding} requests outstanding; {self.elapsed:.1f}s")


def process_file(path: str | Path, settings: Settings | None = None) -> DocResult:
    """Ingest, segment and extract one file.  Never raises for bad input."""
    from .extract import extract_commitments
    from .ingest import ingest_file
    from .segment import segment_document

    settings = settings or Settings()
    doc = ingest_file(path, max_bytes=settings.max_bytes, max_pages=settings.max_pages)
    items: list[Item] = []
    commitments: list[Commitment] = []
    if doc.status == "ok":
        try:
            items = segment_document(doc)
            commitments = extract_commitments([(doc, items)], model=settings.model)[0]
        except Exception as exc:  # a bug on one paper must not lose the others
            doc.status, doc.error = "error", error_reason(exc)
            items, commitments = [], []
    row = DocumentRow(**doc.model_dump(include=set(DocumentRow.model_fields)),
                      n_items=len(items), n_commitments=len(commitments))
    return DocResult(document=row, items=items, commitments=commitments)


# spaCy's E088: "Text of length 10485755 exceeds maximum of 1000000. The parser and NER models ..."
_SPACY_TOO_LONG = re.compile(r"\[E088\] Text of length (\d+) exceeds maximum of (\d+)")


def error_reason(exc: Exception) -> str:
    """The one-line reason of a failure inside segment/extract, in words a person understands.

    >>> error_reason(ValueError("[E088] Text of length 10485760 exceeds maximum of 1000000. The parser ..."))
    'a paragraph of 10,485,760 characters is longer than the 1,000,000-character limit of the text pipeline'
    >>> error_reason(KeyError("x"))
    "internal error while processing: KeyError: 'x'"
    """
    too_long = _SPACY_TOO_LONG.search(str(exc))
    if too_long:
        length, limit = map(int, too_long.groups())
        return f"a paragraph of {length:,} characters is longer than the {limit:,}-character limit of the text pipeline"
    reason = f"internal error while processing: {type(exc).__name__}"
    message = str(exc).strip()
    return f"{reason}: {message.splitlines()[0]}" if message else reason


def process_bytes(source_path: str, data: bytes, settings: Settings | None = None) -> DocResult:
    """`process_file` for a worker that has the file's bytes but cannot see its path (Dask).

    The bytes go to a temporary file of the same name (ingest reads the name for
    the format, the date and the council); the row keeps the original path.
    """
    name = Path(source_path).name or "unnamed"
    with tempfile.TemporaryDirectory(prefix="minutemine-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        result = process_file(path, settings)
    document = result.document.model_copy(update={"source_path": source_path})
    return result.model_copy(update={"document": document})


def failed_result(path: str | Path, reason: str) -> DocResult:
    """The row of a file the executor could not process (a crash, a timeout)."""
    from .ingest import doc_id_for, sha256_of

    try:
        from .cache import file_sha256

        digest = file_sha256(path)
    except OSError:
        digest = sha256_of(str(path).encode())
    fmt = Path(path).suffix.lower().lstrip(".") or "(none)"
    return DocResult(document=DocumentRow(doc_id=doc_id_for(digest), source_path=str(path), sha256=digest,
                                          format=fmt, status="error", error=reason))


def dedupe(results: list[DocResult]) -> list[DocResult]:
    """Mark a second copy of the same paper as an error rather than doubling its rows."""
    rows = dedupe_rows([r.document for r in results])
    return [r if row is r.document else DocResult(document=row) for r, row in zip(results, rows)]


def dedupe_rows(rows: list[DocumentRow]) -> list[DocumentRow]:
    """The rows with a second copy of a paper turned into an error row (a new object; the others as given)."""
    seen: dict[str, str] = {}
    out = []
    for d in rows:
        if d.doc_id in seen:
            n = sum(1 for k in seen if k.split("~")[0] == d.doc_id) + 1
            reason = d.error if d.status != "ok" else f"same content as {seen[d.doc_id]}; skipped"
            status = d.status if d.status != "ok" else "error"
            d = d.model_copy(update={"doc_id": f"{d.doc_id}~{n}", "status": status, "error": reason,
                                     "n_items": 0, "n_commitments": 0})
        seen[d.doc_id] = d.source_path
        out.append(d)
    return out


def gather(results: list[DocResult], settings: Settings | None = None, link_cache=None,
           ) -> tuple[list[DocumentRow], list[Item], list[Commitment], list[Link]]:
    """Link the per-document results into the four tables, all in memory.

    With `link_cache` (a `link_blocks.BlockLinkCache`), each story block's links are
    reused while the block's papers, the settings and the code are unchanged.
    """
    from .link_blocks import link_by_block

    results = dedupe(results)
    documents = [r.document for r in results]
    items = [i for r in results for i in r.items]
    commitments = [c for r in results for c in r.commitments]
    commitments, links = link_by_block(documents, items, commitments,
                                       doc_key=functools.partial(linked_content_key, settings=settings or Settings()),
                                       cache=link_cache)
    return documents, items, commitments, links


def linked_content_key(document: DocumentRow, settings: Settings) -> str:
    """What a paper's row, items and commitments are a function of, as linking sees them.

    Its bytes, name, the result-changing settings and the per-document code (the cache
    key), plus what the run itself decided about it: a timeout or a duplicate turns
    the same bytes into an error row with nothing in it.
    """
    from .cache import entry_key, pipeline_version

    content = entry_key(document.sha256, Path(document.source_path).name, settings.fingerprint(), pipeline_version())
    return f"{content}\0{document.status}\0{document.error}\0{document.n_items}\0{document.n_commitments}"


def resolve_workers(workers: int) -> int:
    """0 means every core this process may use."""
    import os

    if workers > 0:
        return workers
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def execute(files: list[Path], todo: list[int], settings: Settings,
            failures: set[int] | None = None) -> Iterator[tuple[int, DocResult]]:
    """Process the files at the `todo` indices with the configured executor, in completion order.

    The indices of files the executor itself gave up on (a crash, a timeout) are
    added to `failures`: those rows say what happened in this run, not what the
    file is, so they are not cached.
    """
    from . import executors

    def failed(index: int, reason: str) -> DocResult:
        if failures is not None:
            failures.add(index)
        return failed_result(files[index], reason)

    work = functools.partial(process_file, settings=settings)
    if settings.executor == "dask":
        if not settings.scheduler:
            raise ValueError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        # Files ingest rejects without reading them (too big, unreadable) are not worth shipping.
        shipped = [i for i in todo if _within_limit(files[i], settings.max_bytes)]
        rejected = sorted(set(todo) - set(shipped))
        yield from executors.run_in_process(work, [(i, files[i]) for i in rejected], settings.timeout, failed)
        tasks = [(i, functools.partial(_process_bytes_args, files[i], settings)) for i in shipped]
        yield from executors.run_on_dask(process_bytes, tasks, settings.scheduler, settings.timeout, failed)
        return
    tasks = [(i, files[i]) for i in todo]
    workers = min(resolve_workers(settings.workers), len(todo))
    if workers <= 1:
        yield from executors.run_in_process(work, tasks, settings.timeout, failed)
    else:
        yield from executors.run_in_pool(work, tasks, workers, settings.timeout, failed)


def _within_limit(path: Path, max_bytes: int) -> bool:
    try:
        return path.stat().st_size <= max_bytes
    except OSError:
        return False


def _process_bytes_args(path: Path, settings: Settings) -> tuple[str, bytes, Settings]:
    """The arguments of `process_bytes`, read only when the task is submitted."""
    return str(path), path.read_bytes(), settings


def progress_bar(total: int, initial: int, quiet: bool):
    """Files done and pages/s on stderr; silent with --quiet or when stderr is not a terminal."""
    from tqdm import tqdm

    disable = quiet or not sys.stderr.isatty()
    return tqdm(total=total, initial=initial, unit="file", desc="minutemine", file=sys.stderr,
                disable=disable, dynamic_ncols=True)


def run(paths: Iterable[str | Path], out: str | Path = "outputs", settings: Settings | None = None) -> RunSummary:
    """Process every file (from the cache when unchanged), link, and write the tables atomically into `out`.

    Each result is cached as soon as it arrives, so a run that is killed resumes
    where it stopped; the tables are only replaced once everything is done, one
    story block at a time and reusing what the last run wrote (`assemble`).
    """
    # Imported here, not at the top: a worker importing this module for process_file
    # must not load the linking and storing modules (see cache.AFTER_CACHE).
    from .assemble import Paper
    from .cache import ResultCache, paper_text, tables_version
    from .link_blocks import BlockLinkCache
    from .manifest import TablesManifest, tables_key

    t0 = time.perf_counter()
    settings = settings or Settings()
    out = Path(out)
    files = collect_files(paths)
    cache = ResultCache(settings.cache_dir or out / ".cache", settings.fingerprint()) if settings.use_cache else None
    keys: list[str | None] = [cache.key_for(path) if cache is not None else None for path in files]
    run_key = tables_key(files, keys, settings.formats)
    previous = TablesManifest.read(out)
    up_to_date = previous.summary_if_current(out, run_key)
    if up_to_date is not None:  # the same papers, settings and code wrote the tables there: nothing to do
        return up_to_date.model_copy(update={"files_cached": len(files), "elapsed": time.perf_counter() - t0})
    in_memory = "parquet" in settings.formats  # Parquet is written from every row at once
    reuse = not in_memory and previous.reusable(out, tables_version())
    known = previous.entries() if reuse else {}
    papers: list[Paper | None] = [None] * len(files)
    results: list[DocResult | None] = [None] * len(files)
    todo: list[int] = []
    for i, path in enumerate(files):
        if keys[i] and not in_memory:
            papers[i] = known_paper(path, keys[i], known.get((str(path), keys[i])), cache)
        if papers[i] is None and keys[i] and (result := cache.get(keys[i], str(path))) is not None:
            papers[i] = Paper(path, keys[i], result.document, paper_text(result))
            results[i] = result if in_memory else None  # the rest wait in the cache until their block is linked
        if papers[i] is None:
            todo.append(i)
    cached = len(files) - len(todo)
    pages = 0
    started = time.perf_counter()
    failures: set[int] = set()
    with progress_bar(len(files), cached, settings.quiet) as bar:
        for i, result in execute(files, todo, settings, failures):
            cacheable = cache is not None and keys[i] and i not in failures and cache.matches(keys[i], files[i], result)
            if cacheable:
                cache.put(keys[i], result)
            papers[i] = Paper(files[i], keys[i] if cacheable else None, result.document, paper_text(result),
                              held=None if cacheable else result)
            results[i] = result if in_memory else None  # the rest wait in the cache until their block is linked
            pages += result.document.n_pages
            bar.set_postfix_str(f"{pages / max(time.perf_counter() - started, 1e-9):.1f} pages/s", refresh=False)
            bar.update()
    if cache is not None:
        cache.prune_other_versions()
    link_cache = BlockLinkCache(Path(cache.root) / "links") if cache is not None else None
    if in_memory:
        written, rows, outstanding = write_in_memory(out, [r for r in results if r is not None], settings, link_cache)
    else:
        written, rows, outstanding, entries = write_by_block(out, papers, cache, settings, link_cache, reuse)
    if link_cache is not None:
        link_cache.prune_unused()
    summary = RunSummary(
        files_ok=sum(d.status == "ok" for d in rows),
        files_empty=sum(d.status == "empty" for d in rows),
        files_error=sum(d.status == "error" for d in rows),
        files_cached=cached,
        items=sum(d.n_items for d in rows),
        commitments=sum(d.n_commitments for d in rows),
        requests_outstanding=outstanding,
        elapsed=time.perf_counter() - t0,
    )
    if run_key and not failures:  # rows of a crash or a timeout are this run's news, not the papers'
        TablesManifest.write(out, run_key, written, summary, entries=[] if in_memory else entries)
    return summary


def known_paper(path: Path, key: str, entry, cache):
    """The `assemble.Paper` the last run wrote (`entry`, an `assemble.PaperEntry`), without loading
    its result: its row from the manifest, its text from the cache."""
    from .assemble import Paper

    if entry is None or "~" in entry.row.doc_id:
        return None  # a second copy's row says what the last run's other copy was: deduplicate afresh
    text = cache.get_text(key)
    if text is None:  # the cache lost it: process the paper again
        return None
    return Paper(path, key, entry.row.model_copy(update={"source_path": str(path)}), text, known=entry)


def write_by_block(out: Path, papers: list, cache, settings: Settings, link_cache, reuse: bool):
    """The tables from `assemble` (one story block at a time); `write_in_memory` if ids repeat."""
    import sqlite3

    from .assemble import assemble

    rows = dedupe_rows([p.row for p in papers])
    for p, row in zip(papers, rows):
        if row is not p.row:  # a second copy of a paper: an error row with nothing in it
            p.row, p.text, p.held, p.known = row, "", DocResult(document=row), None

    def load(paper: Paper) -> DocResult:
        if paper.held is not None:
            return paper.held
        result = cache.get(paper.cache_key, str(paper.path)) if paper.cache_key else None
        if result is None:  # the cache entry went away during the run
            result = process_file(paper.path, settings)
        return result.model_copy(update={"document": paper.row})

    try:
        done = assemble(out, papers, load, functools.partial(linked_content_key, settings=settings), link_cache, reuse)
    except sqlite3.IntegrityError:  # duplicate ids: a bug upstream, but the tables must still be written
        written, rows, outstanding = write_in_memory(out, [load(p) for p in papers], settings, link_cache)
        return written, rows, outstanding, []
    return done.written, rows, done.requests_outstanding, done.entries


def write_in_memory(out: Path, results: list[DocResult], settings: Settings, link_cache):
    """Link and write with every result in memory (needed for Parquet)."""
    from .store import write_tables

    documents, items, commitments, links = gather(results, settings, link_cache=link_cache)
    written = write_tables(out, {"documents": documents, "items": items, "commitments": commitments, "links": links},
                           formats=settings.formats)
    return written, documents, sum(c.kind == "request" and c.status == "outstanding" for c in commitments)

