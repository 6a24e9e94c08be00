"""Paper-level metadata: which body a paper belongs to and when it met.

Both are guesses from the file name (councils' own naming, or the analyst's) and
the first lines of the paper; a wrong guess is visible in documents.csv.
"""

from __future__ import annotations

import re

_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
_COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z]+(?:[ -](?:and|upon|on)?[ -]?[A-Z][a-z]+)*) (?:City|County|Borough|District|Metropolitan Borough|Town|Parish)? ?Council)\b"
)
# Place names whose council the filename names without saying "council".
_PLACE_COUNCILS = {
    "plymouth": "Plymouth City Council",
    "torbay": "Torbay Council",
    "worcestershire": "Worcestershire County Council",
    "bristol": "Bristol City Council",
}


def guess_meeting_date(filename: str, text: str) -> str:
    """ISO date of the meeting: from the file name if it carries one, else the paper's opening lines.

    >>> guess_meeting_date("plymouth-2017-12-13-due-diligence.txt", "")
    '2017-12-13'
    >>> guess_meeting_date("plymouth-2017-09-minute.txt", "")
    '2017-09'
    >>> guess_meeting_date("x.txt", "Health Scrutiny Committee 13th December 2017\\nUpdate")
    '2017-12-13'
    """
    if m := _ISO_IN_NAME.search(filename):
        year, month, day = m.groups()
        if 1 <= int(month) <= 12:
            return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    from .dates import find_dates

    for found in find_dates("\n".join(text.splitlines()[:15])):
        if len(found.iso) == 10:
            return found.iso
    return ""


def guess_body(filename: str, text: str) -> str:
    """The council whose paper this is.

    >>> guess_body("torbay-2018-01-10-schools-forum.txt", "")
    'Torbay Council'
    >>> guess_body("x.txt", "Report of Sheffield City Council to Cabinet")
    'Sheffield City Council'
    """
    stem = filename.lower()
    for place, council in _PLACE_COUNCILS.items():
        if stem.startswith(place):
            return council
    if m := _COUNCIL.search(text[:3000]):
        return m.group(1)
    return ""
