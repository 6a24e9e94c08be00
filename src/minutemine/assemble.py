"""Assemble the four tables one story block at a time, reusing what the last run wrote.

The parent process never holds every paper's items and commitments at once: each
result waits in the result cache, and one story block's papers are loaded at a
time to be linked and written (their CSV rows go to spool files, their SQLite rows
straight into the new database).  For every paper it keeps only its `documents`
row and its text, which `stories.story_blocks` needs to draw the blocks.

A re-run reuses the last run's output wherever nothing it depends on changed:

- the items.csv rows of a paper whose content is unchanged are copied byte for
  byte (items do not depend on linking);
- the commitments.csv rows of every paper in a block whose papers are all
  unchanged, with the block's links from `link_blocks.BlockLinkCache`;
- the SQLite rows of both: the database is copied and only changed rows replaced.

So a weekly re-run that adds one paper loads, links and writes one block.  The
CSV tables are byte for byte those a run from nothing writes; the database holds
the same rows (tests/test_assemble.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from . import store
from . import link_blocks
from .link_blocks import BlockLinkCache, BlockLinks, block_key, link_fields
from .manifest import PaperEntry
from .models import DocResult, DocumentRow, Link
from .stories import story_blocks


SPOOL_PREFIX = ".minutemine-spool-"  # the folder of a run's new rows, inside OUT while it runs


@dataclass
class Paper:
    """One paper of this run, as the parent holds it while the tables are assembled."""

    path: Path
    cache_key: str | None
    row: DocumentRow
    text: str  # its items' text, for story_blocks
    known: PaperEntry | None = None  # the last run's entry, when path and content are unchanged
    held: DocResult | None = None  # a result the cache does not have (a failure, --no-cache)
    content_key: str = ""
    items_chunk: tuple[str, int, int] = ("new", 0, 0)  # ("old" | "new", start, end) in old file or spool
    commitments_chunk: tuple[str, int, int] = ("new", 0, 0)


@dataclass
class Assembled:
    written: list[Path]
    entries: list[PaperEntry]
    requests_outstanding: int


class _Text:
    """The one pseudo-item story_blocks reads per paper: all its items' text."""

    __slots__ = ("doc_id", "text")

    def __init__(self, doc_id: str, text: str):
        self.doc_id, self.text = doc_id, text


@dataclass
class _Spool:
    """New CSV rows, appended to a temporary file beside the output; chunks are byte ranges."""

    path: Path
    size: int = 0
    fh: object = field(default=None, repr=False)

    def write(self, data: bytes) -> tuple[str, int, int]:
        start = self.size
        self.fh.write(data)
        self.size += len(data)
        return ("new", start, self.size)


