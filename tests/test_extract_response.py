"""Extraction in papers that answer another (issue #4): a response report's body facts, Cabinet's
"accepted, save that:" resolutions, verdicts printed under a recommendation's number, prose asks
in minutes, and captions that are not commitments.  Tiny papers written here (none copies a
held-out fixture's wording), plus the real held-out paper that showed the caption bug."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.segment import segment_document

HELDOUT2 = Path(__file__).resolve().parent / "fixtures" / "heldout2"


def rows_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str, str, str]]:
    """(kind, actor, addressee, text) of every commitment extracted from a tiny paper written to `name`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = ingest_file(path)
    return [(c.kind, c.actor, c.addressee, c.text) for c in extract_commitments([(doc, segment_document(doc))])[0]]


RESPONSE_REPORT = """ASHBY BOROUGH COUNCIL

CABINET - 10 APRIL 2025

EXECUTIVE RESPONSE TO THE PLACE SCRUTINY PANEL: LIBRARY OPENING HOURS

Report of the Cabinet Member for Communities

1. PURPOSE

1.1 The Place Scrutiny Panel considered the library opening hours on 4 February 2025 and made five
recommendations. This report sets out the Cabinet's response.

2. BACKGROUND

2.1 Officers met the Friends of Eastgate Library on 12 March 2025 to discuss the Saturday hours.

2.2 The library service has eleven branches and a mobile library.

2.3 The library review consultation ran from October to December 2024.

3. RESPONSES TO THE RECOMMENDATIONS

Recommendation 1 - Accepted. The footfall figures will be circulated to members every quarter from May 2025.

Recommendation 3 - Not accepted. The mobile library timetable is already published online.

4. FINANCIAL IMPLICATIONS

4.1 The Council agreed savings of £85,000 a year from the service in February 2024.

Contact officer: Head of Libraries
"""


def test_a_response_papers_body_facts_and_verdicts_are_answers_and_its_rubric_is_not(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, "ashby-2025-04-10-cabinet-response-library-hours.txt", RESPONSE_REPORT)
    assert [(kind, text) for kind, _, _, text in rows] == [
        # background: what someone did is a candidate answer; a standing description and a thing's
        # history with nobody acting are not
        ("assurance", "Officers met the Friends of Eastgate Library on 12 March 2025 to discuss the Saturday hours."),
        # a verdict printed under the recommendation's number is the answer to it, verdict included
        ("assurance", "Accepted. The footfall figures will be circulated to members every quarter from May 2025."),
        ("assurance", "Not accepted. The mobile library timetable is already published online."),
    ]  # purpose, financial implications and contact officer are the report's rubric: nothing


def test_a_paper_that_does_not_say_it_responds_keeps_its_background_out(tmp_path: Path) -> None:
    text = RESPONSE_REPORT.replace("EXECUTIVE RESPONSE TO THE PLACE SCRUTINY PANEL: ", "").replace(
        " This report sets out the Cabinet's response.", "").replace("3. RESPONSES TO THE RECOMMENDATIONS", "3. OPTIONS")
    rows = rows_of(tmp_path, "ashby-2025-04-10-cabinet-library-hours.txt", text)
    assert not any(text.startswith("Officers met") for _, _, _, text in rows)


SAVE_THAT_MINUTES = """KELBY DISTRICT COUNCIL

MINUTES of a meeting of the CABINET held on Wednesday 5 March 2025

51. RECOMMENDATIONS OF THE CLIMATE SCRUTINY PANEL: STREET TREES

The Cabinet Member for Environment presented the response to the Panel's six recommendations.

RESOLVED - That the recommendations of the Climate Scrutiny Panel be agreed, subject to the following:

(a) the second recommendation is not agreed, because the street tree budget is fully committed;

(b) the fourth recommendation is agreed in part: new trees will be planted in the three wards with the lowest
canopy cover from November 2025.
"""


