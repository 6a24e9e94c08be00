"""Ingest: a file on disk becomes a `Document` of normalised lines.

Text files are decoded (UTF-8, UTF-8 with BOM, cp1252) and each line is
normalised (non-breaking spaces, slide bullets, markdown headings) while the
line keeps its offset in the decoded source.  PDFs are read by `minutemine.pdf`.
Nothing here raises for a bad file: the document comes back with
`status="error"` or `"empty"` and a one-line reason a person can act on.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from . import deadline
from .meta import guess_body, guess_meeting_date, guess_title
from .models import Document, Line

TEXT_FORMATS = {".txt", ".md", ".text", ".markdown"}
PDF_FORMATS = {".pdf"}
SUPPORTED = TEXT_FORMATS | PDF_FORMATS
DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # see --max-bytes; stated in the error when exceeded

# Characters that are spaces in print but not to str.split(): NBSP, narrow NBSP, figure space,
# and zero-width ones that only get in the way of matching.
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\t": "    "}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"), None)
_NORMALISE = str.maketrans({**_SPACES, **_ZERO_WIDTH})  # one pass over each line
# A bullet mark: dash, bullet, middle dot, or a private-use symbol glyph (Wingdings/Symbol bullets
# come through PDF text layers as U+F0B7, U+F0A7 ...).  "o"/"O" is a bullet only when followed by
# a space and then something that is not a lower-case word ("o Political", not "o f").
_BULLET = re.compile(r"^(?:[-\u2022\u00b7\u2023\u25aa\u25cf\u25e6\u2013\uf000-\uf8ff*]|[oO](?=\s+[A-Z0-9(]))\s+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BOLD = re.compile(r"^\*\*(.+?)\*\*$")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_for(sha256: str) -> str:
    """A stable id derived from the content hash, so a re-run gives the same ids.

    >>> doc_id_for("0123456789abcdef" * 4)
    'd0123456789ab'
    """
    return "d" + sha256[:12]


def decode_text(data: bytes) -> str:
    """Decode bytes that are UTF-8 (with or without BOM) or cp1252.

    >>> decode_text("£5".encode("utf-8-sig"))
    '£5'
    >>> decode_text("£5".encode("cp1252"))
    '£5'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; charset-normalizer picks the best-fitting codec.
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise
        return str(best)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read.

    >>> looks_binary(b"Minutes of the meeting\\n")
    False
    >>> looks_binary(bytes(range(256)) * 4)
    True
    """
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def normalise_line(raw: str) -> tuple[str, int, int, bool]:
    """Return (text, indent, bullet marks stripped, is_heading) for one source line.

    >>> normalise_line(" - o Business as Usual")
    ('Business as Usual', 1, 2, False)
    >>> normalise_line("·\\u00a0\\u00a0 no decision had been made")
    ('no decision had been made', 0, 1, False)
    >>> normalise_line("## **CABINET MINUTE 36**")
    ('CABINET MINUTE 36', 0, 0, True)
    >>> normalise_line("- 1. Ensures that")
    ('1. Ensures that', 0, 1, False)
    """
    if not raw.isascii() or "\t" in raw:  # translate with a dict is slow; most lines need none
        raw = raw.translate(_NORMALISE)
    raw = raw.rstrip()
    stripped = raw.lstrip(" ")
    indent = len(raw) - len(stripped)
    bullets = 0
    while (m := _BULLET.match(stripped)) and bullets < 3:
        stripped = stripped[m.end() :]
        bullets += 1
    heading = False
    if _MD_HEADING.match(stripped):
        stripped, heading = _MD_HEADING.sub("", stripped), True
    if m := _BOLD.match(stripped):
        stripped, heading = m.group(1), True
    return stripped.strip(), indent, bullets, heading


def lines_from_text(source: str, page: int = 1) -> list[Line]:
    """Normalise source text into body lines, collapsing runs of blank lines to one.

    Offsets: `char_start/char_end` index the joined body text (lines joined by "\\n",
    see `join_lines`); `source_offset` indexes `source`.
    """
    out: list[Line] = []
    pos = 0
    offset = 0
    blank_run = True  # drop leading blank lines
    for raw in source.splitlines(keepends=True):
        deadline.check()
        start = offset
        offset += len(raw)
        text, indent, bullet, heading = normalise_line(raw.rstrip("\r\n"))
        if not text and not bullet:
            if blank_run:
                continue
            blank_run = True
        else:
            blank_run = False
        out.append(
            Line(text=text, page=page, char_start=pos, char_end=pos + len(text),
                 source_offset=start, indent=indent, bullet=bullet, heading=heading)
        )
        pos += len(text) + 1
    while out and not out[-1].text:
        out.pop()
    return out


def join_lines(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines if not line.furniture)


def renumber(lines: list[Line]) -> list[Line]:
    """Recompute body offsets after lines were dropped or merged (furniture, hyphenation).

    The lines are updated in place (copying each one was a tenth of PDF ingest time) and
    returned; furniture lines get -1, as they are not in Document.text.
    """
    pos = 0
    for line in lines:
        # Straight into the field dict: two ints we computed need no validation, and
        # BaseModel.__setattr__ showed in profiles.
        if line.furniture:
            line.__dict__.update(char_start=-1, char_end=-1)
        else:
            line.__dict__.update(char_start=pos, char_end=pos + len(line.text))
            pos += len(line.text) + 1
    return lines


# A word broken at a line end: "imple-" + "mentation".  pdfium has already merged such lines
# itself and marks the hyphen as U+FFFE ("in\ufffeline"), so both forms are handled.
_LINE_END_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-$")
_FIRST_WORD = re.compile(r"^([A-Za-z0-9][\w'’]*)([,.;:)]*)(\s+|$)")
_PDFIUM_HYPHEN = re.compile(r"(\w+)\ufffe(\w*)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


@cache
def _compound_parts() -> dict[str, frozenset[str]]:
    """Heads, tails and whole words that make a line-end hyphen a real one (patterns/hyphen_compounds.jsonl)."""
    text = files("minutemine").joinpath("patterns/hyphen_compounds.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(row) for row in text.splitlines() if row.strip()]
    return {side: frozenset(p for r in rows if r["side"] == side for p in r["parts"]) for side in ("head", "tail", "whole")}


def resolve_hyphen(left: str, right: str, known_words: frozenset[str] | set[str] = frozenset()) -> str:
    """Rejoin a word split at a hyphen at a line end, keeping the hyphen of a real compound.

    The hyphen stays when the next part starts with a capital or digit, when the paper itself
    writes the hyphenated form elsewhere, or when it is a known compound; otherwise (the
    paper writes the joined form, or nothing is known) it was a typesetting break.

    >>> resolve_hyphen("imple", "mentation")
    'implementation'
    >>> resolve_hyphen("long", "term")
    'long-term'
    >>> resolve_hyphen("2024", "2025")
    '2024-2025'
    >>> resolve_hyphen("Sanchez", "Graells")
    'Sanchez-Graells'
    >>> resolve_hyphen("in", "formation")
    'information'
    >>> resolve_hyphen("work", "stream", {"work-stream"})
    'work-stream'
    """
    kept, joined = f"{left}-{right}", left + right
    if not right or not right[0].islower() or left[-1:].isdigit():
        return kept
    low_kept, low_joined = kept.lower(), joined.lower()
    if low_kept in known_words:
        return kept
    if low_joined in known_words:
        return joined
    parts = _compound_parts()
    if low_kept in parts["whole"] or left.lower() in parts["head"] or right.lower() in parts["tail"]:
        return kept
    return joined


def rejoin_hyphenated(lines: list[Line]) -> list[Line]:
    """Rejoin words hyphenated across body line ends (also across a page break).

    The first word of the next body line moves up to the line that ends with the hyphen, so
    each line still starts where the source line started; a line left empty is dropped.
    Offsets must be recomputed afterwards (`renumber`).
    """
    candidates = [line for line in lines if "\ufffe" in line.text or _LINE_END_HYPHEN.search(line.text)]
    if not candidates:  # the usual case: nothing to do, and no need to index the words
        return lines
    body_text = " ".join(line.text for line in lines if not line.furniture)
    known = {w.lower() for w in _WORD.findall(body_text.replace("\ufffe", "-"))}
    out = [line.model_copy(update={"text": _PDFIUM_HYPHEN.sub(lambda m: resolve_hyphen(m[1], m[2], known), line.text)})
           if "\ufffe" in line.text else line for line in lines]
    emptied: set[int] = set()
    for i, line in enumerate(out):
        if line.furniture or not _LINE_END_HYPHEN.search(line.text) or line.text.endswith(" -"):
            continue
        j = next((k for k in range(i + 1, len(out)) if not out[k].furniture), None)
        if j is None or out[j].bullet or out[j].heading or not (m := _FIRST_WORD.match(out[j].text)):
            continue
        head = line.text[:-1].rsplit(" ", 1)
        word = resolve_hyphen(head[-1], m[1], known)
        out[i] = line.model_copy(update={"text": " ".join(head[:-1] + [word + m[2]])})
        out[j] = out[j].model_copy(update={"text": out[j].text[m.end():],
                                           "source_offset": out[j].source_offset + out[j].indent + m.end()})
        if not out[j].text:
            emptied.add(j)
    return [line for k, line in enumerate(out) if k not in emptied]


def ingest_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = 2000) -> Document:
    """Read one file into a Document; never raises for bad input."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".") or "(none)"
    try:
        size = path.stat().st_size
        if size > max_bytes:
            data = b""
            digest = _hash_file(path)
            return _failed(path, digest, fmt, f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit (--max-bytes)")
        data = path.read_bytes()
    except OSError as exc:
        return _failed(path, "", fmt, f"cannot read file: {exc.strerror or exc}")
    digest = sha256_of(data)
    if path.suffix.lower() not in SUPPORTED:
        return _failed(path, digest, fmt, f"unsupported file type '.{fmt}': minutemine reads .txt, .md and .pdf")
    if not data.strip():
        return _failed(path, digest, fmt, "file is empty", status="empty")
    try:
        if path.suffix.lower() in PDF_FORMATS:
            from .pdf import ingest_pdf

            doc = ingest_pdf(path, data, doc_id_for(digest), digest, max_pages=max_pages)
        else:
            doc = _ingest_text(path, data, digest, fmt)
    except Exception as exc:  # a reader bug on one odd file must not stop the run
        reason = " ".join(str(exc).split())[:200]
        return _failed(path, digest, fmt, f"internal error while reading the file: {type(exc).__name__}: {reason}")
    if doc.status == "ok":
        doc.title = doc.title or guess_title([line.text for line in doc.lines[:60] if not line.furniture])
        doc.meeting_date = doc.meeting_date or guess_meeting_date(path.name, doc.text)
        doc.body = doc.body or guess_body(path.name, doc.text)
    return doc


def _ingest_text(path: Path, data: bytes, digest: str, fmt: str) -> Document:
    if looks_binary(data):
        return _failed(path, digest, fmt, "file is binary, not text: is it really a text file?")
    try:
        source = decode_text(data)
    except UnicodeDecodeError:
        return _failed(path, digest, fmt, "cannot decode text as UTF-8 or cp1252")
    lines = renumber(rejoin_hyphenated(lines_from_text(source)))
    if not any(line.text for line in lines):
        return _failed(path, digest, fmt, "file has no text (only whitespace)", status="empty")
    return Document(doc_id=doc_id_for(digest), source_path=str(path), sha256=digest, format=fmt,
                    n_pages=1, text=join_lines(lines), lines=lines)


def _hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _failed(path: Path, digest: str, fmt: str, reason: str, status: str = "error") -> Document:
    digest = digest or sha256_of(str(path).encode())
    return Document(doc_id=doc_id_for(digest), source_path=str(path), sha256=digest, format=fmt,
                    status=status, error=reason)
