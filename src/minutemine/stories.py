"""Which papers belong to one story, and when their meetings were: the blocks and order of linking."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict

from .models import DocumentRow

_GENERIC_BODY_WORDS = {"the", "of", "city", "county", "borough", "district", "council", "london", "metropolitan",
                       "royal", "town", "parish"}


def story_blocks(documents: list[DocumentRow], items) -> dict[str, str]:
    """Group papers into blocks of one story: councils whose papers name each other link together.

    Plymouth's papers name Torbay Council, so Plymouth and Torbay are one block; Bristol
    is another.  A paper whose body is not known belongs to the council its own text
    names most ("HARBRIDGE DISTRICT COUNCIL" at its head), so that two unknown councils'
    papers are never pooled; one that names none is in the block "".  Returns doc_id ->
    block name (the alphabetically first body in it).
    """
    text_of_doc: dict[str, list[str]] = defaultdict(list)
    for i in items:
        text_of_doc[i.doc_id].append(i.text)
    texts = {d.doc_id: d.title + "\n" + "\n".join(text_of_doc.get(d.doc_id, [])) for d in documents}
    body_of = {d.doc_id: d.body if _place_word(d.body) else _council_named_most(texts[d.doc_id]) or d.body
               for d in documents}
    bodies = sorted({b for b in body_of.values() if b})
    place = {b: _place_word(b) for b in bodies}
    parent = {b: b for b in bodies}

    def find(b: str) -> str:
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        return b

    bodies_of_place: dict[str, list[str]] = defaultdict(list)
    for b, p in place.items():
        if p:
            bodies_of_place[p].append(b)
    if not bodies_of_place:
        return {d.doc_id: body_of[d.doc_id] for d in documents}
    for d in sorted(documents, key=lambda d: d.doc_id):
        body = body_of[d.doc_id]
        if not body:
            continue
        named = places_named(texts[d.doc_id], bodies_of_place)
        for other in sorted(b for p in named for b in bodies_of_place[p]):
            if other != body:
                a, b = sorted((find(body), find(other)))
                parent[b] = a
    return {d.doc_id: find(body_of[d.doc_id]) if body_of[d.doc_id] else "" for d in documents}


_WORD_RUN = re.compile(r"\w+")
_CAPITALISED_RUN = re.compile(r"\b[A-Z]\w*")  # a whole run of word characters that starts with a capital
_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def places_named(text: str, places) -> set[str]:
    """The place words in `places` that `text` names as whole words; case matters ("Reading" the town,
    not "reading" the report).

    The same as finding every `\\b(place|...)\\b` in the text, but one pass over the text's
    words whatever the number of places (a 1,400-paper corpus has hundreds of councils):
    a place that is one run of word characters is named exactly when some run equals it;
    a longer one ("Stoke-on-Trent", "King's") is searched for only when its first run occurs.

    >>> text = "Torbay's plan; Plymouth-based staff; Stoke-on-Trent. reading"
    >>> sorted(places_named(text, ["Torbay", "Plymouth", "Stoke-on-Trent", "Reading", "Bristol"]))
    ['Plymouth', 'Stoke-on-Trent', 'Torbay']
    """
    runs = set(_CAPITALISED_RUN.findall(text))  # place words are capitalised: the runs that can be one
    named = set()
    for place in places:
        head = _WORD_RUN.match(place)
        if head is None:
            continue
        if head.group()[0] in _ASCII_CAPITALS and head.group() not in runs:
            continue
        if head.group() == place and head.group()[0] in _ASCII_CAPITALS or re.search(
                r"\b" + re.escape(place) + r"\b", text):
            named.add(place)
    return named


_COUNCIL_NAME = re.compile(r"\b([A-Za-z][\w'-]+)\s+(?:(city|county|district|borough|town|parish)\s+)?council\b",
                           re.IGNORECASE)


def _council_named_most(text: str) -> str:
    """The council a paper's text names most often, as "Place [Kind] Council", or "" if it names none.

    >>> _council_named_most("HARBRIDGE DISTRICT COUNCIL  Minutes of a meeting held at the Council Offices")
    'Harbridge District Council'
    >>> _council_named_most("The Council agreed.  The county council was told.")
    ''
    """
    counts: dict[str, int] = defaultdict(int)
    for m in _COUNCIL_NAME.finditer(text):
        word, kind = m.group(1), m.group(2)
        if word.lower() in _GENERIC_BODY_WORDS or not word[0].isupper():
            continue
        counts[" ".join(w.capitalize() for w in (word, kind or "") if w) + " Council"] += 1
    return min(counts, key=lambda name: (-counts[name], name)) if counts else ""


def _place_word(body: str) -> str:
    """The distinctive word of a council's name.

    >>> _place_word("Plymouth City Council")
    'Plymouth'
    >>> _place_word("London Borough of Hackney Council")
    'Hackney'
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'-]+", body) if w.lower() not in _GENERIC_BODY_WORDS]
    return words[0] if words else ""


def meeting_day_range(iso: str) -> tuple[float, float]:
    """First and last day (ordinal) a meeting date may mean; unknown spans all time.

    >>> meeting_day_range("2017-09-25") == (736597.0, 736597.0)
    True
    >>> meeting_day_range("2017-09")[1] - meeting_day_range("2017-09")[0]
    29.0
    >>> meeting_day_range("")
    (-inf, inf)
    """
    from datetime import date

    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso.strip())
    if not m:
        return float("-inf"), float("inf")
    try:
        year = int(m.group(1))
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3))).toordinal()
            return float(day), float(day)
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return float(date(year, month, 1).toordinal()), float(date(year, month, last).toordinal())
        return float(date(year, 1, 1).toordinal()), float(date(year, 12, 31).toordinal())
    except ValueError:
        return float("-inf"), float("inf")