def assemble(out: Path, papers: list[Paper], load: Callable[[Paper], DocResult],
             content_key: Callable[[DocumentRow], str], link_cache: BlockLinkCache | None,
             reuse: bool) -> Assembled:
    """Write documents/items/commitments/links CSVs and the SQLite database into `out`.

    `papers` are in file order with rows already deduplicated; `load(paper)` gives a
    paper's full result; `reuse` says the last run's tables and manifest entries
    (`paper.known`) may be copied from.
    """
    from .cache import tables_version

    for p in papers:
        p.content_key = content_key(p.row)
    block_of_doc = story_blocks([p.row for p in papers], [_Text(p.row.doc_id, p.text) for p in papers])
    members: dict[str, list[Paper]] = {}
    for p in papers:
        members.setdefault(block_of_doc.get(p.row.doc_id, ""), []).append(p)
    version = tables_version()
    old_items, old_commitments = out / "items.csv", out / "commitments.csv"
    links: list[Link] = []
    outstanding = 0
    done = Assembled(written=[], entries=[], requests_outstanding=0)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(f"{SPOOL_PREFIX}*"):  # left by a run that was killed
        shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=SPOOL_PREFIX, dir=out) as spool_dir, \
            store._atomic_path(out / store.SQLITE_NAME) as db_path:
        items_spool = _Spool(Path(spool_dir) / "items")
        commitments_spool = _Spool(Path(spool_dir) / "commitments")
        db = _Database(db_path, copy_from=out / store.SQLITE_NAME if reuse else None)
        with open(items_spool.path, "wb") as items_spool.fh, open(commitments_spool.path, "wb") as commitments_spool.fh:
            keys_of_block = {}
            for block in sorted(members):
                group = members[block]
                bkey = block_key([f"{p.row.doc_id}\0{p.content_key}" for p in group], version)
                keys_of_block[block] = bkey
                unchanged = reuse and all(p.known is not None and p.known.content_key == p.content_key
                                          and p.known.block_key == bkey for p in group)
                found = link_cache.get(bkey) if link_cache is not None else None
                if unchanged and found is not None:
                    for p in group:
                        p.items_chunk = ("old", *p.known.items)
                        p.commitments_chunk = ("old", *p.known.commitments)
                else:
                    found = _write_block(group, load, found, link_cache, bkey, reuse, db,
                                         items_spool, commitments_spool)
                links.extend(found.links)
                outstanding += sum(1 for fields in found.fields.values() if fields[3] == "outstanding")
        links.sort(key=lambda link: (link.answer_id, link.rank))
        db.finish([p.row for p in papers], links)
        done.written.append(_concatenate(out / "items.csv", store.csv_header(store.TABLES["items"]), papers,
                                         "items_chunk", old_items, items_spool.path))
        done.written.append(_concatenate(out / "commitments.csv", store.csv_header(store.TABLES["commitments"]),
                                         papers, "commitments_chunk", old_commitments, commitments_spool.path))
        for name, rows in (("documents", [p.row for p in papers]), ("links", links)):
            path = out / f"{name}.csv"
            store.atomic_write(path, store.table_csv(rows, store.TABLES[name]))
            done.written.append(path)
    done.written.append(out / store.SQLITE_NAME)
    done.requests_outstanding = outstanding
    done.entries = [PaperEntry(path=str(p.path), cache_key=p.cache_key or "", content_key=p.content_key,
                               block_key=keys_of_block[block_of_doc.get(p.row.doc_id, "")], row=p.row,
                               items=p.items_chunk[1:], commitments=p.commitments_chunk[1:]) for p in papers]
    return done


def _write_block(group: list[Paper], load: Callable[[Paper], DocResult], found: BlockLinks | None,
                 link_cache: BlockLinkCache | None, bkey: str, reuse: bool, db: _Database,
                 items_spool: _Spool, commitments_spool: _Spool) -> BlockLinks:
    """Load one block's papers, link them (unless `found`), spool their rows and put them in the database."""
    results = [load(p) for p in group]
    if found is None:
        documents = [r.document for r in results]
        items = [i for r in results for i in r.items]
        commitments = [c for r in results for c in r.commitments]
        found = link_blocks.link_block(documents, items, commitments)
        if link_cache is not None:
            link_cache.put(bkey, found)
    new_items: dict[str, list] = {}
    new_commitments: dict[str, list] = {}
    for p, result in zip(group, results):
        if reuse and p.known is not None and p.known.content_key == p.content_key:
            p.items_chunk = ("old", *p.known.items)  # same paper, same items: only its block changed
        else:
            p.items_chunk = items_spool.write(store.rows_csv(result.items, store.TABLES["items"]))
            new_items[p.row.doc_id] = result.items
        linked = link_fields(found, result.commitments)
        p.commitments_chunk = commitments_spool.write(store.rows_csv(linked, store.TABLES["commitments"]))
        new_commitments[p.row.doc_id] = linked
    db.replace("items", new_items)
    db.replace("commitments", new_commitments)
    return found


def _concatenate(path: Path, header: bytes, papers: list[Paper], chunk: str, old: Path, spool: Path) -> Path:
    """Write `path` as the header and each paper's rows, copied from the old file or the spool.

    Each paper's chunk is rewritten to its range in the new file, for the manifest.
    """
    with store._atomic_path(path) as tmp:
        with open(tmp, "wb") as fh, open(spool, "rb") as new:
            old_fh = open(old, "rb") if any(getattr(p, chunk)[0] == "old" for p in papers) else None
            try:
                fh.write(header)
                position = len(header)
                for p in papers:
                    where, start, end = getattr(p, chunk)
                    source = old_fh if where == "old" else new
                    source.seek(start)
                    fh.write(source.read(end - start))
                    setattr(p, chunk, (where, position, position + end - start))
                    position += end - start
            finally:
                if old_fh is not None:
                    old_fh.close()
            fh.flush()
            os.fsync(fh.fileno())
    return path


