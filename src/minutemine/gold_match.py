"""Matching predicted commitments to gold ones: text normalisers and the one-to-one matcher.

Used by `minutemine.evaluate`; the rules are those of corpus/gold/GUIDE.md ("Scoring").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

MATCH_THRESHOLD = 0.7  # overlap coefficient |P∩G| / min(|P|, |G|) of content-word sets
MIN_SHARED_TOKENS = 3  # ... and at least this many shared content words (or all of a shorter gold text)
ACTOR_FUZZ = 90  # rapidfuzz ratio at or above which two actor names are the same

_WORD = re.compile(r"[a-z0-9£]+(?:[.'][a-z0-9]+)*")
# Words so common in council papers that sharing them says nothing about being the same commitment.
STOPWORDS = frozenset("""a an and are as at be by for from has have in is it its of on or that the their
there this to was were will with would""".split())


def words(text: str) -> list[str]:
    """The lower-cased content words of a text, in order.

    >>> words("Provides reassurance that there will be no impact — £1.518m!")
    ['provides', 'reassurance', 'no', 'impact', '£1.518m']
    """
    return [w for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in STOPWORDS]


def tokens(text: str) -> frozenset[str]:
    """The set of content words of a text, the unit of the overlap score."""
    return frozenset(words(text))


def overlap(pred: frozenset[str], gold: frozenset[str]) -> float:
    """Overlap coefficient of two token sets; 0 when they share too few words to mean anything.

    A prediction that is the whole item and a gold snippet that is its first clause
    score 1, and so do a short prediction and the gold text that contains it.

    >>> overlap(tokens("I. Agrees in principle to progress the development of a partnership"), tokens("agrees in principle to progress"))
    1.0
    >>> overlap(tokens("Cabinet agrees"), tokens("Cabinet agrees in principle to progress"))
    0.0
    """
    shared = len(pred & gold)
    if not pred or not gold or shared < min(MIN_SHARED_TOKENS, len(gold)):
        return 0.0
    return shared / min(len(pred), len(gold))


def norm_name(name: str) -> str:
    """Canonical form of an actor/addressee for comparison.

    >>> norm_name("  The Wellbeing Overview and Scrutiny  Committee ")
    'wellbeing overview and scrutiny committee'
    """
    name = " ".join(name.lower().replace("&", "and").split())
    return name[4:] if name.startswith("the ") else name


def same_name(a: str, b: str) -> bool:
    """Actor equality: normalised equality, or rapidfuzz ratio >= ACTOR_FUZZ.

    >>> same_name("Chief Executive", "the chief executive")
    True
    >>> same_name("Cabinet", "Council")
    False
    """
    from rapidfuzz import fuzz

    a, b = norm_name(a), norm_name(b)
    return bool(a and b) and (a == b or fuzz.ratio(a, b) >= ACTOR_FUZZ)


def norm_amount(value: str) -> str:
    """An amount in GBP as a canonical number string, so "1518000.0" equals "1518000".

    >>> norm_amount("1518000.0"), norm_amount(" 350000 "), norm_amount("EUR 500")
    ('1518000', '350000', 'EUR 500')
    """
    value = value.strip()
    try:
        number = float(value.replace(",", ""))
    except ValueError:
        return value
    return str(int(number)) if number == int(number) else repr(number)


def split_list(cell: str) -> list[str]:
    """A ;-separated cell as a list of its non-empty values.

    >>> split_list("2017-12-13; 2018-01-29;")
    ['2017-12-13', '2018-01-29']
    """
    return [v.strip() for v in (cell or "").split(";") if v.strip()]


# A gold question heading: "Q34 – Dan Ackroyd", "Question 9 - Matt Saunders": its number, then the asker.
_QUESTION_HEADING = re.compile(r"^\s*(?:q|questions?)\s*0*(\d+)\s*[–—-]\s*(.+?)\s*$", re.IGNORECASE)
# A listed question row as predicted: "34 Dan Ackroyd | Data regarding traffic flow".
_LISTED_ROW = re.compile(r"^\s*(?:q|questions?)?\s*0*(\d+)\b\s*[–—|-]?\s*(.*)$", re.IGNORECASE | re.DOTALL)


def same_question_heading(pred_text: str, gold_text: str) -> bool:
    """Whether a gold question heading and a predicted request are the same question: same number and asker.

    Public-forum minutes head each reply "Q34 – Dan Ackroyd" above a listed row "34 Dan Ackroyd |
    Data regarding traffic flow"; the request quotes the row (link_listed), the gold the heading.
    They share only the name by words, too few to match on overlap, but the number and the name
    together are the question.

    >>> same_question_heading("34 Dan Ackroyd | Data regarding traffic flow", "Q34 – Dan Ackroyd")
    True
    >>> same_question_heading("35 Megs Smith | Council coercion or democracy?", "Q34 – Dan Ackroyd")
    False
    >>> same_question_heading("34 Megs Smith | Council coercion or democracy?", "Q34 – Dan Ackroyd")
    False
    >>> same_question_heading("Q34 – Dan Ackroyd", "Q34 – Dan Ackroyd")
    True
    >>> same_question_heading("Dan Ackroyd asked about traffic flow", "Q34 – Dan Ackroyd")
    False
    """
    heading = _QUESTION_HEADING.match(gold_text)
    row = _LISTED_ROW.match(pred_text)
    if not heading or not row or heading.group(1) != row.group(1):
        return False
    name = words(heading.group(2))
    return bool(name) and words(row.group(2))[:len(name)] == name


@dataclass(frozen=True)
class Record:
    """A commitment, gold or predicted, reduced to what is scored."""

    id: str
    source: str  # file name of the paper
    kind: str
    text: str
    actor: str = ""
    addressee: str = ""
    dates: frozenset[str] = frozenset()
    deadline: str = ""
    amounts: frozenset[str] = frozenset()
    status: str = ""
    answers: str = ""

    @property
    def words(self) -> frozenset[str]:
        return tokens(self.text)


def start_in(sequence: list[str], gold_words: list[str]) -> int:
    """Where the gold text starts inside a prediction's words: its first two words, else its first.

    >>> start_in(["members", "concerned", "staff", "however", "drop", "sessions"], ["drop", "sessions"])
    4
    >>> start_in(["a1", "b2"], ["zz"])
    2
    """
    for width in (2, 1):
        head = gold_words[:width]
        if len(head) == width:
            for k in range(len(sequence) - width + 1):
                if sequence[k:k + width] == head:
                    return k
    return len(sequence)


def match(preds: list[Record], golds: list[Record]) -> dict[str, str]:
    """One-to-one matching of predicted to gold commitments of the same source, best pairs first.

    Returns {predicted id: gold id}.  Among equal scores the gold text that starts
    earlier in the prediction wins (a prediction holding a question and its answer
    is the question), then the pair closer in length (Jaccard), then input order.
    """
    by_source: dict[str, list[tuple[int, Record]]] = defaultdict(list)
    for j, g in enumerate(golds):
        by_source[g.source].append((j, g))
    candidates = []
    for i, p in enumerate(preds):
        pw, sequence = p.words, words(p.text)
        for j, g in by_source.get(p.source, []):
            gw = g.words
            score = 1.0 if same_question_heading(p.text, g.text) else overlap(pw, gw)
            if score >= MATCH_THRESHOLD:
                jaccard = len(pw & gw) / len(pw | gw)
                starts_at = start_in(sequence, words(g.text))
                candidates.append((-round(score, 6), starts_at, -jaccard, i, j))
    pairs: dict[str, str] = {}
    used_gold: set[int] = set()
    for *_, i, j in sorted(candidates):
        if preds[i].id not in pairs and j not in used_gold:
            pairs[preds[i].id] = golds[j].id
            used_gold.add(j)
    return pairs
