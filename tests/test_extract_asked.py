"""Asks in minutes with no request cue of their own (issue #4, held-out set 4): items that finish a
lead-in's ask, subjunctive resolutions naming an officer, a reply in the question's paragraph with a
reporting verb, "Concern was expressed that …".  Each class: a tiny paper in our own wording, and the
held-out paper it was found in, read by ingest, segment and extract as the pipeline reads them."""

from __future__ import annotations

from pathlib import Path

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.models import Commitment
from minutemine.segment import segment_document

HELDOUT4 = Path(__file__).resolve().parent / "fixtures" / "heldout4"


def rows_of_file(path: Path) -> list[Commitment]:
    doc = ingest_file(path)
    return extract_commitments([(doc, segment_document(doc))])[0]


def rows_of(tmp_path: Path, name: str, text: str) -> list[Commitment]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return rows_of_file(path)


def row_with(rows: list[Commitment], words: str) -> Commitment:
    found = [row for row in rows if words in row.text]
    assert len(found) == 1, [(r.kind, r.text[:50]) for r in rows]
    return found[0]


MINUTES = """NORTHBRIDGE BOROUGH COUNCIL

HOUSING SCRUTINY PANEL

Minutes of the meeting held on Wednesday 4 June 2025 at the Town Hall

14. CALL-IN: DECISION HS/2025/03 - TEMPORARY ACCOMMODATION CHARGES

The Panel considered the call-in of the decision to raise charges for temporary accommodation.

A member asked how many households would pay more. The Head of Housing Options said that
about 310 households would be affected from July.

Concern was expressed that families placed outside the borough would face higher travel costs.

Members raised the following questions, which the Director of Housing agreed to answer in writing:
- whether the charges had been compared with those of neighbouring councils;
- how many households were in arrears on their charges.

RESOLVED - That the decision be referred back to the Portfolio Holder for Housing, and that the
Portfolio Holder be asked:
(a) to phase the increase over two years;
(b) to report to this Panel on arrears in six months.

15. VOID PROPERTIES

RESOLVED - That:
(a) the report be noted;
(b) officers circulate the void repairs timetable to members;
(c) the Head of Property Services provide the Panel with the cost of each void repair.
"""


def test_regression_call_in_lettered_points_under_be_asked_were_not_requests(tmp_path: Path) -> None:
    """'… and that the Cabinet Member be asked: (a) to consider …' was read as a list of resolutions with
    no cue, so no point was a row.  Each lettered item finishes the lead-in's ask: a request by the
    committee to the one asked; the lead-in itself is no row."""
    rows = rows_of(tmp_path, "northbridge-2025-06-04-housing-scrutiny-minutes.txt", MINUTES)
    for words in ("to phase the increase over two years", "to report to this Panel on arrears"):
        row = row_with(rows, words)
        assert (row.kind, row.addressee) == ("request", "Portfolio Holder")
    assert not [row for row in rows if "be referred back" in row.text]
    held = rows_of_file(HELDOUT4 / "kelsham-2024-10-22-overview-scrutiny-committee-minutes-call-in.txt")
    assert [(r.kind, r.addressee) for r in held if r.text.startswith("to ")] == [("request", "Cabinet Member")] * 4


def test_regression_questions_to_be_answered_in_writing_were_taken_as_assurances(tmp_path: Path) -> None:
    """Bullets under 'Members raised the following questions, which the Director … agreed to answer in
    writing:' inherited the lead-in's undertaking and became assurances; they are the members' questions."""
    rows = rows_of(tmp_path, "northbridge-2025-06-04-housing-scrutiny-minutes.txt", MINUTES)
    for words in ("whether the charges had been compared", "how many households were in arrears"):
        row = row_with(rows, words)
        assert (row.kind, row.addressee) == ("request", "Director Of Housing")
    assert not [row for row in rows if "agreed to answer in writing" in row.text]
    held = rows_of_file(HELDOUT4 / "ellerby-2024-03-05-health-scrutiny-committee-minutes.txt")
    assert row_with(held, "how many approved mental health professionals").kind == "request"


