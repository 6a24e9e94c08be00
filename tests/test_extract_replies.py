"""Requests and answers that linking needs (issue #4): wordings and layouts no cue knew, so the
request or its answer was never a row, or a row of the wrong kind.  Each case is a tiny paper
in a real council layout, read by ingest, segment and extract as the pipeline reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutemine.extract import extract_commitments
from minutemine.extract_paper import paper_of
from minutemine.ingest import ingest_file
from minutemine.models import Commitment, Document
from minutemine.segment import segment_document


def rows_of(tmp_path: Path, name: str, text: str) -> list[Commitment]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = ingest_file(path)
    return extract_commitments([(doc, segment_document(doc))])[0]


def kinds(rows: list[Commitment]) -> list[tuple[str, str]]:
    return [(c.kind, c.text[:40]) for c in rows]


REPORT_WITH_ANSWERS = """ASHCOMBE BOROUGH COUNCIL

CABINET – 9 APRIL 2025

RESPONSE TO THE HOUSING PANEL

1. SUMMARY

1.1 This report answers the Housing Panel.

2. INFORMATION REQUESTED BY THE PANEL

2.1 Void rents. The Council lost £12,400 in rent on empty homes in 2024/25.

2.2 Waiting list. There were 2,310 households on the register at 31 March 2025.

3. FINANCIAL IMPLICATIONS

3.1 There are no financial implications.
"""


def test_regression_facts_under_an_information_requested_heading_are_answers(tmp_path: Path) -> None:
    """Harbridge held-out paper: '3. INFORMATION REQUESTED BY THE GROUP / 3.1 … 41 were waiting for the
    tenant to give access …' states facts with no cue word, so it was not a commitment and the Group's
    request for a breakdown stayed outstanding.  Every sentence under an answer heading is an
    assurance (GUIDE: each sentence of a recorded reply); the titles and the next section are not."""
    rows = rows_of(tmp_path, "ashcombe-2025-04-09-cabinet-response.txt", REPORT_WITH_ANSWERS)
    assert kinds(rows) == [("assurance", "The Council lost £12,400 in rent on empt"),
                           ("assurance", "There were 2,310 households on the regis")]
    assert rows[0].amounts_gbp == ['12400']


REPLY_LETTER = """ASHCOMBE BOROUGH COUNCIL

Cabinet Member for Leisure

To: Chair, Leisure Scrutiny Panel
Date: 3 March 2025

Dear Chair,

Swimming Pools Review

Thank you for your letter of 20 January 2025. I respond to the points you raised below.

You asked how the new prices were set. The prices were compared with those of the six
neighbouring councils.

I can confirm that the learner pool at Eastgate will stay open until 2027.

The consultation report is enclosed with this letter.

I hope this is helpful.

Yours sincerely,

Cabinet Member for Leisure
"""


def test_regression_a_reply_letter_answers_sentence_by_sentence(tmp_path: Path) -> None:
    """Calderbrook held-out reply: 'The full equality impact assessment is enclosed with this letter.'
    and 'All nine branches will keep their Saturday morning opening' have no cue, so the Panel's
    requests stayed outstanding.  In a letter that says it replies, each sentence between 'Dear …'
    and 'Yours sincerely' is an assurance by its signatory, courtesies are not rows, and a restated
    question stays a request, asked by the one the letter goes to."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-03-cabinet-member-reply.txt", REPLY_LETTER)
    assert kinds(rows) == [("request", "You asked how the new prices were set."),
                           ("assurance", "The prices were compared with those of t"),
                           ("assurance", "I can confirm that the learner pool at E"),
                           ("assurance", "The consultation report is enclosed with")]
    assert {c.actor for c in rows if c.kind == "assurance"} == {"Cabinet Member for Leisure"}
    assert rows[0].actor == "Chair, Leisure Scrutiny Panel"


SCRUTINY_LETTER = """ASHCOMBE BOROUGH COUNCIL

Leisure Scrutiny Panel

To: Cabinet Member for Leisure
Date: 20 January 2025

Dear Cabinet Member,

Swimming Pools Review

Thank you for attending the Panel's meeting on 14 January 2025.

The Panel would like to know how the new prices were set.

Members were clear that families use the pools most on Sundays. We recommend that you consider
keeping Sunday opening at all pools.

Could you please confirm the opening date of the Eastgate pool?

We would also be grateful for an update on the gym at Westgate.

We would be grateful for your response to this letter by 28 February 2025.

Yours sincerely,

Chair, Leisure Scrutiny Panel
"""


