"""The incremental cache: one gzipped `DocResult` per paper, keyed by content and code.

A re-run only processes papers whose bytes changed or whose per-document code
changed.  The key of an entry is a hash of

- the file's sha256 and its name (ingest guesses the meeting date and council
  from the name, so the same bytes under another name may give another row);
- the *pipeline version*: a hash of every source file of the package that runs
  before linking and of every pattern data file, so editing a pattern or a
  stage invalidates the results it could change (linking, storing and the query
  side run after the cache and are left out, so editing them keeps the cache);
- the settings that change a result (`max_bytes`, `max_pages`, `model`).

Entries are written atomically (temporary file, then rename) so a kill never
leaves half an entry; an entry that cannot be read back is deleted and the
paper recomputed.  The source path is not part of the key: it is put back on
the row when an entry is loaded, so moving the corpus folder keeps the cache.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from .models import DocResult

PACKAGE_DIR = Path(__file__).resolve().parent
# Modules that only run after the per-document stages (or never in a run): editing them
# cannot change a cached DocResult, so they are left out of the pipeline version, and a
# change to linking re-links without re-extracting.  tests/test_pipeline.py checks that
# processing a paper imports none of them.
AFTER_CACHE_PREFIXES = ("link",)  # link.py and the link_*.py modules it is split into
AFTER_CACHE = {"assemble.py", "manifest.py", "similarity.py", "answer_cues.py", "asked_actions.py", "stories.py",
               "gold_match.py", "store.py", "query.py", "show.py", "report.py", "evaluate.py", "eval_errors.py", "cli.py",
               "cache.py", "executors.py", "__main__.py"}
# read by the link_*.py modules, similarity.py, answer_cues.py and asked_actions.py only
AFTER_CACHE_PATTERNS = {"linking.jsonl", "status.jsonl", "asked_actions.jsonl"}


def after_cache(path: Path) -> bool:
    """Whether a package file is only used after the per-document stages.

    >>> after_cache(Path("link_similarity.py")), after_cache(Path("extract.py"))
    (True, False)
    """
    return path.name in AFTER_CACHE or path.name in AFTER_CACHE_PATTERNS or (
        path.suffix == ".py" and path.name.startswith(AFTER_CACHE_PREFIXES))


HASH_BLOCK = 1 << 20
VERSION_NAME = re.compile(r"[0-9a-f]{16}")


def file_sha256(path: str | Path) -> str:
    """sha256 of a file, read in blocks so a big file is never held in memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(HASH_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def version_inputs(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The files whose content defines the pipeline version, in a stable order."""
    sources = [p for p in package_dir.glob("*.py") if not after_cache(p)]
    data = [p for p in (package_dir / "patterns").rglob("*") if p.is_file() and not after_cache(p)]
    return sorted(sources + data)


@lru_cache(maxsize=4)
def pipeline_version(package_dir: Path = PACKAGE_DIR) -> str:
    """A hash of the per-document code and pattern data (see `version_inputs`)."""
    return _hash_of_files(version_inputs(package_dir), package_dir)


@lru_cache(maxsize=4)
def tables_version(package_dir: Path = PACKAGE_DIR) -> str:
    """A hash of every module and data file of the package: linking and storing included.

    >>> tables_version() != pipeline_version() and len(tables_version()) == 16
    True
    """
    files = sorted([*package_dir.glob("*.py"), *(p for p in (package_dir / "patterns").rglob("*") if p.is_file())])
    return _hash_of_files(files, package_dir)


def _hash_of_files(files: list[Path], package_dir: Path) -> str:
    """16 hex digits of the files' names (relative to the package) and contents, in the order given."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def entry_key(sha256: str, name: str, settings_fingerprint: str, version: str) -> str:
    """The cache key of one paper: content, name, result-changing settings and code version.

    >>> entry_key("ab" * 32, "x.txt", "m=", "v1") == entry_key("ab" * 32, "x.txt", "m=", "v1")
    True
    >>> entry_key("ab" * 32, "x.txt", "m=", "v1") == entry_key("ab" * 32, "x.txt", "m=", "v2")
    False
    """
    return hashlib.sha256("\0".join((sha256, name, settings_fingerprint, version)).encode()).hexdigest()


class ResultCache:
    """DocResults on disk under `root/<version>/<key[:2]>/<key>.json.gz`."""

    def __init__(self, root: str | Path, settings_fingerprint: str, version: str | None = None):
        self.root = Path(root)
        self.version = version or pipeline_version()
        self.fingerprint = settings_fingerprint
        self.dir = self.root / self.version

    def key_for(self, path: Path) -> str | None:
        """The key of `path`, or None if it cannot be read (ingest will report why)."""
        try:
            return entry_key(file_sha256(path), path.name, self.fingerprint, self.version)
        except OSError:
            return None

    def matches(self, key: str, path: Path, result: DocResult) -> bool:
        """True if `result` was made from the bytes `key` was computed from (the file may change mid-run)."""
        return key == entry_key(result.document.sha256, path.name, self.fingerprint, self.version)

    def _entry(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json.gz"

    def get(self, key: str, source_path: str) -> DocResult | None:
        entry = self._entry(key)
        try:
            data = gzip.decompress(entry.read_bytes())
            result = DocResult.model_validate_json(data)
        except FileNotFoundError:
            return None
        except Exception:  # corrupt, truncated, or from an incompatible model: recompute it
            entry.unlink(missing_ok=True)
            return None
        document = result.document.model_copy(update={"source_path": source_path})
        return result.model_copy(update={"document": document})

    def put(self, key: str, result: DocResult) -> None:
        # mtime 0 keeps the gzip bytes a pure function of the result.
        write_atomically(self._entry(key), gzip.compress(result.model_dump_json().encode(), compresslevel=5, mtime=0))
        write_atomically(self._text_entry(key), gzip.compress(paper_text(result).encode(), compresslevel=1, mtime=0))

    def get_text(self, key: str) -> str | None:
        """The paper's items' text (what story blocks read) without loading its whole result."""
        try:
            return gzip.decompress(self._text_entry(key).read_bytes()).decode()
        except Exception:  # missing (an entry older than the text files) or corrupt: the result knows
            result = self.get(key, "")
            if result is None:
                return None
            text = paper_text(result)
            write_atomically(self._text_entry(key), gzip.compress(text.encode(), compresslevel=1, mtime=0))
            return text

    def _text_entry(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.text.gz"

    def prune_other_versions(self) -> None:
        """Drop entries written by other pipeline versions: they can never be hit again."""
        if not self.root.is_dir():
            return
        for old in self.root.iterdir():
            # Only folders named like a version: --cache-dir may point somewhere shared.
            if old.is_dir() and old.name != self.version and VERSION_NAME.fullmatch(old.name):
                shutil.rmtree(old, ignore_errors=True)

    def __len__(self) -> int:
        return sum(1 for _ in self.dir.rglob("*.json.gz")) if self.dir.is_dir() else 0


def paper_text(result: DocResult) -> str:
    """The text story blocks read of a paper: its items' text, one per line."""
    return "\n".join(i.text for i in result.items)


def write_atomically(entry: Path, data: bytes) -> None:
    """Write a cache entry so that readers see the old entry or the new one, never half of one.

    No fsync: a cache entry lost in a power cut is recomputed (unlike the tables, see store.py).
    """
    entry.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, entry)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
