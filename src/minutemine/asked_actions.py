"""An ask for an action, granted by an undertaking to do it (issue #4).

A promise answers an ask only in part ("A speed survey will be carried out in April"),
except a promise to do just what was asked: "Early morning lane swimming will return
from 6.30 am … from April 2025" answers "restore the early morning lane swimming
sessions".  Used by link_status.gives_an_answer.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .similarity import topic_stems

# Verbs of an ask for action, in families (patterns/asked_actions.jsonl): an answer that
# undertakes a verb of the ask's own family ("restore ~ return") does what was asked.  Stems,
# matched at a word's start.  Asks to consider, review or look into, and asks for information
# ("provide", "report", "publish how much"), are not there: a promise answers them only in part.
_INFLECTION = "(?:e|es|ed|en|ten|ing|s|d|ted|ting|ped|ping|ied|ies|y)?"


@cache
def _asked_actions() -> tuple[dict[str, tuple[str, ...]], re.Pattern]:
    """The verb families and the information-ask pattern of patterns/asked_actions.jsonl."""
    text = resources.files("minutemine").joinpath("patterns/asked_actions.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    families = {row["family"]: tuple(row["stems"]) for row in rows if "family" in row}
    information = next(row["pattern"] for row in rows if row.get("list") == "asks_information")
    return families, re.compile(information, re.IGNORECASE)


@cache
def _verb_family() -> dict[str, str]:
    return {stem: family for family, stems in _asked_actions()[0].items() for stem in stems}


@cache
def _action_ask() -> re.Pattern:
    """An ask for action: a listed imperative, "calls on X to <verb>", "That X <verb>" / "be <verbed>"."""
    verbs = "|".join(sorted((re.escape(s) for s in _verb_family()), key=len, reverse=True))

    def verb(n: int) -> str:
        return f"(?P<verb{n}>{verbs}){_INFLECTION}"

    return re.compile(
        r"^\W*(?:(?:\d+|[a-z]|[ivx]+)[.)]\s*)?" + verb(1) + r"\b"  # a listed imperative: "2. restore the …"
        r"|\b(?:call(?:s|ed)? (?:up)?on|urge[sd]?|ask(?:s|ed)?|invite[sd]?|request(?:s|ed)?)\b[^.;:]{0,80}?\bto "
        + verb(2) + r"\b"  # "calls on the Council to restore …"
        # "That the Cabinet restores …", "requests that the sessions be restored"
        r"|(?:^\W*|\b(?:request|recommend|ask|urge|resolve)\w*\s+)that\b[^.;:]{0,80}?\b(?:should |shall |be |to )?"
        + verb(3) + r"\b",
        re.IGNORECASE)


def asked_action(request: str) -> str:
    """The family of the action a request asks to be done ("restore"), or "" when it asks for information or a view.

    >>> [asked_action(t) for t in ("restore the early morning lane swimming sessions from 6.30 am",
    ...                            "This petition calls on the Council to reopen the toilets in Market Square",
    ...                            "That the Cabinet keeps the Saturday bus service",
    ...                            "The Committee requests that the crossing patrol be reinstated",
    ...                            "publish how much of the £1.2m saving is to come from the pool",
    ...                            "asks officers to provide the number of crossings installed since 2020",
    ...                            "I would ask the Cabinet Member to consider a pedestrian crossing",
    ...                            "Residents raised concerns about speeding on Mill Lane",
    ...                            "Residents asked for a pedestrian crossing outside the library")]
    ['restore', 'restore', 'keep', 'restore', '', '', '', '', '']
    """
    if _asked_actions()[1].search(request):
        return ""
    found = _action_ask().search(request)
    if not found:
        return ""
    verb = next(v for v in found.groupdict().values() if v)  # one named group per alternative
    return _verb_family()[verb.lower()]


@cache
def _family_verb(family: str) -> re.Pattern:
    """A verb of action `family` in any of its forms ("return", "returned", "brought back")."""
    stems = "|".join(re.escape(s) for s in _asked_actions()[0][family])
    return re.compile(rf"\b(?:{stems}){_INFLECTION}\b", re.IGNORECASE)


def grants_the_ask(answer: str, request: str) -> bool:
    """Whether an answer undertakes to do just what an ask for action asked: then the promise is the answer.

    The answer must use a verb of the ask's family and restate what it is to be done to: at least
    two, and half, of the ask's other content stems.

    >>> grants_the_ask("Early morning lane swimming will return from 6.30 am on weekdays from April 2025.",
    ...                "restore the early morning lane swimming sessions from 6.30 am that were withdrawn in 2023")
    True
    >>> grants_the_ask("A traffic count on Hill Street will be carried out in June.",
    ...                "calls on the Council to install a zebra crossing on Hill Street")
    False
    >>> grants_the_ask("The figures on crossings will be provided in June.",
    ...                "asks officers to provide the number of crossings installed since 2020")
    False
    """
    family = asked_action(request)
    if not family or not _family_verb(family).search(answer):
        return False
    verbs = frozenset().union(*(topic_stems(v.group()) for v in _family_verb(family).finditer(request)))
    wanted = topic_stems(request) - verbs
    shared = wanted & topic_stems(answer)
    return len(shared) >= 2 and 2 * len(shared) >= len(wanted)


def does_the_asked_action(answer: str, request: str) -> bool:
    """Whether an answer tells of the action an ask named, by a verb of its family ("met" for "to meet").

    Unlike `asked_action`, an ask that also mentions a view or information elsewhere counts
    ("invited the Cabinet Member to meet the petitioners … before Cabinet considered the
    petition"): this is evidence of which ask a report answers, not of whether it answers it in full.

    >>> does_the_asked_action("The Cabinet Member met the lead petitioner at the pool on 15 July 2024.",
    ...                       "Members invited the Cabinet Member to meet the petitioners at the pool before "
    ...                       "Cabinet considered the petition.")
    True
    >>> does_the_asked_action("The Cabinet Member met the lead petitioner at the pool on 15 July 2024.",
    ...                       "calls on the Council to restore the early morning swimming sessions")
    False
    >>> does_the_asked_action("The figures were sent to members.", "Members asked how many cards were cancelled")
    False
    """
    found = _action_ask().search(request)
    if not found:
        return False
    verb = next(v for v in found.groupdict().values() if v)
    return bool(_family_verb(_verb_family()[verb.lower()]).search(answer))