def test_an_accepted_save_that_lead_in_is_cabinets_decision_and_each_exception_an_answer(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, "kelby-2025-03-05-cabinet-minutes.txt", SAVE_THAT_MINUTES)
    assert [(kind, actor, addressee, text[:40]) for kind, actor, addressee, text in rows] == [
        ("decision", "Cabinet", "Climate Scrutiny Panel", "RESOLVED - That the recommendations of t"),
        # a refusal with no "will" is an answer too
        ("assurance", "Cabinet", "Climate Scrutiny Panel", "the second recommendation is not agreed,"),
        ("assurance", "Cabinet", "Climate Scrutiny Panel", "the fourth recommendation is agreed in p"),
    ]


MINUTES_HEAD = """ASHBY BOROUGH COUNCIL

MINUTES of a meeting of the PLACE SCRUTINY PANEL held on Tuesday 4 February 2025 at 6.00 pm

12. LIBRARY OPENING HOURS

The Head of Libraries presented the report on the proposed opening hours.

"""


@pytest.mark.parametrize("sentence", [
    "Members called for a review of the Saturday opening hours at Eastgate library.",
    "Members expressed a wish to see the draft timetable before it is agreed.",
    "Members sought reassurance that no branch library would close in 2025/26.",
    "Members urged the Cabinet Member to keep the Sunday opening at the central library.",
    "Councillors pressed for the reopening of the Westfield branch.",
    "Members asked that officers circulate the footfall figures for each branch library.",
    "The Panel would welcome a report on the use of volunteers in branch libraries.",
    "It was requested that officers provide the results of the user survey to the next meeting.",
    "The Chair asked officers to circulate the equality impact assessment to all members.",
])
def test_asks_worded_in_minutes_prose_are_requests(tmp_path: Path, sentence: str) -> None:
    rows = rows_of(tmp_path, "ashby-2025-02-04-place-scrutiny-minutes.txt", MINUTES_HEAD + sentence + "\n")
    assert [(kind, text) for kind, _, _, text in rows] == [("request", sentence)]


def test_regression_a_table_caption_is_not_an_outstanding_request(tmp_path: Path) -> None:
    """Tansfield's "Table 2: Responses to the Group's requests for information …" was extracted as a
    request (and "Table 1: Executive response …" as an assurance): a caption names what follows."""
    doc = ingest_file(HELDOUT2 / "tansfield-2025-02-18-executive-response-school-transport.pdf")
    rows = extract_commitments([(doc, segment_document(doc))])[0]
    assert not [c.text for c in rows if c.text.startswith("Table ")]
    assert any(c.text.startswith("112 appeals were received") and c.kind == "assurance" for c in rows)
    tiny = rows_of(tmp_path, "ashby-2025-04-10-cabinet-response.txt", RESPONSE_REPORT.replace(
        "3. RESPONSES TO THE RECOMMENDATIONS\n", "3. RESPONSES\n\nTable 4: Responses to the Panel's requests\n"))
    assert not [text for _, _, _, text in tiny if text.startswith("Table")]


SELECT_COMMITTEE_REPORT = """DUNMORE CITY COUNCIL

ECONOMY AND TRANSPORT SELECT COMMITTEE

Report of the Select Committee, January 2025

Conclusions and recommendations

1. Passengers told us that timetables at stops are often out of date. The Council should replace every printed
timetable within two weeks of a change. (Paragraph 24)

2. We could not establish how much the Council spends on supported services in each ward. The Council should
publish this figure each year. (Paragraph 31)
"""


def test_should_items_under_conclusions_and_recommendations_are_recommendations(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, "dunmore-2025-01-20-select-committee-report.txt", SELECT_COMMITTEE_REPORT)
    assert [(kind, text[:45]) for kind, _, _, text in rows] == [
        ("recommendation", "Passengers told us that timetables at stops a"),
        ("recommendation", "We could not establish how much the Council s")]


