"""Small judgements about the wording of requests and answers, used by the link stage.

Each is a pure function of text (and names) so it can be read, doctested and
changed on its own; the word lists behind them are in patterns/linking.jsonl, and the
token patterns that tell an undertaking or a withheld part from a fact in patterns/status.jsonl;
an ask for action granted by a promise to do it is judged in asked_actions.py.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz

from .models import Commitment
from .similarity import content_words, linking_vocabulary, normalise_for_matching, topic_stems


def defers(text: str) -> bool:
    """Whether an answer only promises an answer ("Review in progress", "plan in development").

    >>> defers("Review in progress by Chief Exec, Strategic Director for People and Leader")
    True
    >>> defers("No intention to move from agreed MTFS/Budget. Staff changes at SMT level only")
    False
    >>> [defers(t) for t in ("ACTION: Officers to provide cost information to the participant in writing.",
    ...                      "Officers advised that this information would be shared.",
    ...                      "This was suggested as a topic for above Task & Finish Group.",
    ...                      "Officers confirmed that teams had visited the area to carry out the assessments.",
    ...                      "(ACTION: PCO to arrange Members' briefing sessions.)",
    ...                      "The letter has been drafted and is awaiting the Chair's signature.")]
    [True, True, True, False, True, True]

    A step fixed in time, told after a fact in the same sentence, is part of the fact, not
    an answer still to come; alone, or after no fact, it still defers:

    >>> [defers(t) for t in ("£420,000 has been included in the draft budget, which Council will consider in February.",
    ...                      "Three social workers are in training and are due to qualify in September 2024.",
    ...                      "The other three need new cabling, which the contractor is due to finish by 31 March 2025.",
    ...                      "Council will decide this at its budget meeting on 26 February 2025.",
    ...                      "The review is due to finish in June. Officers will report back in July.")]
    [False, False, True, True, True]
    """
    return any(not _scheduled_beside_a_fact(text, found) for found in vocabulary_pattern("deferral").finditer(text))


_SENTENCE_END = re.compile(r"[.!?;]\s")


def _scheduled_beside_a_fact(text: str, deferral: re.Match) -> bool:
    """Whether a deferral is a scheduled step ("which Council will consider in February") after a fact."""
    opening = max((end.end() for end in _SENTENCE_END.finditer(text, 0, deferral.start())), default=0)
    for step in vocabulary_pattern("scheduled_step").finditer(text, opening):
        if step.start() <= deferral.start() and step.end() >= deferral.end():
            return bool(vocabulary_pattern("states_a_fact").search(text, opening, step.start()))
    return False


_DONE = re.compile(r"^\W*(?:it was |the (?:\w+ ){1,6})?(?:\w+ed|agreed|noted|resolved|approved|made|held|"
                   r"gave|took|set up|began|undertook)\b", re.IGNORECASE)


def reads_as_done(text: str) -> bool:
    """Whether a text reports something done rather than proposing it.

    >>> reads_as_done("Approved, subject to suitable resource being available")
    True
    >>> reads_as_done("Approve, subject to suitable resource being available")
    False
    >>> reads_as_done("The Transport and Connectivity Committee noted the report.")
    True
    >>> reads_as_done("The committee advises council to consider")
    False
    >>> reads_as_done("The Committee for Transport and Connectivity noted the update report.")
    True
    """
    return bool(_DONE.match(text))


def refers_to_own_paper(text: str) -> bool:
    """Whether an ask is about the paper it is printed in ("notes this update report").

    >>> refers_to_own_paper("That the Committee for Transport and Connectivity notes this update report")
    True
    >>> refers_to_own_paper("It was suggested that the next update report should include the impact on IT")
    False
    >>> refers_to_own_paper("We recommend that the Executive publish, within six months of this report, a register")
    False
    """
    return bool(vocabulary_pattern("own_paper").search(text))


def only_notes(text: str) -> bool:
    """Whether a decision does no more than take note of a paper: nothing in it can be answered.

    >>> only_notes("That the Transport and Connectivity Committee noted the report.")
    True
    >>> only_notes("It was AGREED that the Policy Committee note the petition and refer it to officers")
    False
    >>> only_notes("The Committee is asked to note the progress made on the recommendations.")
    True
    >>> only_notes("The Committee is asked to note the report and to approve the revised budget.")
    False
    """
    return bool(vocabulary_pattern("only_notes").search(text))


def confirms_what_was_asked(answer: str, request: str) -> bool:
    """Whether an answer opens by giving the assurance or confirmation that a request asks for.

    >>> confirms_what_was_asked("I can confirm that the mobile library will continue to serve all 14 rural stops",
    ...                         "Members asked for an assurance that the mobile library will continue to visit")
    True
    >>> confirms_what_was_asked("The ICB confirms that no decision on the permanent future has been taken",
    ...                         "That the Committee seeks an assurance from the ICB that no permanent decision")
    True
    >>> confirms_what_was_asked("I can confirm that the mobile library will continue",
    ...                         "The Panel requests a copy of the equality impact assessment")
    False
    >>> confirms_what_was_asked("The hours cut are those in which fewer than eight visitors were recorded",
    ...                         "Members asked for an assurance that the mobile library will continue")
    False
    """
    return _says("gives_assurance", answer) and _says("asks_assurance", request)


def asks_for_assurance(request: str) -> bool:
    """Whether a request asks for an assurance or a confirmation, which a promise about the future gives.

    >>> asks_for_assurance("Members asked for an assurance that the mobile library will continue to visit")
    True
    >>> asks_for_assurance("Residents raised concerns about speeding on Mill Lane")
    False
    """
    return _says("asks_assurance", request)


@lru_cache(maxsize=100_000)
def _says(pattern: str, text: str) -> bool:
    # Cached: each text is judged against many candidates.
    return bool(vocabulary_pattern(pattern).search(text))


@cache
def vocabulary_pattern(name: str) -> re.Pattern:
    """The compiled pattern of list `name` in patterns/linking.jsonl."""
    return re.compile(linking_vocabulary()[name]["pattern"], re.IGNORECASE)


_TITLES = {"councillor", "cllr", "mr", "mrs", "ms", "miss", "dr", "prof", "rev", "revd", "sir", "dame"}


def is_person_name(name: str) -> bool:
    """Whether an actor is a named person ("Councillor Mark Weston", "Alison Bramall"), not a body or an office.

    >>> [is_person_name(n) for n in ("Alison Bramall", "Councillor Mark Weston", "Transport and Connectivity Policy "
    ...                              "Committee", "Head of City Transport", "Officers", "")]
    [True, True, False, False, False, False]
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in _TITLES]
    body_words = frozenset(linking_vocabulary()["body_words"]["words"])
    return 2 <= len(words) <= 4 and all(w[0].isupper() and w.lower() not in body_words for w in words)