def test_regression_a_scrutiny_letter_asks_in_polite_wordings(tmp_path: Path) -> None:
    """Calderbrook held-out letter: 'The Panel would like to know how…' and 'We would also be grateful
    for an update on…' were not rows, and 'We recommend that you consider keeping…' was a
    recommendation (GUIDE: 'advises … to consider' is a request).  Asking for a reply to the letter
    itself asks nothing a later paper answers."""
    rows = rows_of(tmp_path, "ashcombe-2025-01-20-scrutiny-letter.txt", SCRUTINY_LETTER)
    assert kinds(rows) == [("request", "The Panel would like to know how the new"),
                           ("request", "We recommend that you consider keeping S"),
                           ("request", "Could you please confirm the opening dat"),
                           ("request", "We would also be grateful for an update ")]
    assert rows[1].modality == "advises to consider"


MINUTES_RESOLUTIONS = """ASHCOMBE BOROUGH COUNCIL

HEALTH SCRUTINY COMMITTEE

Minutes of the meeting held on 5 February 2025

Minute 12 – Eastgate Clinic

Resolved:

(1) That the report be noted.

(2) That the Committee seeks an assurance from the Trust that the clinic will not close
without a public consultation.

(3) That a report on the number of patients who have moved to other clinics be brought to the
Committee in six months.
"""


def test_regression_resolutions_that_seek_an_assurance_or_ask_for_a_report_are_requests(tmp_path: Path) -> None:
    """Wexcombe held-out minutes: 'That the Committee seeks an assurance from the ICB that …' was read
    as an assurance ('seeks an assurance' was no cue, 'will' made it an undertaking), and 'That a
    report on the number of people who … be brought to the Committee in six months' was dropped as a
    resolution without a cue; both are the committee's requests."""
    rows = rows_of(tmp_path, "ashcombe-2025-02-05-health-scrutiny-minutes.txt", MINUTES_RESOLUTIONS)
    assert [(c.kind, c.modality, c.text[:30]) for c in rows] == [
        ("decision", "notes", "That the report be noted."),
        ("request", "seeks assurance", "That the Committee seeks an as"),
        ("request", "requests report", "That a report on the number of")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The Trust confirms that no decision will be taken without a full public consultation.", "assurance"),
    ("I am pleased to confirm that the grant has been paid.", "assurance"),
    ("We would welcome an update on the bus review.", "request"),
    ("Please provide the number of complaints received in 2024.", "request"),
    ("We ask that the audit report is shared with the Panel.", "request"),
    ("The Panel sought an assurance that the service would continue.", "request"),
])
def test_regression_cue_wordings_of_requests_and_answers(tmp_path: Path, sentence: str, kind: str) -> None:
    """Wording families councils use that no cue knew (issue #4)."""
    rows = rows_of(tmp_path, "ashcombe-2025-05-01-panel-report.txt", f"ASHCOMBE BOROUGH COUNCIL\n\n1. ISSUES\n\n1.1 {sentence}\n")
    assert kinds(rows) == [(kind, sentence[:40])]


def test_regression_statement_titles_listed_as_received_are_not_requests(tmp_path: Path) -> None:
    """Bristol minutes 2025-05-15: the statement titled 'Please provide a viable alternative to car
    travel' in the table of statements received became a request once 'please provide' was a cue;
    statements are not annotated (GUIDE)."""
    text = ("Minutes of the Transport and Connectivity Policy Committee\n\n6. Public Forum\n\n"
            "3 statements were received and noted as follows:\n\n"
            "Ref No | Name | Title\n01 | Ann Lee | Objections to the changes\n"
            "02 | Bob Ray | Please provide a viable alternative to car travel\n")
    assert rows_of(tmp_path, "x-minutes.txt", text) == []


def test_regression_committee_name_does_not_run_across_a_line_break() -> None:
    """'Ashcombe City Council' printed above 'Committee Report' made the paper's committee (the
    addressee of its recommendations) 'Ashcombe City Council Committee'."""
    text = ("Ashcombe City Council\nCommittee Report\n\nReport to the Leisure Scrutiny Panel\n\n"
            "Recommendations\n1. That the Leisure Scrutiny Panel notes the report.\n")
    doc = Document(doc_id="d", source_path="ashcombe-report.txt", sha256="0", format="txt", text=text)
    assert paper_of(doc).committee == "Leisure Scrutiny Panel"


MINUTES_CUT_LIST = """Minutes of the Transport and Connectivity Policy Committee

8. 20 mph Review

Following Members clarification on elements of the report, officers confirmed the following points:
• A comprehensive consultation process is planned, with ongoing engagement with Councillors.
Officers will work with the Chair to ensure all issues are fully captured.
• The proposals relate to approximately 59 miles of road.
• Members asked to receive the results of the public consultation.
Following the discussion;
• The meeting closed at 8 pm.
"""