class _Database:
    """The new SQLite database: a fresh one, or a copy of the last run's with changed rows replaced.

    A copy keeps its full-text indexes in step by hand (they are external-content
    FTS5 tables: a row leaves the index before it leaves its table); a fresh one
    builds them once at the end, as `store.build_sqlite` does.
    """

    def __init__(self, path: Path, copy_from: Path | None):
        self.path = path
        self.incremental = copy_from is not None
        path.unlink(missing_ok=True)
        if copy_from is not None:
            shutil.copyfile(copy_from, path)
        self.db = store.open_sqlite(path)
        self.indexed: dict[str, set[str]] = {name: set() for name in store.FTS_COLUMNS}  # doc ids to index at the end
        if not self.incremental:
            for name in store.TABLES:
                store.create_sqlite_table(self.db, name, store.PRIMARY_KEYS.get(name))

    def _delete(self, name: str, where: str, params: list) -> None:
        if name in store.FTS_COLUMNS:
            cols = ", ".join(f"[{c}]" for c in store.FTS_COLUMNS[name])
            self.db.execute(f"INSERT INTO [{name}_fts] ([{name}_fts], rowid, {cols}) "
                            f"SELECT 'delete', rowid, {cols} FROM [{name}] WHERE {where}", params)
        self.db.execute(f"DELETE FROM [{name}] WHERE {where}", params)

    def replace(self, name: str, rows_of_doc: dict[str, list[BaseModel]]) -> None:
        """Put these papers' rows into table `name`, in place of any rows they had."""
        if not rows_of_doc:
            return
        if self.incremental:
            with self.db.conn:
                for part, marks in _in_batches(rows_of_doc):
                    self._delete(name, f"doc_id IN ({marks})", part)
        store.insert_sqlite_rows(self.db, name, [row for rows in rows_of_doc.values() for row in rows])
        if name in self.indexed:
            self.indexed[name].update(rows_of_doc)

    def finish(self, documents: list[DocumentRow], links: list[Link]) -> None:
        """Drop rows of papers no longer in the run, replace documents and links, bring FTS up to date."""
        if self.incremental:
            with self.db.conn:
                self.db.execute("CREATE TEMP TABLE current_docs (doc_id TEXT PRIMARY KEY)")
                self.db.conn.executemany("INSERT INTO current_docs VALUES (?)", [(d.doc_id,) for d in documents])
                for name in ("items", "commitments"):
                    self._delete(name, "doc_id NOT IN (SELECT doc_id FROM current_docs)", [])
                self.db.execute("DELETE FROM [documents]")
                self.db.execute("DELETE FROM [links]")
        store.insert_sqlite_rows(self.db, "documents", documents)
        store.insert_sqlite_rows(self.db, "links", links)
        for name, cols in store.FTS_COLUMNS.items():
            if not self.incremental:
                self.db.table(name).enable_fts(cols)
            elif self.indexed[name]:
                names = ", ".join(f"[{c}]" for c in cols)
                with self.db.conn:
                    for part, marks in _in_batches(self.indexed[name]):
                        self.db.execute(f"INSERT INTO [{name}_fts] (rowid, {names}) SELECT rowid, {names} "
                                        f"FROM [{name}] WHERE doc_id IN ({marks})", part)
        store.close_sqlite(self.db, self.path)


def _in_batches(doc_ids, size: int = 500):
    """(ids, "?, ?, …") for the sorted doc ids, `size` at a time: SQLite bounds a statement's parameters."""
    ids = sorted(doc_ids)
    for start in range(0, len(ids), size):
        part = ids[start:start + size]
        yield part, ", ".join("?" for _ in part)
