"""Bigger corpora for the scale tests and benchmarks: the sample corpus told by many councils.

A real corpus 100 times the size of the sample is ~100 councils' papers, not 100
copies of one council's.  Linking works per story block (councils whose papers name
each other, `minutemine.stories`), so copies of one council would all fall in one
giant block.  Copy n is therefore the same stories told by invented councils:

- every council place word of patterns/councils.jsonl ("Plymouth", "Torbay", ...) is
  replaced, in text papers and in all file names, by an invented place unique to
  (copy, place) that occurs nowhere in the sample corpus ("Bristol" -> "Zarwick");
- a line naming the paper's own invented council ("Zarwick City Council") opens
  every paper whose file name starts with a place (for a PDF, a text object put
  first on page 1), because the body is read from the text when the file name starts
  with no known place, and the sample's text papers name their council too late or
  not at all.  PDF text is not rewritten: "Bristol" stays in the copies' PDFs, which
  joins no blocks, since no paper of the copies has a Bristol body;
- and, as before, bytes that ingest ignores (trailing blank lines in text, a comment
  after %%EOF in a PDF) carry the copy number.

So every copy has its own sha256, its own councils and its own blocks, and nearly the
sample's work: one more item per paper (the council line), the same requests, statuses
and number of links; tests/test_scaled_corpus.py checks this and names, in a strict
xfail, what still differs (the pattern files know only the real places' names).
Writing a copy takes ~0.3-0.4 s, mostly pdfium regenerating page 1 of each PDF.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import io
import json
import re
from importlib import resources
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

_HEADS = ("Zar", "Quil", "Vex", "Yor", "Xan", "Pim", "Trel", "Wix", "Oom", "Ux")
_MIDS = ("an", "el", "ip", "om", "ud", "ar", "es", "il", "ot", "ur")  # start with a vowel, no tail does:
_TAILS = ("wick", "thorp", "holm", "stow", "dale", "mere", "gate", "ness", "cott", "by")  # names never collide
_FONT_SIZE = 8.0
_TOP_GAP = 10.0  # points from the top edge of page 1 to the inserted line's baseline


def perturbed(data: bytes, suffix: str, n: int) -> bytes:
    """`data` with `n` written where the reader does not look."""
    if suffix == ".pdf":
        return data + b"\n%minutemine-copy-" + str(n).encode() + b"\n"
    return data + b"\n" + b" " * n + b"\n"


@functools.lru_cache(maxsize=1)
def place_councils() -> dict[str, str]:
    """File-name place -> council: the package's patterns/councils.jsonl, read as `meta.place_councils`
    reads it (but without importing `minutemine.nlp`, which loads spaCy: seconds)."""
    path = resources.files("minutemine") / "patterns" / "councils.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["place"]: r["council"] for r in records}


def invented_place(k: int) -> str:
    """The k-th invented place word: letters only, so it reads as a place ("Zarwick City Council").

    >>> invented_place(0), invented_place(13), invented_place(123)
    ('Zarwick', 'Yorthorp', 'Yoripthorp')
    """
    digits = f"{k:02d}"
    return _HEADS[int(digits[-1])] + "".join(_MIDS[int(d)] for d in digits[1:-1]) + _TAILS[int(digits[0])]


@functools.lru_cache(maxsize=4)
def corpus_words(source: Path = CORPUS) -> frozenset[str]:
    """Every word (lower case) of the papers under `source`, PDFs' text layer included."""
    import pypdfium2 as pdfium

    words: set[str] = set()
    for paper in _papers(source):
        if paper.suffix.lower() == ".pdf":
            pdf = pdfium.PdfDocument(paper.read_bytes())
            try:
                for page in pdf:
                    textpage = page.get_textpage()
                    words.update(re.findall(r"[a-z]+", textpage.get_text_range().lower()))
                    textpage.close()
                    page.close()
            finally:
                pdf.close()
        words.update(re.findall(r"[a-z]+", paper.read_bytes().decode("utf-8", "replace").lower()))
    return frozenset(words)


def invented_places(copies: int, source: Path = CORPUS) -> list[dict[str, str]]:
    """For each copy, place (lower case, as in councils.jsonl) -> its invented place word.

    Names found anywhere in the sample corpus, or starting with a real place (the file-name
    test of `guess_body`), are skipped: a name the papers already use would join blocks.
    """
    places = sorted(place_councils())
    taken = corpus_words(source)
    names = (name for k in range(10**6) if (name := invented_place(k)).lower() not in taken
             and not name.lower().startswith(tuple(places)))
    out = [{place: next(names) for place in places} for _ in range(copies)]
    assert len({n for copy in out for n in copy.values()}) == copies * len(places)
    return out