def same_body(x: str, y: str) -> bool:
    """Whether two actor names are the same body ("The committee" is the committee named in full).

    >>> same_body("The committee", "Wellbeing Overview and Scrutiny Committee")
    True
    >>> same_body("Cabinet", "Wellbeing Overview and Scrutiny Committee")
    False
    """
    return bool(x and y) and _same_body_name(x, y)


@lru_cache(maxsize=100_000)
def _same_body_name(x: str, y: str) -> bool:
    x, y = (" ".join(w for w in v.lower().split() if w != "the") for v in (x, y))
    return bool(x and y) and fuzz.token_set_ratio(x, y) >= 85


def is_just_a_name(text: str, q: Commitment) -> bool:
    """Whether `text` is no more than the name of the body that asked or was asked in `q`."""
    return _is_name_of(text, q.addressee, q.actor)


@lru_cache(maxsize=100_000)
def _is_name_of(text: str, *names: str) -> bool:
    # Cached: a large corpus asks the same question of the same texts many times over.
    return any(name and fuzz.token_sort_ratio(text.lower(), name.lower()) >= 85 for name in names)


def names_only(c: Commitment) -> bool:
    """Whether an ask says nothing in words beyond who asks or is asked ("Q26, 27, 28 – Melissa Topping").

    A public-forum heading names a questioner, not a question: two such headings at
    different meetings share the name, not what was asked, so neither restates the other.

    >>> names_only(Commitment(commitment_id="x", doc_id="d", item_id="i", kind="request",
    ...                       text="Q26, 27, 28 – Melissa Topping", actor="Melissa Topping"))
    True
    >>> names_only(Commitment(commitment_id="x", doc_id="d", item_id="i", kind="request",
    ...                       text="Matt Saunders - Bus Gates", actor="Transport and Connectivity Policy Committee"))
    False
    """
    text = normalise_for_matching(c.text)
    for name in (c.actor, c.addressee, *c.people, *c.organisations):
        name = normalise_for_matching(name)
        if name:
            text = text.replace(name, " ")
    return len(content_words(text)) < 2


