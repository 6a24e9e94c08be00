"""Which columns of a table ask and which answer, read from its header row.

A table that puts what was asked beside the answer ("Question | Answer", "Issue raised |
Response", "You said | We did", "Comment | Response", "Recommendation | Management response |
Agreed action | …") is read row by row: the asking cell restates a request, each answering cell
is one answer to it.  Both ingest (how such a PDF table's rows are written out) and extract
(what each row yields) read the header the same way, so the test lives here, free of spaCy.
"""

from __future__ import annotations

import re

CELL_SEPARATOR = " | "  # how ingest joins the cells of a table row
_ANSWER_COLUMN = re.compile(r"(?i)\b(?:responses?|answers?|reply|replies|updates?|progress|comments?|outcome|we did|"
                            r"we (?:will|have|are)(?: do(?:ne|ing)?)?|what we(?:'ll| will| have| did)?\b.*|"
                            r"(?:agreed|management|planned|proposed)\s+actions?|actions?\s+(?:taken|agreed|proposed|planned)|current\s+position)\b")
# a tracker's status column answers only where no column holds an update: "Ref | Action | Owner | Due date | Status"
_STATUS_COLUMN = re.compile(r"(?i)^(?:(?:current\s+|rag\s+)?status|rag|progress\s+status|status\s*/\s*comments?)$")
# what a column that asks is called; an action log's "Action | Owner | Progress" restates what was asked
_ASK_COLUMN = re.compile(r"(?i)\b(?:recommendations?|request(?:s|ed)?|questions?|issues?|concerns?|quer(?:y|ies)|asks?|"
                         r"actions?|resolutions?|you said|you told us|what you (?:said|told us|asked)|suggestions?|"
                         r"points?\s+raised|matters?\s+raised|petitions?|representations?)\b")
_WEAK_ASK_COLUMN = re.compile(r"(?i)\b(?:comments?|feedback|observations?|findings?)\b")  # asks only beside a "Response"
# who asks and who is asked, when a column says so ("Questioner", "Asked by" … "To", "Cabinet Member")
_ASKER_COLUMN = re.compile(r"(?i)^(?:questioner|asked by|submitted by|raised by|from|member|councillor|petitioner|"
                           r"name(?: of questioner)?)$")
_ASKED_COLUMN = re.compile(r"(?i)^(?:to|asked of|(?:to be )?answered by|respondent|responder|cabinet member|"
                           r"portfolio holder|executive member|lead member)$")
MAX_COLUMNS = 10
MAX_HEADER_CHARS = 160  # a header row is short; a sentence naming both is prose


class Columns(tuple):
    """(asking column, answering columns…), and which columns name the asker and the one asked (None if none)."""

    asker: int | None = None
    asked: int | None = None


def header_cells(header: str) -> list[str]:
    return [c.strip() for c in header.split(CELL_SEPARATOR.strip())]


