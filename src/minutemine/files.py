"""Which files of the paths given are papers: folders expanded, hidden files and ignored ones left out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath

from .ingest import SUPPORTED

IGNORE_FILE = ".minutemineignore"  # glob patterns of files under a folder that are not papers


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the files under them (sorted, hidden files skipped).

    Inside a folder only readable formats are taken, so an image beside the papers is
    not an error, and files matching the folder's `.minutemineignore` globs (notes and
    gold annotations kept beside the papers) are left out; a file named explicitly is
    always attempted.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            ignore = read_ignore_file(p)
            out.extend(f for f in sorted(p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in SUPPORTED
                       and not any(part.startswith(".") for part in f.relative_to(p).parts)
                       and not is_ignored(f.relative_to(p), ignore))
        else:
            out.append(p)
    seen: set[Path] = set()
    return [f for f in out if not (f in seen or seen.add(f))]


def read_ignore_file(folder: Path) -> list[str]:
    """The glob patterns of `folder/.minutemineignore` (one per line, `#` comments)."""
    path = folder / IGNORE_FILE
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def is_ignored(relative: PurePath, patterns: list[str]) -> bool:
    """Whether a path relative to the folder matches an ignore pattern.

    A pattern ending in "/" names a sub-folder; others match like `PurePath.match`
    (from the right, so "SOURCES.md" matches at any depth).

    >>> is_ignored(PurePath("gold/GUIDE.md"), ["gold/"])
    True
    >>> is_ignored(PurePath("pdf/SOURCES.md"), ["SOURCES.md"])
    True
    >>> is_ignored(PurePath("minutes-2017.txt"), ["gold/", "SOURCES.md"])
    False
    """
    for pattern in patterns:
        if pattern.endswith("/"):
            if relative.parts[: len(PurePath(pattern).parts)] == PurePath(pattern).parts:
                return True
        elif relative.match(pattern):
            return True
    return False