# --- What an answer gives: a fact, only an undertaking, or part withheld (patterns/status.jsonl) ---

# Every pattern of patterns/status.jsonl that can make an answer less than a full one (an
# undertaking, an acceptance, a part withheld or accepted) holds one of these words.
_MAY_UNDERTAKE_OR_DECLINE = re.compile(r"\b(?:will|would|shall|being|not|cannot|unable|accepted|agreed|supported|"
                                       r"approved|partially|partly|part)\b|n['’]t\b", re.IGNORECASE)
_MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "should", "must", "to"})


@cache
def _status_matcher():
    # Built once per process: token patterns over a blank English tokenizer, no model.
    import spacy
    from spacy.matcher import Matcher

    from .nlp import read_patterns

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    for record in read_patterns("status"):
        matcher.add(record["label"], [record["pattern"]])
    return nlp, matcher


def _quick_sentence_cues(text: str) -> tuple[frozenset[str], ...]:
    """`_sentence_cues`, or one sentence with no cues when no undertaking or withholding can match.

    Most answers hold none of the words every such pattern needs, and spaCy need not be
    run on them (the link stage sees tens of thousands).
    """
    return _sentence_cues(text) if _MAY_UNDERTAKE_OR_DECLINE.search(text) else (frozenset(),)


@lru_cache(maxsize=100_000)
def _sentence_cues(text: str) -> tuple[frozenset[str], ...]:
    """Per sentence of `text`, the labels of patterns/status.jsonl it holds, in order.

    `future_action` counts only with a `future_time` after it in the same sentence: an
    undertaking has a when ("will be carried out in April"); "will be at no cost" has none.
    A `fact` right after a modal ("will have been") is part of the future, not a fact.
    """
    nlp, matcher = _status_matcher()
    doc = nlp(text.replace("’", "'"))  # the patterns spell "n't" with a plain apostrophe
    found: list[set[str]] = [set() for _ in doc.sents]
    sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    actions: dict[int, int] = {}
    for match_id, start, end in matcher(doc):
        label, n = nlp.vocab.strings[match_id], sentence_of[start]
        if label == "future_action":
            actions.setdefault(n, start)
        elif label == "future_time":
            if n in actions and actions[n] < start:
                found[n].add("undertaking")
        elif label == "fact" and start > 0 and doc[start - 1].lower_ in _MODALS:
            continue
        elif label == "acceptance":
            # "Accepted" as the whole sentence: what was asked will be done, not yet done.
            sentence = [t.i for t in doc[start].sent if not t.is_punct]
            if sentence and sentence[0] == start and sentence[-1] < end:
                found[n].add("undertaking")
        else:
            found[n].add(label)
    for n, start in actions.items():
        # Work in progress ("the results are being analysed") needs no when.
        if doc[start].lower_ in ("is", "are"):
            found[n].add("undertaking")
    for n, sentence in enumerate(doc.sents):
        # A conditional ("If it shows that a crossing is justified, a scheme will be put forward")
        # promises what it will do once the condition is met: its "is" states no fact, and its
        # promise needs no when of its own.
        words = [t.lower_ for t in sentence if not t.is_punct]
        if words and words[0] in _CONDITIONAL_OPENINGS:
            found[n].discard("fact")
            if n in actions:
                found[n].add("undertaking")
    return tuple(frozenset(f) for f in found)


_CONDITIONAL_OPENINGS = frozenset({"if", "unless"})


