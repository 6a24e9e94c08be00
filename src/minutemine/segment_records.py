"""The fields of a register's record ("Action:", "Owner:", "Status:"): which asks, which answers, which names
the owner.  Segment nests a record printed one field a line (segment_kinds.nest_record_fields) and
extract reads a record printed on one line (extract_records); both read the fields here."""

from __future__ import annotations

import re

from .table_columns import RECORD_ANSWER

_FIELD = re.compile(r"^\s*(?P<key>[A-Z][\w'’ ]{0,30}?)\s*:\s+(?=\S)")
ASK_KEY = re.compile(r"(?i)^(?:(?:agreed\s+)?actions?(?:\s+agreed)?|recommendations?|request(?:ed)?|information\s+requested|"
                     r"questions?|issues?(?:\s+raised)?|findings?)$")
ANSWER_KEY = re.compile(r"(?i)^(?:status|progress|update|latest\s+update|outcome|position|comments?|"
                        r"(?:[\w'’]+\s+){0,2}?response)$")
REFERRER_KEY = re.compile(r"(?i)^(?:referred|raised|requested|recommended)\s+(?:by|from)$")  # "Referred by: …"
STATUS_KEY = re.compile(r"(?i)^(?:status|rag(?:\s+status)?)$")
OWNER_KEY = re.compile(r"(?i)^(?:(?:action\s+)?owner|lead(?:\s+officer)?|responsible\s+officer|officer|responsibility)$")


def field_key(text: str) -> str:
    """The name of a record's field, else "".

    >>> field_key("Management response: Agreed."), field_key("Status: Complete"), field_key("The plan: a draft")
    ('Management response', 'Status', 'The plan')
    >>> field_key("RESOLVED that the report be noted.")
    ''
    """
    m = _FIELD.match(text)
    return m["key"] if m else ""


def answering_field(text: str) -> bool:
    """A record's field that answers its asking field: "Status: Partly implemented – revised date …",
    "Management response: Agreed …", "Cabinet response: …", "Progress: …".

    >>> answering_field("Management response: Agreed."), answering_field("Cabinet response: Cabinet reviewed it.")
    (True, True)
    >>> answering_field("Status: Not implemented"), answering_field("Owner: Head of Finance")
    (True, False)
    """
    return bool(ANSWER_KEY.match(field_key(text)))


# "Referred by the Overview and Scrutiny Committee on 3 March 2025: That Cabinet reviews …": a register entry's ask
REFERRED = re.compile(r"^\s*(?:referred|recommended|requested|raised|asked)\s+(?:by|from)\s+(?:the\s+)?"
                      r"(?P<who>(?-i:[A-Z])[^:]{2,80}?)(?:\s+(?:on|at)\s+[^:]{3,30})?\s*:\s*\S", re.I)
_GENERIC_RESPONDERS = {"", "management", "latest", "officer", "officers", "formal", "written", "our", "full"}


def asks_record(text: str) -> bool:
    """A register entry's asking field: "Referred by the Scrutiny Committee on 3 March 2025: That …".

    >>> asks_record("Referred by the Overview and Scrutiny Committee on 3 March 2025: That Cabinet reviews it.")
    True
    >>> asks_record("Referred to Cabinet for decision.")
    False
    """
    return bool(REFERRED.match(text))


def responder(text: str) -> str:
    """Who answers, as an answering field's name says ("Cabinet response:"), else "" ("Management response:").

    >>> responder("Cabinet response: Agreed."), responder("Management response: Agreed."), responder("Status: Open")
    ('Cabinet', '', '')
    """
    key = field_key(text)
    if not re.search(r"(?i)\bresponse$", key):
        return ""
    who = key[: -len("response")].strip()
    return "" if who.lower() in _GENERIC_RESPONDERS else who


def says_more_than_a_state(text: str) -> bool:
    """A "Status:" field that says what was done, not a bare state: "Open" or "Closed" answers nothing a reader
    could check, while "Partly implemented - revised date: 30 September 2025" does.

    >>> says_more_than_a_state("Status: Complete - reconciliations are done monthly"), says_more_than_a_state("Status: Open")
    (True, False)
    """
    value = text.split(":", 1)[-1]
    return len(re.findall(r"[A-Za-z]{2,}", value)) >= 4


def answers_record(text: str) -> bool:
    """A tracker's answering field as table_columns knows it ("Update:") or as a register names it.

    >>> answers_record("Update: 46 notices issued."), answers_record("Management response: Agreed."), answers_record("RAG: Green")
    (True, True, False)
    """
    return bool(RECORD_ANSWER.match(text)) or answering_field(text)