def answer_table_columns(header: str) -> Columns | None:
    """(column that asks, column that answers, further answering columns…) of a table header, else
    None: the rows of such a table restate a request and answer it side by side.

    >>> answer_table_columns("No | Recommendation | Cabinet response | Lead officer")
    (1, 2)
    >>> answer_table_columns("Issue raised | Response") , answer_table_columns("Ref No | Name | Title")
    ((0, 1), None)
    >>> answer_table_columns("Ref | Action | Owner | Due date | Progress")
    (1, 4)
    >>> answer_table_columns("Comment | Response"), answer_table_columns("You said | We did")
    ((0, 1), (0, 1))
    >>> answer_table_columns("Ref | Recommendation | Management response | Agreed action | Officer | Target date")
    (1, 2, 3)
    >>> answer_table_columns("Question | Answer"), answer_table_columns("Comments | Date")
    ((0, 1), None)
    >>> answer_table_columns("What you told us | What we will do"), answer_table_columns("Representation | Council response")
    ((0, 1), (0, 1))
    >>> answer_table_columns("Ref | Finding | Agreed action | Owner"), answer_table_columns("Finding | Recommendation | Management response")
    ((1, 2), (1, 2))
    >>> answer_table_columns("Ref | Action | Owner | Due date | Status"), answer_table_columns("Ref | Action | Status | Update")
    ((1, 4), (1, 3))
    >>> c = answer_table_columns("No. | Questioner | To | Question | Answer"); c, c.asker, c.asked
    ((3, 4), 1, 2)
    """
    cells = header_cells(header)
    if len(cells) < 2 or len(cells) > MAX_COLUMNS:
        return None
    answers = [i for i, c in enumerate(cells) if _ANSWER_COLUMN.search(c)]
    ask = next((i for i, c in enumerate(cells) if _ASK_COLUMN.search(c) and i not in answers), None)
    if ask is None:  # "Comment | Response": the comment is what the response answers
        ask = next((i for i, c in enumerate(cells) if _WEAK_ASK_COLUMN.search(c) or _ASK_COLUMN.search(c)), None)
    answers = [i for i in answers if i != ask] or [i for i, c in enumerate(cells) if _STATUS_COLUMN.match(c) and i != ask]
    if ask is None or not answers:
        return None
    columns = Columns((ask, *answers))
    columns.asker = next((i for i, c in enumerate(cells) if _ASKER_COLUMN.match(c)), None)
    columns.asked = next((i for i, c in enumerate(cells) if _ASKED_COLUMN.match(c)), None)
    return columns


SHORT_CELL = 30  # characters: pdfium may print each cell of a header on a line of its own, all short


def may_be_answer_header(lines: list[str]) -> bool:
    """Some line, or run of short lines, names a column that asks and one that answers: a page worth
    searching for a table without rules (`pdf_unruled`); most pages have none, and are left alone.

    >>> may_be_answer_header(["Ref Action Owner Due date Status Update"]), may_be_answer_header(["Issue raised", "Response"])
    (True, True)
    >>> may_be_answer_header(["In response to questions it was confirmed that;", "The following comments were made:"])
    False
    """
    short: list[str] = []
    for line in lines + [""]:
        text = line.strip()
        if 0 < len(text) <= SHORT_CELL and _may_name_columns(text):
            short.append(text)
            continue
        for candidate in (text, " ".join(short)):
            # the cheap tests first: this runs on every line of every page
            if candidate and len(candidate) <= MAX_HEADER_CHARS and (
                    _ANSWER_COLUMN.search(candidate) or _STATUS_WORD.search(candidate)) and (
                    _ASK_COLUMN.search(candidate) or _WEAK_ASK_COLUMN.search(candidate)) and _may_name_columns(candidate):
                return True
        short = []
    return False


_STATUS_WORD = re.compile(r"(?i)\b(?:status|rag)\b")
_PROSE_WORD = re.compile(r"(?i)\b(?:the|that|was|were|is|are|it|which|would|been|had|has|have|in|as)\b")


def _may_name_columns(text: str) -> bool:
    """Words that could be a header's: no sentence or lead-in end, few of prose's little words.

    >>> _may_name_columns("Ref | Recommendation | Response of the Council"), _may_name_columns("The following comments were made:")
    (True, False)
    """
    return not text.endswith((".", ":", ";", ",")) and len(_PROSE_WORD.findall(text)) < 3


# An action tracker printed as records of "Field: value" lines: the "Update:" of a record answers its
# "Information requested:" (or "Action:", "Question:") a few lines above.
RECORD_ANSWER = re.compile(r"(?i)^\s*(?:update|response|progress|answer|outcome|officers?'? response|comments?)\s*:\s*\S")
RECORD_ASK = re.compile(r"(?i)^\s*(?:information requested|request(?:ed)?|question|action(?: agreed)?|recommendation)"
                        r"\s*:\s*\S")
RECORD_FIELD = re.compile(r"^[A-Z][\w'’ ]{0,24}:\s")  # "Officer: Head of Housing", "Status: Complete"
RECORD_FIELDS = 6  # how far below its asking field a record's answer may be ("Officer:", "Due:" between)