def only_undertakes(text: str) -> bool:
    """Whether every sentence of an answer undertakes to do something later and none says what is or was.

    >>> only_undertakes("A speed survey will be carried out in April 2025 and the results reported to the next meeting.")
    True
    >>> only_undertakes("The Cabinet Member said that a leaflet would be delivered to every household in October.")
    True
    >>> only_undertakes("The grant was approved in December 2024 and will be paid in May 2025.")
    False
    >>> only_undertakes("Sufficient funding will be made available from the DfE and/or other sources")
    False
    >>> only_undertakes("I can confirm that the mobile library will continue to serve all 14 rural stops throughout 2025/26.")
    False
    >>> only_undertakes("The full equality impact assessment is enclosed. It will be updated and published in March 2025.")
    False
    >>> [only_undertakes(t) for t in ("Agreed.", "Accepted in principle", "Agreed. The form opened in January.")]
    [True, True, False]
    >>> only_undertakes("A survey will be carried out in October 2024. If it shows that a crossing is justified, "
    ...                 "a scheme will be put forward for the 2025/26 programme.")
    True
    >>> only_undertakes("If the weather is fine, the fair was held on the green.")
    False
    """
    sentences = _quick_sentence_cues(text)
    return bool(sentences) and all("undertaking" in s and "fact" not in s for s in sentences)


def declines_part(texts: list[str]) -> bool:
    """Whether answers hold back part of what was asked ("… will not be published") while giving the rest.

    The rest given is information: a figure, or where it is set out.  A refusal with no
    information beside it, however many sentences of reasons it has, refuses the whole ask.

    >>> declines_part(["Spending by district is set out in Annex 1. A breakdown by school will not be published."])
    True
    >>> declines_part(["Spending by district was £9.8m.", "A breakdown by school cannot be provided."])
    True
    >>> declines_part(["A breakdown by school will not be published.", "Pupils using a route could be identified."])
    False
    >>> declines_part(["Sunday opening ended in April 2024, and there are no plans to bring it back."])
    False
    >>> declines_part(["Partially accepted", "A plain English version was published in January 2025."])
    True
    """
    quick = [s for text in texts for s in _quick_sentence_cues(text)]
    if any("in_part" in s for s in quick):  # "Partially accepted"
        return True
    if not any("declines" in s for s in quick):
        return False
    sentences = [s for text in texts for s in _sentence_cues(text)]
    return any("gives_information" in s and "declines" not in s for s in sentences)


# --- An ask of two coordinated parts ("how many …, and how many of them were upheld") ---

# The second part of an ask opens with "and" and a question word; its subject words must reach the answer.
_SECOND_PART = re.compile(r",?\s+and\s+(?:how\s+many|how\s+much|how|whether|what|which|why|when|where|who)\b(.*)$",
                          re.IGNORECASE | re.DOTALL)
# Words that frame a part rather than say what it is about: "what was it a year ago" asks for the same
# figure at another time, which any answer with two dates gives.
_FRAMING = frozenset({"year", "years", "ago", "last", "previous", "month", "months", "time", "them", "many", "much",
                      "number", "figure", "figures", "compare", "compared", "comparison", "each", "now", "currently"})


def second_part_unanswered(request: str, answers: list[str]) -> bool:
    """Whether an ask of two coordinated parts gets answers that never touch its second part.

    The second part ("…, and how many of them were upheld") asks something of its own; answers
    that share none of its subject words (stemmed) give only the first part.

    >>> second_part_unanswered("the number of complaints received in 2023, and how many of them were upheld",
    ...                        ["In 2023 the Council received 147 complaints."])
    True
    >>> second_part_unanswered("the number of complaints received in 2023, and how many of them were upheld",
    ...                        ["147 complaints were received, of which 40 were upheld."])
    False
    >>> second_part_unanswered("How much was spent on agency staff, and how does this compare with the budget?",
    ...                        ["Spending was £4.6m. The budget was £2.5m."])
    False
    >>> second_part_unanswered("What is the average time to re-let a home, and what was it a year ago",
    ...                        ["41 days in August 2024, against 57 days in August 2023."])
    False
    >>> second_part_unanswered("Residents asked when the works would start", ["Work will begin in January."])
    False
    """
    part = _SECOND_PART.search(request)
    if not part:
        return False
    wanted = {s for s in topic_stems(part.group(1)) if s not in _framing_stems()}
    if not wanted:
        return False
    given = frozenset().union(*(topic_stems(a) for a in answers)) if answers else frozenset()
    return not (wanted & given)


@cache
def _framing_stems() -> frozenset[str]:
    return frozenset().union(*(topic_stems(w) for w in _FRAMING)) | _FRAMING
