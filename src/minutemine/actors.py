"""Who is bound or acts (actor), who is asked (addressee), and the people and bodies named.

Entities come from the rule pipeline (`nlp.py`): ORG (councils, committees,
boards, "PCC Finance"), ROLE ("the Chief Executive", "S151") and PERSON
("Councillor Mrs Beer", "Cllr Rob Bryher").  Two things need the whole paper
rather than one sentence, so they live here:

- "Name Surname, Role" ("Tracey Lee, Chief Executive") introduces a person once;
  later "(Carole Burgoyne)" or "– David Northey" is then known to be a person.
- an abbreviation is expanded only when the paper supports it
  (`patterns/abbreviations.jsonl`: "PCC" is Plymouth City Council only in a paper
  that mentions Plymouth).

The actor of a commitment is the body, role or person written before its cue
("Torbay will make…", "Officers agreed to…"); when the cue opens the sentence
("Agrees…", "Approved…") the actor is the one named in the lead-in the item
hangs from ("Cabinet -", "The Policy Committee:").  The addressee is whoever
is named after a request cue ("Requests the Wellbeing Overview and Scrutiny
Committee to…", "advises council to consider").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .nlp import read_patterns

ACTOR_LABELS = ("ORG", "ROLE", "PERSON")


@lru_cache(maxsize=1)
def _abbreviation_table() -> list[dict[str, str]]:
    return read_patterns("abbreviations")


def abbreviations_for(text: str) -> dict[str, str]:
    """The abbreviations this paper supports, mapped to their expansions.

    >>> abbreviations_for("PCC Finance, Plymouth")["PCC"]
    'Plymouth City Council'
    >>> "PCC" in abbreviations_for("Police and Crime Commissioner (PCC)")
    False
    """
    out = {}
    for rec in _abbreviation_table():
        needs = rec.get("only_if_text_mentions", "")
        if not needs or needs in text:
            out[rec["abbr"]] = rec["expansion"]
    return out


@lru_cache(maxsize=1)
def _named_role_regex() -> re.Pattern[str]:
    roles = sorted({p["pattern"] for p in read_patterns("entities")
                    if p["label"] == "ROLE" and isinstance(p["pattern"], str) and p["pattern"][0].isupper()},
                   key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in roles)
    name = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
    return re.compile(rf"\b(?P<name>{name}(?: {name}){{1,2}}), (?:the )?(?P<role>(?:{alt})\b[\w ,&'’]*?)(?=[,.;:)\n]| and | who | introduced)")


def named_people(text: str) -> dict[str, str]:
    """People introduced as "Name Surname, Role" anywhere in the paper, with their role.

    >>> named_people("Tracey Lee, Chief Executive, Carole Burgoyne, Strategic Director for People and Ann")
    {'Tracey Lee': 'Chief Executive', 'Carole Burgoyne': 'Strategic Director for People'}
    """
    return {m["name"]: m["role"].strip() for m in _named_role_regex().finditer(text)}


def canonical(name: str, abbreviations: dict[str, str]) -> str:
    """A body's name as it should appear in the dataset: abbreviations expanded, "the" and case tidied.

    >>> canonical("PCC", {"PCC": "Plymouth City Council"}), canonical("the committee", {}), canonical("council", {})
    ('Plymouth City Council', 'the Committee', 'Council')
    """
    name = " ".join(name.split())
    if name in abbreviations:
        return abbreviations[name]
    words = name.split(" ")
    if words[0].lower() == "the" and len(words) > 1:
        return "the " + " ".join(w[:1].upper() + w[1:] for w in words[1:])
    return name[:1].upper() + name[1:]


def people_in(text: str, ents: list[Span], known: dict[str, str]) -> list[str]:
    """People named in a sentence: titled people and those the paper introduced with a role."""
    found = [e.text for e in ents if e.label_ == "PERSON"]
    found += [n for n in known if n in text]
    return _unique(found)


def organisations_in(ents: list[Span], abbreviations: dict[str, str]) -> list[str]:
    return _unique(canonical(e.text, abbreviations) for e in ents if e.label_ == "ORG")


def actor_before(sent: Span, cue_start: int, abbreviations: dict[str, str]) -> str:
    """The nearest body, role or person written before the cue token in the same sentence."""
    candidates = [e for e in sent.ents if e.label_ in ACTOR_LABELS and e.end <= cue_start]
    if not candidates:
        return ""
    return with_qualifier(candidates[-1], abbreviations)


def addressee_after(sent: Span, cue_start: int, cue_end: int, abbreviations: dict[str, str]) -> str:
    """Who a request is put to: a body or role named inside the cue ("advises council to
    consider") or within a few words after it ("Requests the Wellbeing … Committee to")."""
    for e in sent.ents:
        if e.label_ in ACTOR_LABELS and e.start >= cue_start and e.start <= cue_end + 3:
            return with_qualifier(e, abbreviations)
    return ""


def agent_or_subject(sent: Span, abbreviations: dict[str, str]) -> str:
    """For a line with no cue: the body that opens it ("Torbay Full Council Meeting…") or
    the agent after "by" ("Review in progress by Chief Exec…")."""
    for e in sent.ents:
        if e.label_ not in ACTOR_LABELS:
            continue
        k = e.start - sent.start
        if k <= 1 or (e.start > 0 and sent.doc[e.start - 1].lower_ == "by"):
            return with_qualifier(e, abbreviations)
    return ""


def with_qualifier(ent: Span, abbreviations: dict[str, str]) -> str:
    """An entity, joined to a body named just before it, the role spelt out: "Torbay" + "S151" →
    "Torbay Section 151 Officer" (the place as printed: the officer is Torbay's, not "Torbay Council S151")."""
    doc = ent.doc
    prev = [e for e in doc.ents if e.end == ent.start and e.label_ == "ORG"]
    if ent.label_ == "ROLE" and prev:
        return f"{prev[0].text} {canonical(ent.text, abbreviations)}"  # "Torbay S151" → "Torbay Section 151 Officer"
    return canonical(ent.text, abbreviations)


def first_actor(sent: Span, abbreviations: dict[str, str]) -> str:
    """The first body, role or person in a lead-in ("Cabinet -", "That council seeks assurance –")."""
    for e in sent.ents:
        if e.label_ in ACTOR_LABELS:
            return with_qualifier(e, abbreviations)
    return ""


def _unique(names) -> list[str]:
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    return seen


def name_after(span: Span, end: int) -> str:
    """The capitalised name (two to four words) written right after token `end`, as in
    "a petition submitted by Alison Bramall titled …": an agent no pattern knows.

    >>> from minutemine.nlp import get_nlp
    >>> doc = get_nlp()("The Committee considered a petition submitted by Alison Bramall titled Stop")
    >>> name_after(doc[:], 7), name_after(doc[:], 1)
    ('Alison Bramall', '')
    """
    words = []
    for tok in span.doc[end:span.end]:
        if not tok.is_title or len(words) == 4:
            break
        words.append(tok.text)
    return " ".join(words) if len(words) >= 2 else ""