def renamed(text: str, names: dict[str, str]) -> str:
    """`text` with each real place word replaced by its invented one, in the same case.

    >>> renamed("PLYMOUTH: Plymouth's plymouth.gov.uk, Plymouthian", {"plymouth": "Zarwick"})
    "ZARWICK: Zarwick's zarwick.gov.uk, Plymouthian"
    """
    if not names:
        return text

    def swap(m: re.Match) -> str:
        new = names[m.group(0).lower()]
        word = m.group(0)
        return new.upper() if word.isupper() else new.lower() if word.islower() else new

    pattern = r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
    return re.sub(pattern, swap, text, flags=re.I | re.A)  # ASCII: "Torbay’s" in any encoding


def own_council(file_name: str, names: dict[str, str]) -> str:
    """The invented council of a paper whose file name starts with a known place, else ""."""
    for place, council in place_councils().items():
        if file_name.lower().startswith(place):
            return renamed(council, names)
    return ""


def with_council_line(data: bytes, suffix: str, council: str) -> bytes:
    """The paper with a first line naming `council`: prepended to a text, first object of a PDF's page 1."""
    if suffix != ".pdf":
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        return bom + council.encode("ascii") + b"\n\n" + data[len(bom):]
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        obj = c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(_FONT_SIZE))
        utf16 = (council + "\x00").encode("utf-16-le")
        if not (obj and c.FPDFText_SetText(obj, (ctypes.c_ushort * (len(utf16) // 2)).from_buffer_copy(utf16))):
            raise RuntimeError("pdfium could not make the council's text object")
        # Above everything on the page, so pdfium's text layer gives it a line of its own.
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 36, page.get_height() - _TOP_GAP)
        c.FPDFPage_InsertObjectAtIndex(page.raw, obj, 0)  # first in the text layer
        if not c.FPDFPage_GenerateContent(page.raw):
            raise RuntimeError("pdfium could not write page 1's new content")
        page.close()
        buffer = io.BytesIO()
        pdf.save(buffer)
    finally:
        pdf.close()
    return _fixed_id(buffer.getvalue(), data + council.encode())


def _fixed_id(saved: bytes, seed: bytes) -> bytes:
    """pdfium writes a random second file ID on every save; make it a hash (same length, same offsets)."""
    at = saved.rfind(b"/ID")
    m = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<([0-9A-Fa-f]*)>").match(saved, at) if at >= 0 else None
    if not m:
        return saved
    digest = hashlib.sha256(seed).hexdigest().upper().encode()[:len(m.group(1))]
    return saved[:m.start(1)] + digest + saved[m.end(1):]


def copy_of_paper(paper: Path, source: Path, n: int, names: dict[str, str] | None) -> tuple[Path, bytes]:
    """Relative path and bytes of copy `n` of `paper`; with `names`, told by copy n's councils."""
    relative = paper.relative_to(source)
    suffix = paper.suffix.lower()
    data = paper.read_bytes()
    if names is not None:
        relative = relative.with_name(renamed(relative.name, names))
        if suffix != ".pdf":
            # Place words are ASCII, so the bytes can be edited whatever the paper's encoding.
            data = renamed(data.decode("latin-1"), names).encode("latin-1")
        if council := own_council(paper.name, names):
            data = with_council_line(data, suffix, council)
    return Path(f"copy{n:04d}") / relative, perturbed(data, suffix, n)


def replicate_corpus(dest: Path, copies: int, source: Path = CORPUS, distinct_councils: bool = True) -> list[Path]:
    """Write `copies` copies of every paper under `source` into dest/copyNNNN/, in copy then paper order.

    With `distinct_councils` (the default) copy n is told by its own invented councils;
    without, every copy is the sample's councils again (one block for all copies).
    """
    names = invented_places(copies, source) if distinct_councils else [None] * copies
    written = []
    for n in range(copies):
        for paper in _papers(source):
            relative, data = copy_of_paper(paper, source, n, names[n])
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
    return written


def new_paper(dest: Path, source: Path = CORPUS, marker: int = 1) -> Path:
    """One more paper for a warm re-run: copy 0's first text paper again, in copy 0's story block
    (the same invented councils), with other bytes (`marker` in its ignored bytes), under dest/new/."""
    paper = sorted(source.glob("*.txt"))[0]
    relative, data = copy_of_paper(paper, source, 0, invented_places(1, source)[0])
    target = dest / "new" / relative.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data + b" " * marker + b"\n")
    return target


def _papers(source: Path) -> list[Path]:
    return sorted(p for p in source.rglob("*") if p.suffix.lower() in {".txt", ".pdf"})
