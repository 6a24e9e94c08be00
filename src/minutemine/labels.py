"""Item labels as council papers print them: `1.`, `1.1`, `2(a)`, `(a)`, `a.`, `iv)`, `I.`.

`parse_label` reads the label at the start of a line and says which numbering
*style* it belongs to (items of one style at one level are siblings) and which
values it could mean.  A single letter such as "i" or "I" is ambiguous (letter
nine or roman one); the candidates are kept and the segmenter decides from the
sequence around it.  Everything here is a small pure function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True)
class Label:
    printed: str  # as printed, e.g. "(a)", "9..", "2(a)"
    style: str  # e.g. "n.", "(a)", "a.", "n.n", "n(a)", "word:Question"
    values: tuple[tuple[str, int], ...]  # candidate readings: ("n", 2), ("letter", 9), ("roman", 1)
    parts: tuple[int, ...] = ()  # for compound labels ("2.1.3" -> (2, 1, 3), "2(a)" -> (2, 1))
    rest: str = ""  # the text after the label

    @property
    def value(self) -> int:
        return self.values[0][1]


def roman_to_int(s: str) -> int:
    """Value of a lower- or upper-case roman numeral, 0 if it is not one.

    >>> roman_to_int("iv"), roman_to_int("XII"), roman_to_int("ab")
    (4, 12, 0)
    """
    s = s.lower()
    if not s or any(ch not in ROMAN for ch in s):
        return 0
    total = 0
    for ch, nxt in zip(s, s[1:] + " "):
        v = ROMAN[ch]
        total += -v if nxt != " " and ROMAN[nxt] > v else v
    return total


def letter_value(ch: str) -> int:
    """a → 1, b → 2 …

    >>> letter_value("e"), letter_value("J")
    (5, 10)
    """
    return ord(ch.lower()) - ord("a") + 1


# Order matters: compound labels before simple ones.  `rest` must start with a space or,
# for the deck's "8.Confirm", a capital letter.
_WORD = re.compile(
    r"^(?P<word>(?:CABINET\s+)?MINUTE|Minute|Agenda\s+item|Recommendations?|Questions?|Statements?|Item)"
    r"\s+(?P<num>\d{1,3}[A-Za-z]?)\b(?P<tail>(?:\s*(?:,|&|and)\s*\d{1,3})*(?:\s+[A-Z](?:,[A-Z])*\b)?)"
    r"\.?\s*(?:[-–—:]\s*)?(?P<rest>.*)$",
)
_DOTTED = re.compile(r"^(?P<parts>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s|$)\s*(?P<rest>.*)$")
_NUM_PAREN_LETTER = re.compile(r"^(?P<num>\d{1,3})\s?\((?P<letter>[a-z])\)\s*(?P<rest>.*)$")
_NUM_LETTER = re.compile(r"^(?P<num>\d{1,3})(?P<letter>[a-z])\.(?=\s)\s*(?P<rest>.*)$")
_NUM = re.compile(r"^(?P<open>\()?(?P<num>\d{1,3})(?P<close>\.{1,2}|\)|(?<=\d)(?=\s))(?:\s+|(?=[A-Z]))(?P<rest>\S.*)$")
_MONTH = re.compile(r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+\d|\s*$)", re.I)
_ALPHA = re.compile(r"^(?P<open>\()?(?P<alpha>[a-zA-Z]|[ivxlc]{2,6}|[IVXLC]{2,6})(?P<close>[.)])\s+(?P<rest>\S.*)$")


def parse_label(text: str) -> Label | None:
    """The label at the start of `text`, or None.

    >>> parse_label("2.1.3 The budget").parts
    (2, 1, 3)
    >>> l = parse_label("9.. Provides clarity"); (l.printed, l.style, l.value, l.rest)
    ('9..', 'n.', 9, 'Provides clarity')
    >>> parse_label("8.Confirm PCC's accountabilities").value
    8
    >>> l = parse_label("(i) how this was"); (l.style, l.values)
    ('(a)', (('letter', 9), ('roman', 1)))
    >>> parse_label("I. Agrees 'in principle'").values
    (('letter', 9), ('roman', 1))
    >>> l = parse_label("2(a) Transitional Funding approved"); (l.style, l.parts)
    ('n(a)', (2, 1))
    >>> l = parse_label("Question 3 - Steve Duddell"); (l.style, l.value, l.rest)
    ('word:question', 3, 'Steve Duddell')
    >>> parse_label("CABINET MINUTE 36 (29 August 2017)").style
    'word:minute'
    >>> parse_label("13th Dec") is None, parse_label("2018/19 budget") is None, parse_label("e.g. this") is None
    (True, True, True)
    >>> parse_label("01 David Redgewell").style
    'n'
    >>> parse_label("12 September 2024 at 5.00 pm") is None, parse_label("Recommendation 2A was moved by") is None
    (True, True)
    >>> parse_label("3 Declarations of Interest").value, parse_label("08 Jan Ratcliffe").value
    (3, 8)
    >>> parse_label("8 20 mph Review").rest, parse_label("4 and Bristol Transport Strategy") is None
    ('20 mph Review', True)
    """
    text = text.strip()
    if (m := _WORD.match(text)) and not m["rest"][:1].islower():  # not "Recommendation 2A was moved"
        word = m["word"].split()[-1].lower().rstrip("s")
        if word == "item" and not m["word"].lower().startswith("agenda"):
            word = "item"
        num = re.match(r"\d+", m["num"]).group()
        printed = text[: m.start("rest")].rstrip(" -–—:")
        return Label(printed, f"word:{word}", (("n", int(num)),), (int(num),), m["rest"])
    if m := _DOTTED.match(text):
        parts = tuple(int(p) for p in m["parts"].split("."))
        return Label(m["parts"], "n.n", (("n", parts[-1]),), parts, m["rest"])
    if m := _NUM_PAREN_LETTER.match(text):
        parts = (int(m["num"]), letter_value(m["letter"]))
        return Label(text[: m.start("rest")].strip(), "n(a)", (("letter", parts[1]),), parts, m["rest"])
    if m := _NUM_LETTER.match(text):
        parts = (int(m["num"]), letter_value(m["letter"]))
        return Label(text[: m.start("rest")].strip(), "n(a)", (("letter", parts[1]),), parts, m["rest"])
    if m := _NUM.match(text):
        if m["open"] and m["close"] != ")":
            return None
        if not m["close"].strip() and (_MONTH.match(m["rest"]) or not (m["rest"][0].isupper() or m["rest"][0].isdigit())):
            return None  # "12 September 2024 at 5.00 pm" is a date; "4 and Bristol …" a wrapped number
        close = {"..": "."}.get(m["close"], m["close"])
        style = ("(" if m["open"] else "") + "n" + close
        printed = text[: m.start("rest")].strip()
        return Label(printed, style, (("n", int(m["num"])),), (int(m["num"]),), m["rest"])
    if m := _ALPHA.match(text):
        if m["open"] and m["close"] != ")":
            return None
        alpha = m["alpha"]
        shape = "A" if alpha.isupper() else "a"
        style = ("(" if m["open"] else "") + shape + m["close"]
        values: list[tuple[str, int]] = []
        if len(alpha) == 1:
            values.append(("letter", letter_value(alpha)))
        if r := roman_to_int(alpha):
            values.append(("roman", r))
        if not values:
            return None
        printed = text[: m.start("rest")].strip()
        return Label(printed, style, tuple(values), (values[0][1],), m["rest"])
    return None


def label_key(label: Label, reading: str, value: int | None = None) -> str:
    """The label as it appears in a label path: "2", "a", "iv".

    >>> label_key(parse_label("(c) if during"), "letter")
    'c'
    >>> label_key(parse_label("(iv) the"), "roman")
    'iv'
    >>> label_key(parse_label("I. Agrees"), "n", 1)
    '1'
    """
    if label.style == "n.n":
        return ".".join(map(str, label.parts))
    if label.style == "n(a)":
        return f"{label.parts[0]}.{chr(ord('a') + label.parts[1] - 1)}"
    if value is None:
        value = dict(label.values).get(reading, label.value)
    if reading == "n":
        return str(value)
    if reading == "letter":
        return chr(ord("a") + value - 1)
    return re.sub(r"[^ivxlc]", "", label.printed.lower())
