"""Extract stage: labelled commitments from the sample papers, checked exactly, and known misses.

Examples are grouped by where they come from (the dev papers); each names the opening words
of the commitment as printed.  The papers are ingested and segmented by the real stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.models import Commitment, Document, Item
from minutemine.nlp import get_nlp
from minutemine.segment import segment_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CABINET = "plymouth-2017-09-25-council-cabinet-minute-36.txt"
OSC = "plymouth-2017-09-wellbeing-osc-minute-torbay-partnership.txt"
DECK = "plymouth-2017-12-13-due-diligence-assurance-update.txt"
TORBAY = "torbay-2018-01-10-schools-forum-partnership-update.txt"
WORCS = "worcestershire-2018-alternative-delivery-model-minute.txt"


@dataclass(frozen=True)
class Example:
    paper: str
    opening: str  # the commitment's first words as printed
    kind: str
    actor: str = ""
    addressee: str = ""
    dates: list[str] = field(default_factory=list)
    deadline: str = ""
    amounts: list[str] = field(default_factory=list)


DEV = [
    Example(CABINET, "Since this report was produced Torbay Council will now consider", "action", "Torbay Council",
            dates=["2017-09-27"], deadline="2017-09-27"),
    Example(CABINET, "Agrees 'in principle' to progress", "decision", "Cabinet"),
    Example(CABINET, "Delegates to the Chief Executive", "decision", "Cabinet", "Chief Executive"),
    Example(CABINET, "Requests the Wellbeing Overview and Scrutiny Committee", "request", "Cabinet",
            "Wellbeing Overview and Scrutiny Committee", ["2017-09", "2017-09-25"], "2017-09-25"),
    Example(CABINET, "Recommends that the Council endorses", "recommendation", "Cabinet", "Plymouth City Council",
            ["2017-09-25", "2017-09-13"]),
    Example(CABINET, "Receives a further report later in 2017", "decision", "Cabinet", dates=["2017"], deadline="2017"),
    Example(OSC, "whether this council had the capacity", "request", "Wellbeing Overview and Scrutiny Committee"),
    Example(OSC, "The committee advises council to consider", "request",
            "Wellbeing Overview and Scrutiny Committee", "Plymouth City Council", ["2017-09-25"], "2017-09-25"),
    Example(OSC, "that Torbay Council will provide access", "request",
            "Wellbeing Overview and Scrutiny Committee", "Plymouth City Council"),
    Example(DECK, "Provides reassurance that there will be no impact", "request"),
    Example(DECK, "Review in progress by Chief Exec", "assurance", "Chief Executive"),
    Example(DECK, "We bid for £1.518m", "assurance", "Plymouth City Council", amounts=["1518000", "100000"]),
    Example(DECK, "£1.418m to be paid in 2 tranches", "assurance", "Plymouth City Council",
            dates=["2017-12", "2018-02"], amounts=["1418000"]),
    Example(DECK, "Reassurance was provided by the DfE", "assurance", "Department for Education"),
    Example(DECK, "Torbay will be responsible for Torbay", "assurance", "Torbay Council"),
    Example(DECK, "Torbay S151 to present Budget/MTFS", "assurance", "Torbay Section 151 Officer"),  # regression
    Example(DECK, "Cabinet 16th Jan", "action", "Cabinet", dates=["2018-01-16"], deadline="2018-01-16"),
    Example(DECK, "Full Council 29th Jan", "action", "Plymouth City Council", dates=["2018-01-29"],
            deadline="2018-01-29"),
    Example(TORBAY, "Following a period of assurance work a further report is scheduled", "action",
            dates=["2018-01-29"], deadline="2018-01-29"),
    Example(WORCS, "The Panel requested the opportunity", "request", "Scrutiny Panel"),
]

# Background prose: a careful reader would not mark these as commitments.
NOT_COMMITMENTS = [
    (TORBAY, "In January 2016, Ofsted judged"),
    (TORBAY, "In May 2016, the Department for Education"),
    (DECK, "Phase 1 Initial discussion"),
    (WORCS, "possible partners being considered"),
]

KNOWN_MISSES = [
    pytest.param(Example(CABINET, "This report seeks an 'in principle' decision", "action", "Plymouth City Council"),
                 id="passive 'would be undertaken' with no cue of its own"),
    pytest.param(Example(OSC, "That council should consider this a contract", "recommendation",
                         "Wellbeing Overview and Scrutiny Committee", "Plymouth City Council"),
                 id="advice item read as a request"),
    pytest.param(Example(WORCS, "The decision was scheduled to be made by Cabinet", "action", "Cabinet",
                         dates=["2018-03-29", "2018-03-31", "2018-04-01", "2019-04"], deadline="2018-03-29"),
                 id="passive agent after the cue"),
]


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple[Document, list[Item], list[Commitment]]]:
    out = {}
    pairs = []
    for name in (CABINET, OSC, DECK, TORBAY, WORCS):
        doc = ingest_file(CORPUS / name)
        pairs.append((doc, segment_document(doc)))
    for (doc, items), commitments in zip(pairs, extract_commitments(pairs)):
        out[Path(doc.source_path).name] = (doc, items, commitments)
    return out


def find(extracted, paper: str, opening: str) -> Commitment | None:
    hits = [c for c in extracted[paper][2] if " ".join(c.text.split()).startswith(opening)]
    return hits[0] if hits else None


def check(extracted, example: Example) -> None:
    row = find(extracted, example.paper, example.opening)
    assert row is not None, f"no commitment opens with {example.opening!r}"
    got = (row.kind, row.actor, row.addressee, row.dates, row.deadline, row.amounts_gbp)
    assert got == (example.kind, example.actor, example.addressee, example.dates, example.deadline, example.amounts)


@pytest.mark.parametrize("example", DEV, ids=lambda e: e.opening[:40])
def test_dev_examples(extracted, example: Example) -> None:
    check(extracted, example)


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("example", KNOWN_MISSES)
def test_known_misses(extracted, example: Example) -> None:
    check(extracted, example)


@pytest.mark.parametrize(("paper", "opening"), NOT_COMMITMENTS)
def test_background_is_not_a_commitment(extracted, paper: str, opening: str) -> None:
    assert find(extracted, paper, opening) is None


def test_ids_are_the_item_id_and_a_counter(extracted) -> None:
    for _doc, items, commitments in extracted.values():
        item_ids = {i.item_id for i in items}
        assert len({c.commitment_id for c in commitments}) == len(commitments)
        for c in commitments:
            item_id, _, n = c.commitment_id.rpartition("/c")
            assert item_id == c.item_id in item_ids and int(n) >= 1


def test_offsets_show_the_commitment_in_its_source(extracted) -> None:
    for doc, _items, commitments in extracted.values():
        for c in commitments:
            assert " ".join(doc.text[c.char_start:c.char_end].split()) == c.text


def test_same_input_gives_the_same_rows(extracted) -> None:
    doc, items, commitments = extracted[DECK]
    assert extract_commitments([(doc, items)])[0] == commitments


def test_one_list_per_pair_and_empty_input() -> None:
    assert extract_commitments([]) == []
    empty = Document(doc_id="d0", source_path="x.txt", sha256="0", format="txt")
    assert extract_commitments([(empty, [])]) == [[]]


def test_the_pipeline_is_built_once_per_process() -> None:
    assert get_nlp() is get_nlp()
    assert "sentencizer" in get_nlp().pipe_names


def test_a_missing_trained_model_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not installed"):
        get_nlp("no_such_spacy_pipeline_xyz")


def test_regression_slide_title_printed_after_its_items_is_not_a_copy_of_the_first_item(extracted) -> None:
    # the deck's "Communication" title sits after its items in the text: it once yielded
    # a second row "1. Provides clarity about the communications approach…"
    rows = [c for c in extracted[DECK][2] if "communications approach" in c.text]
    assert [c.kind for c in rows] == ["request"]


def test_regression_vote_lines_are_not_decisions() -> None:
    text = "On being put to the vote the recommendation was CARRIED unanimously."
    doc = Document(doc_id="v", source_path="minutes.txt", sha256="0", format="txt", text=text)
    item = Item(item_id="v/1", doc_id="v", kind="paragraph", label_path="1", text=text, char_start=0,
                char_end=len(text))
    assert extract_commitments([(doc, [item])]) == [[]]


def minutes_of(*paragraphs: str) -> tuple[Document, list[Item]]:
    """A tiny Bristol-style minutes paper: one agenda item and its paragraphs, as segment gives them."""
    text = "6 Public Forum\n" + "\n".join(paragraphs) + "\n"
    doc = Document(doc_id="m", source_path="x-minutes.txt", sha256="0", format="txt", text=text,
                   meeting_date="2026-03-19", title="Transport and Connectivity Policy Committee minutes")
    items = [Item(item_id="m/6", doc_id="m", kind="agenda_item", label="6", label_path="6", text="Public Forum",
                  char_start=0, char_end=len(text))]
    for n, para in enumerate(paragraphs, 1):
        start = text.index(para)
        items.append(Item(item_id=f"m/6#{n}", doc_id="m", parent_id="m/6", kind="paragraph", label_path=f"6#{n}",
                          text=para, char_start=start, char_end=start + len(para)))
    return doc, items


def test_regression_public_question_heading_is_a_request_and_its_reply_answers_the_asker() -> None:
    doc, items = minutes_of(
        "Q15, 16 & 17 – Zoe Mack",
        "Officers confirmed that teams had visited the area. The cost information was not available at the "
        "meeting. (ACTION: EP)",
        "Q34 – Dan Ackroyd",
        "The dataset primarily illustrates vehicle movements originating from Park Street.")
    rows = extract_commitments([(doc, items)])[0]
    got = [(c.kind, c.text, c.actor, c.addressee) for c in rows]
    assert got == [
        ("request", "Q15, 16 & 17 – Zoe Mack", "Zoe Mack", ""),
        ("assurance", "Officers confirmed that teams had visited the area.", "Officers", "Zoe Mack"),
        ("assurance", "The cost information was not available at the meeting.", "Officers", "Zoe Mack"),
        ("request", "Q34 – Dan Ackroyd", "Dan Ackroyd", ""),
        ("assurance", "The dataset primarily illustrates vehicle movements originating from Park Street.",
         "Officers", "Dan Ackroyd")]


def test_regression_a_financial_year_a_decision_is_for_is_not_its_deadline() -> None:
    doc, items = minutes_of("Noted the meeting dates of the Committee for 2025/2026.",
                            "Approved the approach to future delivery and 2030 installation target.")
    rows = extract_commitments([(doc, items)])[0]
    assert [(c.kind, c.dates, c.deadline) for c in rows] == [
        ("decision", ["2025-04-01/2026-03-31"], ""), ("decision", ["2030"], "2030")]


def test_regression_a_report_recommends_the_resolutions_it_words() -> None:
    text = "Authorises the Executive Director Growth and Regeneration to invoke any extension.\n"
    doc = Document(doc_id="r", source_path="wpl-committee-report.txt", sha256="0", format="txt", text=text,
                   meeting_date="2024-09-12", body="Bristol City Council")
    item = Item(item_id="r/4", doc_id="r", kind="paragraph", label="4", label_path="4", text=text.strip(),
                char_start=0, char_end=len(text) - 1)
    rows = extract_commitments([(doc, [item])])[0]
    assert [(c.kind, c.actor, c.addressee) for c in rows] == [("recommendation", "", "Bristol City Council")]


def test_regression_members_noted_that_is_a_remark_and_members_emphasised_a_concern() -> None:
    doc, items = minutes_of(
        "Members noted that the ambitious targets set out in the report will require difficult decisions.",
        "Members emphasised the importance of timely intervention and effective maintenance.",
        "Noted that the CRSTS schemes follow the Bristol transport policy.")
    rows = extract_commitments([(doc, items)])[0]
    assert [(c.kind, c.text[:24]) for c in rows] == [("request", "Members emphasised the i"),
                                                     ("decision", "Noted that the CRSTS sch")]


def test_regression_names_listed_under_a_lead_in_are_not_requests(extracted) -> None:
    """'To provide assurance to: - Wellbeing and Overview Scrutiny Committee - Cabinet' lists
    bodies; each name was read as a request 'provide assurance'."""
    texts = {" ".join(c.text.split()) for c in extracted[DECK][2]}
    for name in ("Wellbeing and Overview Scrutiny Committee", "Cross-party Torbay Children's Services Working Group",
                 "Roles & Responsibilities"):
        assert name not in texts