GOVERNMENT_STYLE_RESPONSE = """DUNMORE CITY COUNCIL

Bus services in the outer estates: the Council's response to the Select Committee's report

Introduction

The Council welcomes the Committee's report. Its responses to the recommendations are set out below.

Recommendation 1

The Council should replace every printed timetable within two weeks of a change. (Paragraph 24)

The Council accepts this recommendation in part. Operators are now required to supply new timetables ten days
before a change.

Recommendation 2

The Council should publish this figure each year. (Paragraph 31)

The Council does not accept this recommendation. Supported services cross ward boundaries.
"""


def test_replies_printed_under_a_restated_recommendation_are_answers_sentence_by_sentence(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, "dunmore-2025-04-15-response-to-select-committee.txt", GOVERNMENT_STYLE_RESPONSE)
    assert [(kind, text) for kind, _, _, text in rows] == [
        ("assurance", "The Council accepts this recommendation in part."),
        ("assurance", "Operators are now required to supply new timetables ten days before a change."),
        ("assurance", "The Council does not accept this recommendation."),
        ("assurance", "Supported services cross ward boundaries."),
    ]  # the restated recommendation is not an answer to itself; the welcome in the introduction answers nothing


DECISION_NOTICE = """DUNMORE CITY COUNCIL

RECORD OF DECISION BY A CABINET MEMBER

Decision maker: Cabinet Member for Culture

Subject: Westbrook Library - reconsideration following call-in

Date of decision: 2 May 2025

Decision

To confirm the decision of 20 March 2025 to move Westbrook Library into the community centre.

Reasons for the decision

A separate children's room has been included in the design. Opening hours will stay at 38 hours a week.

Alternative options considered and rejected

Keeping the library in its current building was rejected because the roof repairs would cost £650,000.
"""


def test_a_decision_notice_decides_and_its_reasons_answer_the_call_in(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, "dunmore-2025-05-02-decision-notice-westbrook-library.txt", DECISION_NOTICE)
    assert [(kind, actor, text) for kind, actor, _, text in rows] == [
        ("decision", "Cabinet Member for Culture",
         "To confirm the decision of 20 March 2025 to move Westbrook Library into the community centre."),
        ("assurance", "Dunmore City Council", "A separate children's room has been included in the design."),
        ("assurance", "Dunmore City Council", "Opening hours will stay at 38 hours a week."),
    ]  # the options rejected describe alternatives (GUIDE): not answers


def test_you_said_we_did_pairs_are_a_restated_ask_and_its_answer(tmp_path: Path) -> None:
    text = ("FENWICK DISTRICT COUNCIL\n\nENVIRONMENT SCRUTINY PANEL - 1 JUNE 2025\n\n"
            "You said, we did: response to the Panel's review of town centre cleanliness\n\n"
            "2. You said, we did\n\nYou said: bins in the town centre overflow at weekends.\n"
            "We did: from 1 June 2025 town centre bins are emptied twice a day at weekends.\n")
    rows = rows_of(tmp_path, "fenwick-2025-06-01-you-said-we-did.txt", text)
    assert [(kind, text) for kind, _, _, text in rows] == [
        ("request", "You said: bins in the town centre overflow at weekends."),
        ("assurance", "We did: from 1 June 2025 town centre bins are emptied twice a day at weekends.")]


def test_regression_a_report_describing_what_it_answers_is_not_an_outstanding_request(tmp_path: Path) -> None:
    """Tansfield's "This report sets out the Executive's response to each recommendation and the information
    the Group asked for." was extracted as a request (its "asked" recounts) and shown as outstanding."""
    doc = ingest_file(HELDOUT2 / "tansfield-2025-02-18-executive-response-school-transport.pdf")
    rows = extract_commitments([(doc, segment_document(doc))])[0]
    assert not [c.text for c in rows if c.text.startswith("This report sets out")]
    text = RESPONSE_REPORT.replace("This report sets out the Cabinet's response.",
                                   "This report sets out the response and the figures the Panel asked for.")
    assert not [t for _, _, _, t in rows_of(tmp_path, "ashby-2025-04-10-cabinet-response.txt", text)
                if t.startswith("This report")]