def test_regression_reply_said_that_after_a_question_in_one_paragraph_was_missed(tmp_path: Path) -> None:
    """'A member asked how many … The Head of Housing Options said that about 310 …': 'said that' is no cue
    and 'replied\\nthat' broken by a line end was not matched, so the reply was not a row."""
    rows = rows_of(tmp_path, "northbridge-2025-06-04-housing-scrutiny-minutes.txt", MINUTES)
    reply = row_with(rows, "said that about 310 households")
    assert (reply.kind, reply.actor) == ("assurance", "Head Of Housing Options")
    held = rows_of_file(HELDOUT4 / "kelsham-2024-10-22-overview-scrutiny-committee-minutes-call-in.txt")
    assert row_with(held, "replied that no posts would be lost").kind == "assurance"
    notes = rows_of_file(HELDOUT4 / "ovendale-2024-02-08-public-meeting-notes-market-square.txt")
    assert row_with(notes, "said that work was expected to begin").kind == "assurance"


def test_regression_concern_was_expressed_was_not_a_request(tmp_path: Path) -> None:
    """'Concern was expressed that …' raises a concern (GUIDE: a request), like 'concern was raised'."""
    rows = rows_of(tmp_path, "northbridge-2025-06-04-housing-scrutiny-minutes.txt", MINUTES)
    assert row_with(rows, "Concern was expressed that families").kind == "request"
    notes = rows_of_file(HELDOUT4 / "ovendale-2024-02-08-public-meeting-notes-market-square.txt")
    assert row_with(notes, "Concern was expressed that blue badge holders").kind == "request"


def test_regression_subjunctive_resolution_asking_an_officer_was_missed(tmp_path: Path) -> None:
    """'(b) officers circulate the … timetable', '(c) the Head of Property Services provide the Panel with …'
    have no cue word, so they were dropped as notes in a list of resolutions; they ask the officer named."""
    rows = rows_of(tmp_path, "northbridge-2025-06-04-housing-scrutiny-minutes.txt", MINUTES)
    assert (row_with(rows, "officers circulate").kind, row_with(rows, "officers circulate").addressee) == (
        "request", "Officers")
    provide = row_with(rows, "Head of Property Services provide")
    assert (provide.kind, provide.addressee) == ("request", "Head Of Property Services")
    assert row_with(rows, "the report be noted").kind == "decision"
    held = rows_of_file(HELDOUT4 / "ellerby-2024-03-05-health-scrutiny-committee-minutes.txt")
    assert row_with(held, "the Scrutiny Officer arrange a visit").kind == "request"


LETTER = """WESTMERE DISTRICT COUNCIL
Housing Directorate

2 July 2025

To: the Chair of the Housing Scrutiny Panel

Dear Chair

Thank you for the Panel's questions at its meeting on 4 June. I promised to answer them in writing.

On arrears, 41 households were behind with their charges at the end of June.

Yours sincerely

Director of Housing
"""


def test_regression_letter_answering_questions_put_at_a_meeting_was_not_read_as_a_reply(tmp_path: Path) -> None:
    """A letter opening 'Thank you for the Committee's questions at its meeting …' / 'I undertook to reply in
    writing' was not known as a reply letter (only 'Thank you for your letter' was), so its facts with no cue
    word were not answers ('The gaps in out-of-hours cover … are the subject of a review' was missed)."""
    rows = rows_of(tmp_path, "westmere-2025-07-02-letter-director-of-housing.txt", LETTER)
    fact = row_with(rows, "41 households were behind")
    assert (fact.kind, fact.actor) == ("assurance", "Director of Housing")
    held = rows_of_file(HELDOUT4 / "ellerby-2024-04-19-letter-director-adult-social-care-to-chair.txt")
    assert row_with(held, "The gaps in out-of-hours cover").kind == "assurance"
