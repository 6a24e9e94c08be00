"""What the last run wrote into OUT (`.minutemine-tables.json`), so the next run can skip or reuse it.

A re-run with the same papers, settings and code finds its tables current and does
nothing; a re-run with some papers new reuses, for every unchanged paper, the rows
the last run wrote (`assemble`).  The tables' sizes and modification times are
recorded too: a table edited or deleted by hand since is written again in full.
"""

from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel

from .models import DocumentRow
from .pipeline import RunSummary


def tables_key(files: list[Path], keys: list[str | None], formats: typing.Sequence[str]) -> str:
    """What the tables are a function of: each file's path and cache key, the formats, all the code.

    Empty when some file has no key (unreadable, or --no-cache): such a run always does the work.
    """
    import hashlib

    from .cache import tables_version

    if not files or any(k is None for k in keys):
        return ""
    digest = hashlib.sha256(f"{tables_version()}\0{','.join(formats)}\0".encode())
    for path, key in zip(files, keys):
        digest.update(f"{path}\0{key}\0".encode())
    return digest.hexdigest()


class PaperEntry(BaseModel):
    """What the tables hold of one paper, recorded in the manifest so the next run can reuse it."""

    path: str
    cache_key: str
    content_key: str
    block_key: str
    row: DocumentRow
    items: tuple[int, int]  # byte range of its rows in items.csv
    commitments: tuple[int, int]  # and in commitments.csv


class TablesManifest(BaseModel):
    run_key: str = ""
    tables: dict[str, tuple[int, int]] = {}  # file name -> (size, mtime_ns)
    summary: RunSummary = RunSummary()
    version: str = ""  # cache.tables_version() of the code that wrote the tables
    papers: list[PaperEntry] = []  # in file order; empty when the tables were written all at once (Parquet)

    NAME: typing.ClassVar[str] = ".minutemine-tables.json"
    REUSED: typing.ClassVar[tuple[str, ...]] = ("items.csv", "commitments.csv", "minutemine.sqlite")

    @classmethod
    def read(cls, out: Path) -> TablesManifest:
        try:
            return cls.model_validate_json((out / cls.NAME).read_bytes())
        except Exception:  # missing or unreadable: as if there were no previous run
            return cls()

    @staticmethod
    def _stat(path: Path) -> tuple[int, int]:
        st = path.stat()
        return st.st_size, st.st_mtime_ns

    def _untouched(self, out: Path, names) -> bool:
        try:
            return all(name in self.tables and self._stat(out / name) == tuple(self.tables[name]) for name in names)
        except OSError:
            return False

    def summary_if_current(self, out: Path, run_key: str) -> RunSummary | None:
        """The last run's summary if it wrote the tables now in `out` from the same inputs."""
        if not run_key or run_key != self.run_key or not self.tables or not self._untouched(out, self.tables):
            return None
        return self.summary

    def reusable(self, out: Path, version: str) -> bool:
        """Whether rows of the tables in `out` may be copied: same code, and untouched since written."""
        return bool(self.papers) and self.version == version and self._untouched(out, self.REUSED)

    def entries(self) -> dict[tuple[str, str], PaperEntry]:
        """The papers the last run wrote, by (path, cache key)."""
        return {(e.path, e.cache_key): e for e in self.papers if e.cache_key}

    @classmethod
    def write(cls, out: Path, run_key: str, written: list[Path], summary: RunSummary,
              entries: list[PaperEntry] | None = None) -> None:
        from .cache import tables_version
        from .store import atomic_write

        manifest = cls(run_key=run_key, tables={p.name: cls._stat(p) for p in written}, summary=summary,
                       version=tables_version(), papers=entries or [])
        atomic_write(out / cls.NAME, manifest.model_dump_json().encode())
