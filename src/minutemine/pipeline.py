"""The stages chained in one place: files → documents → items → commitments → links → tables.

`process_file` is the per-document work (ingest, segment, extract): a pure
function of the file's bytes and the pipeline version, so it can run in any
process or on any Dask worker.  `run` gathers the results in file order, links
them, and writes the tables.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from .ingest import DEFAULT_MAX_BYTES, SUPPORTED
from .models import Commitment, DocResult, DocumentRow, Item, Link


class Settings(BaseModel):
    """Options of one run; everything a worker needs to process a file."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = 2000
    model: str = ""  # optional trained spaCy pipeline layered on the patterns
    workers: int = 0  # 0: all cores
    executor: str = "local"  # "local" (processes) or "dask"
    scheduler: str = ""  # dask scheduler address, e.g. tcp://10.0.0.5:8786
    use_cache: bool = True
    cache_dir: str = ""  # default: OUT/.cache
    formats: tuple[str, ...] = ("csv",)  # plus "parquet"; SQLite is always written
    quiet: bool = False


class RunSummary(BaseModel):
    files_ok: int = 0
    files_empty: int = 0
    files_error: int = 0
    items: int = 0
    commitments: int = 0
    requests_outstanding: int = 0
    elapsed: float = 0.0

    def line(self) -> str:
        return (f"{self.files_ok} files ok, {self.files_empty} empty, {self.files_error} error; "
                f"{self.items} items, {self.commitments} commitments, "
                f"{self.requests_outstanding} requests outstanding; {self.elapsed:.1f}s")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the files under them (sorted, hidden files skipped).

    Inside a folder only readable formats are taken, so a README or an image beside
    the papers is not an error; a file named explicitly is always attempted.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(f for f in sorted(p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in SUPPORTED and f.name.upper() != "SOURCES.MD"
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    seen: set[Path] = set()
    return [f for f in out if not (f in seen or seen.add(f))]


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
            doc.status, doc.error = "error", f"internal error while processing: {type(exc).__name__}: {exc}"
            items, commitments = [], []
    row = DocumentRow(**doc.model_dump(include=set(DocumentRow.model_fields)),
                      n_items=len(items), n_commitments=len(commitments))
    return DocResult(document=row, items=items, commitments=commitments)


def dedupe(results: list[DocResult]) -> list[DocResult]:
    """Mark a second copy of the same paper as an error rather than doubling its rows."""
    seen: dict[str, str] = {}
    out = []
    for r in results:
        d = r.document
        if d.doc_id in seen:
            n = sum(1 for k in seen if k.split("~")[0] == d.doc_id) + 1
            reason = d.error if d.status != "ok" else f"same content as {seen[d.doc_id]}; skipped"
            status = d.status if d.status != "ok" else "error"
            r = DocResult(document=d.model_copy(update={"doc_id": f"{d.doc_id}~{n}", "status": status,
                                                        "error": reason, "n_items": 0, "n_commitments": 0}))
            seen[r.document.doc_id] = d.source_path
        else:
            seen[d.doc_id] = d.source_path
        out.append(r)
    return out


def gather(results: list[DocResult]) -> tuple[list[DocumentRow], list[Item], list[Commitment], list[Link]]:
    """Link the per-document results into the four tables."""
    from .link import link_commitments

    results = dedupe(results)
    documents = [r.document for r in results]
    items = [i for r in results for i in r.items]
    commitments = [c for r in results for c in r.commitments]
    commitments, links = link_commitments(documents, items, commitments)
    return documents, items, commitments, links


def run(paths: Iterable[str | Path], out: str | Path = "outputs", settings: Settings | None = None) -> RunSummary:
    """Process every file, link, and write the tables atomically into `out`."""
    from .store import write_tables

    t0 = time.perf_counter()
    files = collect_files(paths)
    results = [process_file(f, settings) for f in files]
    documents, items, commitments, links = gather(results)
    write_tables(out, {"documents": documents, "items": items, "commitments": commitments, "links": links})
    return RunSummary(
        files_ok=sum(d.status == "ok" for d in documents),
        files_empty=sum(d.status == "empty" for d in documents),
        files_error=sum(d.status == "error" for d in documents),
        items=len(items),
        commitments=len(commitments),
        requests_outstanding=sum(c.kind == "request" and c.status == "outstanding" for c in commitments),
        elapsed=time.perf_counter() - t0,
    )