def test_regression_answer_bullets_cut_off_from_their_lead_in_are_still_answers(tmp_path: Path) -> None:
    """Bristol minutes 2026-03-19, item 8: a line between the bullets of 'officers confirmed the following
    points:' left the bullets after it without their lead-in, so 'The proposals relate to approximately 59
    miles of road…' (gold m26-8-miles) and four more answers were not rows.  A sibling bullet of the cut
    list is still an answer, up to a line that closes the list ('Following the discussion;'); a bullet
    where members ask is read by its own cue."""
    rows = rows_of(tmp_path, "x-minutes.txt", MINUTES_CUT_LIST)
    assert kinds(rows) == [("assurance", "A comprehensive consultation process is "),
                           ("assurance", "Officers will work with the Chair to ens"),
                           ("assurance", "The proposals relate to approximately 59"),
                           ("request", "Members asked to receive the results of ")]


def test_regression_a_point_of_discussion_saying_what_is_being_done_is_an_answer(tmp_path: Path) -> None:
    """Bristol minutes 2026-03-19, item 7: in 'Members raised the following points:', 'Ongoing engagement is
    taking place with the stakeholders…' (gold m26-7-eng) had no cue; progress reported in reply is an
    assurance, a remark is not."""
    text = ("Minutes of the Transport and Connectivity Policy Committee\n\n7. Road Safety\n\n"
            "During discussion, Members raised the following points:\n"
            "• Ongoing engagement is taking place with the stakeholders listed in the report.\n"
            "• The targets set out in the report are ambitious.\n")
    assert kinds(rows_of(tmp_path, "x-minutes.txt", text)) == [("assurance", "Ongoing engagement is taking place with ")]


RESPONSE_TABLE = """ASHCOMBE BOROUGH COUNCIL

CABINET – 1 JUNE 2025

2. RESPONSES

No | Recommendation | Cabinet response | Lead officer
1 | That the Council publishes a parking strategy by March 2026. | Accepted. A draft strategy was approved for consultation in May 2025. | Head of Transport
2 | That residents' permits are capped at £60 a year. | Not accepted. The permit charge covers the cost of enforcement. | Head of Parking
"""


def test_regression_a_table_of_recommendations_and_responses_is_read_side_by_side(tmp_path: Path) -> None:
    """'Issue raised | Response' and 'Recommendation | Cabinet response' tables (issue #4) gave no row at
    all: no cell has a cue.  The asking cell is a restated request, each sentence of the answering cell
    an assurance; the header row and the verdict alone ('Accepted.') are not rows."""
    rows = rows_of(tmp_path, "ashcombe-2025-06-01-cabinet-response-table.txt", RESPONSE_TABLE)
    assert kinds(rows) == [("request", "That the Council publishes a parking str"),
                           ("assurance", "A draft strategy was approved for consul"),
                           ("request", "That residents' permits are capped at £6"),
                           ("assurance", "The permit charge covers the cost of enf")]
    text = (tmp_path / "ashcombe-2025-06-01-cabinet-response-table.txt").read_text(encoding="utf-8")
    assert text[rows[1].char_start:rows[1].char_end] == "A draft strategy was approved for consultation in May 2025."


def test_regression_a_scrutiny_letter_thanking_for_a_report_is_not_a_reply(tmp_path: Path) -> None:
    """'Thank you for your report' opens a scrutiny letter to the one it asks: its views are not answers."""
    text = SCRUTINY_LETTER.replace("Thank you for attending the Panel's meeting on 14 January 2025.",
                                   "Thank you for your report to the Panel's meeting on 14 January 2025.")
    rows = rows_of(tmp_path, "ashcombe-2025-01-20-scrutiny-letter.txt", text)
    assert [c.kind for c in rows] == ["request"] * 4


def test_regression_information_requested_in_the_paper_that_asks_heads_questions_not_answers(tmp_path: Path) -> None:
    """'Information requested by the Panel' heads the answers in a reply, but in the panel's own report it
    heads what is asked: its list items must not become assurances."""
    text = ("ASHCOMBE BOROUGH COUNCIL\n\nREPORT OF THE HOUSING PANEL\n\n1. SUMMARY\n\n"
            "1.1 The Panel reviewed void homes.\n\n2. INFORMATION REQUESTED BY THE PANEL\n\n"
            "2.1 The number of homes empty for more than six months at 31 March 2025.\n")
    rows = rows_of(tmp_path, "ashcombe-2025-03-01-housing-panel-report.txt", text)
    assert [c.kind for c in rows if c.kind == "assurance"] == []
