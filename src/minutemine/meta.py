"""Paper-level metadata: which body a paper belongs to, when it met, and its title.

All are guesses from the file name (councils' own naming, or the analyst's) and
the first lines of the paper; a wrong guess is visible in documents.csv.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HEADER_LINE_CHARS = 80
# A long opening line may still say when the paper's own meeting was ("Minutes of the meeting
# held on Wednesday, 22nd January, 2025 at County Hall"); a long line otherwise is prose.
_MEETING_LINE = re.compile(r"\b(?:held|meeting)\b.*\bon\b|^\s*date(?: of meeting)?\s*:", re.I)
_COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z]+(?:[ -](?:and|upon|on)?[ -]?[A-Z][a-z]+)*) (?:City|County|Borough|District|Metropolitan Borough|Town|Parish)? ?Council)\b"
)


@functools.lru_cache(maxsize=1)
def place_councils() -> dict[str, str]:
    """Place names a file name may start with, and their council (patterns/councils.jsonl:
    add a line for a council whose papers are named by place without saying "council")."""
    from .nlp import read_patterns

    return {r["place"]: r["council"] for r in read_patterns("councils")}


def guess_meeting_date(filename: str, text: str) -> str:
    """ISO date of the meeting: from the file name if it carries one, else the paper's opening lines.

    >>> guess_meeting_date("plymouth-2017-12-13-due-diligence.txt", "")
    '2017-12-13'
    >>> guess_meeting_date("plymouth-2017-09-minute.txt", "")
    '2017-09'
    >>> guess_meeting_date("x.txt", "Health Scrutiny Committee 13th December 2017\\nUpdate")
    '2017-12-13'
    >>> guess_meeting_date("minutes.pdf", "WEXCOMBE COUNTY COUNCIL\\nMinutes of the meeting held on Wednesday, "
    ...                    "22nd January, 2025 at County Hall, Wexcombe, in the Council Chamber")
    '2025-01-22'
    >>> guess_meeting_date("worcs-2018-minute.txt", "Agenda item\\nThe decision was scheduled to be made by Cabinet on "
    ...                    "29 March 2018, with the full business case being submitted by 31 March 2018.")
    '2018'
    """
    if m := _ISO_IN_NAME.search(filename):
        year, month, day = m.groups()
        if 1 <= int(month) <= 12:
            return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    from .dates import find_dates

    # Only short lines: a date inside a sentence of the opening paragraph is what the paper
    # talks about ("scheduled to be made by Cabinet on 29 March 2018"), not when it met.
    head = [line for line in text.splitlines()[:15]
            if len(line.strip()) <= _HEADER_LINE_CHARS or _MEETING_LINE.search(line)]
    for found in find_dates("\n".join(head)):
        if len(found.iso) == 10:
            return found.iso
    if m := _YEAR_IN_NAME.search(filename):
        return m.group(1)
    return ""


def guess_body(filename: str, text: str) -> str:
    """The council whose paper this is: a place the file name starts with, else the council
    named as a heading on the paper's first lines, else the first council its text names.

    >>> guess_body("torbay-2018-01-10-schools-forum.txt", "")
    'Torbay Council'
    >>> guess_body("x.txt", "Report of Sheffield City Council to Cabinet")
    'Sheffield City Council'
    >>> guess_body("minutes.pdf", "HARBRIDGE DISTRICT COUNCIL\\n\\nCabinet – 16 July 2025\\nThe Council agreed")
    'Harbridge District Council'
    >>> guess_body("a.txt", "Report to The Harbridge District Council")
    'Harbridge District Council'
    >>> guess_body("reply.pdf", "Letter\\nThe Council will respond. This Council notes it.")
    ''
    """
    stem = filename.lower()
    for place, council in place_councils().items():
        if stem.startswith(place):
            return council
    for line in text[:3000].splitlines()[:15]:
        if (m := _COUNCIL_HEADING.match(line.strip())) and _capitalised(m.group(1)):
            return council_case(m.group(1))
    for m in _COUNCIL.finditer(text[:3000]):
        name = re.sub(r"^(?:The|This) (?=\w+ \w)", "", m.group(1))  # "The Harbridge District Council"
        if name.split()[0].lower() not in _NOT_A_PLACE:
            return name
    return ""


# A council's name printed as a heading line, often in capitals: "HARBRIDGE DISTRICT COUNCIL",
# "London Borough of Camden".  The kind of council is required, so "THE COUNCIL" is not one.
_COUNCIL_HEADING = re.compile(
    r"^((?:[a-z][a-z'.]*[ -])+(?:city|county|borough|district|metropolitan borough|town|parish) council"
    r"|(?:london|royal) borough of [a-z][a-z' -]*[a-z]|city of [a-z][a-z' -]*[a-z] council)$", re.I)
# Words a capitalised "… Council" may start with that do not name a place ("The Council", "Full Council").
_NOT_A_PLACE = {"the", "this", "that", "full", "city", "county", "borough", "district", "town", "parish", "each",
                "every", "our", "your", "a", "an", "any", "local", "whole", "metropolitan"}
_LOWER_IN_NAMES = {"and", "upon", "on", "in", "of", "under", "le", "by", "the"}


def _capitalised(name: str) -> bool:
    """Every word of a name but its connectors starts with a capital ("Report to the X Council" is prose)."""
    return all(w[:1].isupper() or w in _LOWER_IN_NAMES for w in re.split(r"[ -]", name))


def council_case(name: str) -> str:
    """A council's name as it is written, from a heading in capitals.

    >>> council_case("STOKE-ON-TRENT CITY COUNCIL"), council_case("LONDON BOROUGH OF RICHMOND UPON THAMES")
    ('Stoke-on-Trent City Council', 'London Borough of Richmond upon Thames')
    >>> council_case("Wexcombe County Council")
    'Wexcombe County Council'
    """
    if not name.isupper():
        return name
    words = re.split(r"([ -])", name.lower())
    return "".join(w if w in " -" or (i and w in _LOWER_IN_NAMES) else w[:1].upper() + w[1:]
                   for i, w in enumerate(words))


# A labelled title on a report cover: "TITLE: Workplace Parking Levy", "Report title: ...".
_TITLE_FIELD = re.compile(r"^(?:report\s+)?title\s*[:\-–]\s*(?P<title>\S.*)$", re.I)
# Lines at the top of a paper that name the kind of page or the publisher, not the paper.
_BOILERPLATE = re.compile(
    r"^(?:committee report|official(?:[- ]sensitive)?|agenda item|minutes:?|agendas, meetings and minutes\b.*"
    r"|decision recording form|public document pack|version \w+ \d{4}|template approved\b.*|page \d+( of \d+)?"
    r"|(?:[A-Z][\w'-]* )+council)$", re.I)
_CONNECTOR_END = re.compile(r"\b(?:of|the|and|&|for|to|on|in|with)$", re.I)


def guess_title(lines: Sequence[str], limit: int = 200) -> str:
    """The paper's title: a labelled "TITLE:" field, else the first line that is not boilerplate.

    A title printed over two lines ("Minutes of the Transport and Connectivity" /
    "Policy Committee") is joined back.

    >>> guess_title(["Committee Report", "COMMITTEE: Transport", "TITLE: Workplace Parking Levy Update"])
    'Workplace Parking Levy Update'
    >>> guess_title(["Bristol City Council", "Minutes of the Transport and Connectivity", "Policy Committee",
    ...              "12 September 2024 at 5.00 pm"])
    'Minutes of the Transport and Connectivity Policy Committee'
    >>> guess_title(["Agendas, Meetings and Minutes - Agenda item", "", "Agenda item", "Alternative Delivery Model"])
    'Alternative Delivery Model'
    """
    head = [line.strip() for line in lines[:40] if line.strip()]
    for line in head:
        if m := _TITLE_FIELD.match(line):
            return m["title"][:limit]
    for i, line in enumerate(head):
        if len(line) <= 3 or _BOILERPLATE.match(line) or not any(ch.isalpha() for ch in line):
            continue
        nxt = head[i + 1] if i + 1 < len(head) else ""
        if nxt and (_CONNECTOR_END.search(line) or _is_title_tail(nxt)) and not line.endswith((".", ":")):
            line = f"{line} {nxt}"
        return line[:limit]
    return ""


def _is_title_tail(text: str) -> bool:
    """A short capitalised line that ends a title broken over two lines ("Policy Committee")."""
    words = text.split()
    return (0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(ch.isdigit() for ch in text)
            and not text.endswith(":") and not _BOILERPLATE.match(text))
