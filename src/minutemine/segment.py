"""Segment: a Document's lines become a tree of Items (agenda items, sections, numbered lists).

Three steps, chained in `segment_document`:

1. `lines_to_blocks` joins wrapped lines into logical blocks (one paragraph, one
   labelled item, one bullet, one heading) and reads each block's label.
2. `blocks_to_tree` places every block with a stack of open nodes: a label of a
   style already open is a sibling of it (`2.` closes `1.`), a new style opens a
   child level, bullets nest by their visual depth, and headings open sections.
3. `segment_kinds.tree_to_items` names sections, gives every node its kind and a
   stable label path, and flattens the tree (iteratively: no recursion limit).

The label-path scheme is documented in docs/ITEM_KINDS.md; the lines of a question printed
in full (its byline, the question itself, its reply) are read by `segment_questions`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from . import deadline
from .labels import Label, parse_label
from .models import Document, Item

MAX_DEPTH = 32  # deeper nesting is attached at this depth: bounded paths, no quadratic blow-up
_TERMINAL = (".", ";", "?", "!", ":", "…")
_INTRO_END = re.compile(r"(?::|[-–—]|:-|\bas follows[:;]?|\b(?:APPROVED|RESOLVED|AGREED))\s*$")
_THAT_BODY = re.compile(r"^That the\b[^.;]*\b(?:Committee|Council|Cabinet)\b[^.;]*$", re.I)
_CONNECTIVE_END = re.compile(r"\b(?:and|or|of|the|to|for|with|by|in|a|an|on)$", re.I)
ASK_HEADING_STYLES = ("word:question", "word:request")  # numbered headings whose answer follows them
_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "on", "&", "a", "an", "with", "at", "by", "/", "-", "–"}


@dataclass
class Block:
    text: str
    page: int
    start: int
    end: int
    depth: int = 0  # visual depth: bullet marks, plus one when the bullet is indented
    bulleted: bool = False
    marked_heading: bool = False  # "##" or bold in the source
    label: Label | None = None
    known: dict | None = None  # matching entry of patterns/headings.jsonl
    blank_before: bool = False
    blank_after: bool = False
    table: bool = False
    title: str = ""  # the title line that follows "Agenda item"
    log_part: str = ""  # "ask" or "verdict": the two halves of an action-log line (segment_log)
    more: list[str] = field(default_factory=list)  # continuation lines, joined once at the end

    @property
    def last_line(self) -> str:
        return self.more[-1] if self.more else self.text

    def finish(self) -> None:
        if self.more:  # joined once: a paragraph of 100,000 wrapped lines stays linear
            self.text = " ".join([self.text, *self.more])
            self.more = []
            if self.label:
                self.label = read_label(self.text) or self.label


@dataclass(eq=False)
class Node:
    role: str  # "root", "section", "agenda", "labelled", "bullet", "prose", "table"
    block: Block | None = None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    label: Label | None = None
    reading: str = "n"  # which candidate reading of an ambiguous label was chosen
    value: int = 0
    style: str = ""
    name: str = ""  # section name as used in paths
    anonymous: bool = False  # a section inferred from a restarted numbering, named later
    list_role: str = ""  # role given to a list by its heading or intro: "recommendation" ...
    depth: int = 0  # visual depth of the block
    level: int = 0  # nesting depth in the tree
    text: str = ""
    inferred_key: str = ""  # a lost label restored from the sequence around it ("(d)")
    inferred_value: int = 0
    answered: bool = False  # a question (heading or text) with a reply heading under it already

    @property
    def is_container(self) -> bool:
        return self.role in ("root", "section", "agenda")

    @property
    def is_intro(self) -> bool:
        """A line that opens a list: "… the following -", "It was APPROVED:", "That the Committee …"."""
        if self.role == "bullet":
            return self.text.endswith(":")
        return bool(self.text) and (bool(_INTRO_END.search(self.text)) or (
            self.role == "prose" and bool(_THAT_BODY.match(self.text))))

    @property
    def is_heading_item(self) -> bool:
        """A numbered heading ("1. Purpose", "7 Opportunities to promote …", "Recommendation 1 – …")."""
        if self.role != "labelled" or self.label is None or self.block.bulleted:
            return False
        if self.style in ASK_HEADING_STYLES:
            return True  # "Question 1 – Opening hours", "Q4.", "Request 2 –": the answer is printed under it
        if self.style == "word:statement" or " | " in self.label.rest or self.label.printed.startswith("0"):
            return False  # a list of statements received, each one line; a numbered table row
        if self.parent is not None and self.parent.role not in ("root", "section", "agenda", "labelled"):
            return False  # an item of a list introduced by a sentence
        if self.style in ("word:recommendation", "word:item"):
            return True
        rest = self.label.rest
        if self.style == "n" and not rest.endswith((".", ";", ",")) and len(rest.split()) <= 16:
            return True  # "7 Opportunities to promote sustainable transport …": minute headings
        return looks_like_title(rest, max_words=14)


@lru_cache(maxsize=None)
def _patterns(name: str) -> tuple[dict, ...]:
    text = resources.files("minutemine").joinpath("patterns", name).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    for row in rows:
        row["regex"] = re.compile(row["pattern"], re.I)
    return tuple(rows)


def known_heading(text: str) -> dict | None:
    """The patterns/headings.jsonl entry a line matches, if any.

    >>> known_heading("Minutes:")["kind"], known_heading("Cabinet -")["role"]
    ('section', 'resolution')
    >>> known_heading("The Leader introduced the report") is None
    True
    """
    clean = text.strip().strip("*").strip()
    if clean[:1].islower():  # "the Policy Committee" wrapped onto its own line is not a heading
        return None
    for row in _patterns("headings.jsonl"):
        if row["kind"] not in _NOT_HEADINGS and row["regex"].search(clean):
            return row
    return None


_NOT_HEADINGS = ("label", "byline", "asks", "not_a_name", "log_line")  # rows read by read_label, question_byline, asks_in_full,
# extract_questions.heading_asker and segment_log.log_line_blocks


def read_label(text: str) -> Label | None:
    """The label at the start of a line: `labels.parse_label`, or a numbered heading word of
    patterns/headings.jsonl (kind "label") that the generic numbering does not know.

    >>> l = read_label("Q4. How many births took place?"); (l.printed, l.style, l.value, l.rest)
    ('Q4', 'word:question', 4, 'How many births took place?')
    >>> l = read_label("Request 2 – Saturday opening"); (l.printed, l.style, l.rest)
    ('Request 2', 'word:request', 'Saturday opening')
    >>> read_label("Q1 2024/25 Corporate Risk Report") is None, read_label("Request 2 was agreed") is None
    (True, True)
    """
    label = parse_label(text)
    if label is not None:
        return label
    clean = text.strip()
    for row in _patterns("headings.jsonl"):
        # "starts": the letters the heading word can begin with, a cheap test before the regex
        if row["kind"] == "label" and clean[:1] in row["starts"] and (m := row["regex"].match(clean)):
            rest = m["rest"] or ""
            printed = clean[: m.start("rest")] if m["rest"] else clean
            number = int(m["num"])
            return Label(printed.rstrip(" .:)-–—"), row["style"], (("n", number),), (number,), rest.strip())
    return None


def number_wraps_a_sentence(prev: Block, text: str, label: Label, last_value: int | None) -> bool:
    """Whether a line that starts with a number only carries on the sentence above it.

    "… the consultation received" / "640 Responses were counted" is one sentence; "2. Background"
    after "1. Introduction" is an item.  A number is a wrap when the line above does not end a
    sentence, no list delimiter follows the number (". Capital", ")", a tab), the number does
    not go on from the last one of its style, and what follows it is not a title.
    """
    if label.style not in ("n", "n.") or prev.known or prev.marked_heading or prev.table or " | " in text:
        return False  # "69 Dr Tony Hoare | Update …" is a numbered table row
    if prev.last_line.rstrip("”\"'’)").endswith(_TERMINAL):
        return False
    after = text.strip()[len(label.printed):]
    if after.startswith("\t") or label.style == "n." and label.rest[:1].isupper():
        return False
    if label.value == 1 or last_value is not None and last_value < label.value <= last_value + 1:
        return False
    return not looks_like_title(label.rest, max_words=14)


def list_role(text: str) -> str:
    """What the items of a list introduced by `text` are.

    >>> list_role("That council seeks assurance –")
    'request'
    >>> list_role("The committee advises council to consider, during its debate, the following -")
    'recommendation'
    >>> list_role("Key areas of questioning related to –")
    'question'
    """
    for row in _patterns("list_roles.jsonl"):
        if row["regex"].search(text):
            return row["role"]
    return ""


def looks_like_title(text: str, max_words: int = 9) -> bool:
    """A short line in title case without closing punctuation: a slide or section title.

    >>> looks_like_title("Leadership, Capacity & Maintaining Focus"), looks_like_title("Work stream Structure")
    (True, True)
    >>> looks_like_title("the current operating model of Torbay Council is flexible")
    False
    >>> looks_like_title("There were none."), looks_like_title("Exempt Information?")
    (False, True)
    """
    text = text.strip()
    words = text.split()
    if not words or len(words) > max_words or not text[0].isupper() and not text[0] in "(":
        return False
    if text.endswith((".", ";", ",", "!")) or text.endswith("?") and len(words) > 5:
        return False  # "Exempt Information?" is a form field title; a long question is a sentence
    significant = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    capitalised = [w for w in significant if w[0].isupper()]
    return len(capitalised) * 2 >= len(significant)


def clean_name(text: str) -> str:
    """A heading as used in a label path.

    >>> clean_name("Minutes:"), clean_name("Cabinet -"), clean_name("Finance/ICT")
    ('Minutes', 'Cabinet', 'Finance-ICT')
    """
    return re.sub(r"\s+", " ", text.replace("/", "-")).strip().rstrip(":-–— ").strip() or "section"


def is_table_row(text: str) -> bool:
    """A PDF table's row, its cells joined by " | " (minutemine.pdf): never the end of a paragraph above it.

    >>> is_table_row("2 | Light the footpath | Partially accepted"), is_table_row("The figure fell by 12%.")
    (True, False)
    """
    return " | " in text


def _width(lengths: list[int]) -> int:
    lengths = sorted(lengths)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def looks_hard_wrapped(lengths: list[int]) -> bool:
    """Whether a text file was wrapped at a fixed width (a letter or report saved as text):
    no long lines, and many lines ending close to the same column.

    >>> looks_hard_wrapped([88, 90, 85, 89, 40, 87, 91, 30, 86, 90])
    True
    >>> looks_hard_wrapped([142, 311, 649, 90, 57, 60, 120, 80, 95, 101])
    False
    """
    if len(lengths) < 8 or max(lengths) > 120:
        return False
    near_edge = sum(1 for n in lengths if n >= 0.8 * max(lengths))
    return near_edge * 3 >= len(lengths)


def lines_to_blocks(doc: Document) -> list[Block]:
    """Join wrapped lines into blocks and read labels; blank lines are remembered, not kept."""
    from .segment_log import log_line_blocks  # it builds Blocks: imported here, not in a cycle at load time

    # a PDF table's row is one line however wide the page is: it says nothing of where prose wraps
    lengths = [len(line.text) for line in doc.lines if not line.furniture and line.text and not line.table
               and not is_table_row(line.text)]
    # PDF text layers break lines at the column edge; some text papers are hard-wrapped too
    # ("… and received" / "640 responses."), and there a blank line is what ends a paragraph.
    wrap_column = max(lengths) if doc.format != "pdf" and looks_hard_wrapped(lengths) else 0
    wrapped = doc.format == "pdf"
    # One width for the document: a page of short lines (a list of names) must not look wrapped.
    width = _width(lengths)
    last_number: dict[str, int] = {}  # the last value read for each plain-number style, to tell a wrap
    blocks: list[Block] = []
    blank = True
    for line in doc.lines:
        deadline.check()
        if line.furniture:
            continue
        if not line.text:
            blank = True
            if blocks:
                blocks[-1].blank_after = True
            continue
        text = line.text
        if (halves := log_line_blocks(line, blank)):
            blocks.extend(halves)  # "Minute 23(b): … - Completed: …" is a record, not a heading
            blank = False
            continue
        label = read_label(text)
        prev = blocks[-1] if blocks else None
        if label is not None and prev is not None and not blank and \
                number_wraps_a_sentence(prev, text, label, last_number.get(label.style)):
            label = None  # "… the consultation received" / "640 Responses were counted": one sentence
        if label is not None and label.style in ("n", "n."):
            last_number[label.style] = label.value
        known = None if (label and not label.style.startswith("word:")) or line.bullet else known_heading(text)
        depth = line.bullet + (1 if line.bullet and line.indent > 0 else 0)
        if prev and prev.known and prev.known.get("takes_title") and not prev.title and not label \
                and not line.bullet and not known:
            prev.title, prev.end = text, line.char_end
            blank = False
            continue
        if prev and not label and not line.bullet and not known and not line.heading and not prev.table \
                and not (wrapped and (is_table_row(text) or is_table_row(prev.last_line))) \
                and (_wraps_at(wrap_column, prev, text, blank) if wrap_column else _continues(prev, text, wrapped, width)):
            prev.more.append(text)
            prev.end = line.char_end
            prev.blank_after = False
            blank = False
            continue
        # Tab-separated rows of a text paper; " | "-joined cells of a PDF table (from minutemine.pdf).
        is_table = not label and not line.bullet and (" | " in text or not wrapped and "    " in text.strip())
        blocks.append(Block(text=text, page=line.page, start=line.char_start, end=line.char_end,
                            depth=depth, bulleted=line.bullet > 0, marked_heading=line.heading,
                            label=label, known=known, blank_before=blank, table=is_table))
        blank = False
    for block in blocks:
        block.finish()
    return blocks


_LIST_TITLE = re.compile(r"^[A-Z][\w'’]*(?:\s+[\w'’]+){0,3}:$")  # a few words ending in ":", a list's title

_FIELD = re.compile(r"^[A-Z][\w'’ ]{0,24}:\s")  # "Lead: Head of Housing Services", "Date: 10 February 2025"


def _wraps_at(column: int, prev: Block, text: str, blank: bool) -> bool:
    """In a text file hard-wrapped at `column`: whether `text` is the same paragraph as the line
    above.  A line was wrapped exactly when its next word would not have fitted; a blank line
    ends a paragraph; a "Lead: …" field after a full sentence starts a new one."""
    if blank or prev.known or prev.marked_heading:
        return False
    last = prev.last_line
    if text[0].islower() and not last.endswith(":") or _CONNECTIVE_END.search(last):
        return True  # "… by the deadline of noon on" / "Thursday 23 January": no line ends on "on"
    if last.rstrip("”\"'’)").endswith(_TERMINAL) and (_FIELD.match(text) or last.endswith(":")):
        return False
    return len(last) + 1 + len(text.split()[0]) > 0.95 * column


def _continues(prev: Block, text: str, wrapped: bool, width: int) -> bool:
    """Whether `text` carries on the previous block (a wrapped line, a sentence cut by a page)."""
    if prev.known or prev.marked_heading:
        return False
    if text.startswith("(") and text.endswith(")") and prev.label is None and looks_like_title(prev.text):
        return True  # "Transitional Funding" / "(Approved)": one title
    last = prev.last_line
    ended = last.rstrip("”\"'’)").endswith(_TERMINAL)
    starts_lower = text[0].islower()
    if not wrapped:
        # "… The aim will be to decide" / "90 per cent of applications …": a line opening on a quantity,
        # not a label (the caller read none), carries on a long line that ends mid-sentence
        quantity = not ended and bool(re.match(r"[£$€]?\d", text)) and len(last) >= 0.6 * width and not looks_like_title(last)
        return (starts_lower and not ended) or bool(_CONNECTIVE_END.search(last)) or quantity
    if starts_lower and not last.endswith(":"):
        return True
    if prev.label is not None and prev.label.style == "n" and not prev.more:
        return False  # "10 City Centre Transport Corridor – …" is a minute heading; its text starts below
    if _LIST_TITLE.match(text) and not _CONNECTIVE_END.search(last):
        return False  # "Committee Members present:" opens a list of its own under a title block
    return not ended and len(last) >= 0.6 * width and not (
        prev.label is None and not prev.more and looks_like_title(prev.text) and len(prev.text) < 0.6 * width)


def segment_document(doc: Document) -> list[Item]:
    """The item tree of one document, flattened in reading order (parents before children)."""
    from .segment_kinds import tree_to_items
    from .segment_tree import blocks_to_tree

    if doc.status != "ok" or not doc.lines:
        return []
    root = blocks_to_tree(lines_to_blocks(doc))
    return tree_to_items(root, doc.doc_id)
