"""Tables printed without ruling lines: each row one "cell | cell" line, and the asks and answers it yields.

The PDFs are made by tests/pdfs/make_unruled_table_pdfs.py (fpdf2, only to regenerate); invented councils.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.pdf import RawLine
from minutemine.pdf_answer_tables import join_continued_rows
from minutemine.pdf_unruled import Run, UnruledTable, _read_rows
from minutemine.segment import segment_document

PDFS = Path(__file__).resolve().parent / "pdfs"


def read(name: str):
    doc = ingest_file(PDFS / f"{name}.pdf")
    [rows] = extract_commitments([(doc, segment_document(doc))])
    return doc, rows


def table_lines(doc) -> list[str]:
    return [line.text for line in doc.lines if line.table and not line.furniture]


@pytest.fixture(scope="module")
def responses():
    return read("unruled_recommendation_responses_with_verdicts")


@pytest.fixture(scope="module")
def tracker():
    return read("unruled_seven_column_action_tracker")


@pytest.fixture(scope="module")
def crossing():
    return read("unruled_issue_response_table_crossing_a_page")


def test_a_response_table_without_rules_is_one_line_a_row_with_prose_around_it_left_alone(responses):
    doc, _ = responses
    assert [line.text for line in doc.lines] == [
        "Harrowfield District Council - Cabinet response to the Place Scrutiny Panel's review of public toilets",
        "The Panel made five recommendations. The Cabinet's response to each is set out in the table below.",
        "No. | Recommendation | Cabinet response",
        "R1 | That the Council publishes a map of every public toilet in the district, with its opening hours, on "
        "its website. | Accepted. The map was published on 14 April 2025 and will be updated each quarter.",
        "R2 | Recommendation 2: The Cabinet should reopen the toilets at Millbrook bus station. | Partially "
        "accepted. The toilets will reopen on weekdays from June 2025; weekend opening depends on a cleaning "
        "contract still being tendered.",
        "R3 | 3. That the charge of 40p at Harrowfield market toilets is removed. | Rejected. The charge pays for "
        "the attendant, and removing it would cost £18,000 a year.",
        "R4 | That town and parish councils are invited to join a community toilet scheme. | Agreed. Letters went "
        "to all eleven parish councils in March 2025, and four have joined.",
        "R5 | That the Panel receives a progress report in twelve months. | Noted.",
        "The Cabinet thanks the Panel for its work. Progress will be reported to the Panel in April 2026.",
    ]


def test_verdict_first_response_cells_answer_the_quoted_recommendation_and_a_bare_noted_answers_nothing(responses):
    _, rows = responses
    assert [(r.kind, r.text, r.actor, r.addressee) for r in rows] == [
        ("request", "That the Council publishes a map of every public toilet in the district, with its opening "
                    "hours, on its website.", "Place Scrutiny Panel", ""),
        ("assurance", "The map was published on 14 April 2025 and will be updated each quarter.",
         "Harrowfield District Council", "Place Scrutiny Panel"),
        ("request", "Recommendation 2: The Cabinet should reopen the toilets at Millbrook bus station.",
         "Place Scrutiny Panel", ""),
        ("assurance", "The toilets will reopen on weekdays from June 2025; weekend opening depends on a cleaning "
                      "contract still being tendered.", "Harrowfield District Council", "Place Scrutiny Panel"),
        ("request", "3. That the charge of 40p at Harrowfield market toilets is removed.", "Place Scrutiny Panel", ""),
        ("assurance", "The charge pays for the attendant, and removing it would cost £18,000 a year.",
         "Harrowfield District Council", "Place Scrutiny Panel"),
        ("request", "That town and parish councils are invited to join a community toilet scheme.",
         "Place Scrutiny Panel", ""),
        ("assurance", "Letters went to all eleven parish councils in March 2025, and four have joined.",
         "Harrowfield District Council", "Place Scrutiny Panel"),
        ("request", "That the Panel receives a progress report in twelve months.", "Place Scrutiny Panel", ""),
        ("action", "Progress will be reported to the Panel in April 2026.", "Officers", ""),
    ]


def test_a_seven_column_tracker_without_rules_or_row_gaps_its_header_centred_keeps_each_row_and_its_blank_update(tracker):
    doc, _ = tracker
    assert table_lines(doc) == [
        "Ref | Meeting date | Action | Owner | Due date | Status | Update",
        "A1 | 4 June 2025 | Provide members with the number of missed bin collections by ward for the last "
        "quarter. | Head of Waste | 31 July 2025 | Complete | A table of missed collections by ward was circulated "
        "to members on 12 July 2025.",
        "A2 | 4 June 2025 | Report back on the cost of extending the food waste trial to flats. | Waste Strategy "
        "Manager | 30 September 2025 | On track | Costs are being gathered from the two contractors and will be "
        "reported in September.",
        "A3 | 9 July 2025 | Arrange a site visit to the Eastgate recycling centre for members. | Democratic "
        "Services | 31 August 2025 | Overdue |",
        "A4 | 9 July 2025 | Ask the housing association to attend a future meeting about damp in Priory Court. | "
        "Head of Housing | October 2025 | Superseded | The association's chief executive will attend the November "
        "meeting instead, as agreed by the chair.",
    ]


def test_tracker_actions_are_restated_requests_and_updates_answer_them_an_overdue_one_gets_no_answer(tracker):
    _, rows = tracker
    committee, council = "Communities Overview and Scrutiny Committee", "Corbridge Borough Council"
    assert [(r.kind, r.text, r.actor, r.addressee) for r in rows] == [
        ("request", "Provide members with the number of missed bin collections by ward for the last quarter.",
         committee, ""),
        ("assurance", "A table of missed collections by ward was circulated to members on 12 July 2025.", council,
         committee),
        ("request", "Report back on the cost of extending the food waste trial to flats.", committee, ""),
        ("assurance", "Costs are being gathered from the two contractors and will be reported in September.",
         council, committee),
        ("request", "Arrange a site visit to the Eastgate recycling centre for members.", committee, ""),
        ("request", "Ask the housing association to attend a future meeting about damp in Priory Court.",
         committee, ""),
        ("assurance", "The association's chief executive will attend the November meeting instead, as agreed by "
                      "the chair.", "Chief executive", committee),
    ]


def test_a_row_cut_by_the_page_break_with_no_header_repeated_is_mended_and_prose_below_stays_prose(crossing):
    doc, _ = crossing
    assert [(line.page, line.table, line.text) for line in doc.lines] == [
        (1, False, "Lindwick Town Council - Residents' forum, 3 March 2025 - issues raised and responses"),
        (1, True, "Issue raised | Response"),
        (1, True, "Residents of Orchard Way asked when the street lights that failed in January would be repaired. "
                  "| The lights were repaired on 21 February 2025 after a cable fault was found."),
        (1, True, "A resident asked the Council to put a bench at the bus stop on Mill Lane. | A bench will be "
                  "installed at the Mill Lane stop by the end of May 2025."),
        (1, True, "The forum asked for the pavement outside the primary school to be widened. | Highways officers "
                  "have measured the pavement. Widening it would take part of the school's land, so the Council "
                  "has written to the school's governors to ask whether they agree."),
        (2, True, "A resident wanted to know why the recycling centre now closes at 4pm in winter. | The earlier "
                  "closing time saves lighting and staff costs and was set by the county council."),
        (2, False, "The next residents' forum will be held on 2 June 2025 in the Corn Exchange."),
    ]


def test_each_issue_cut_by_the_page_break_gets_its_whole_answer(crossing):
    _, rows = crossing
    pairs = [(a.text, b.text) for a, b in zip(rows, rows[1:]) if a.kind == "request" and b.kind == "assurance"]
    assert pairs[2] == ("The forum asked for the pavement outside the primary school to be widened.",
                        "Highways officers have measured the pavement. Widening it would take part of the school's "
                        "land, so the Council has written to the school's governors to ask whether they agree.")
    assert len(pairs) == 4


def test_cells_set_mid_row_are_read_with_gaps_between_rows_and_without_and_a_second_table_keeps_its_header():
    doc = ingest_file(PDFS / "unruled_tables_with_cells_set_mid_row.pdf")
    rows = [
        "Recommendation | Response",
        "The Council should publish the number of empty homes in each ward every year. | Accepted. The figures "
        "for 2024 were published in May 2025 and will be updated each spring.",
        "Officers should review the charges for the collection of bulky waste. | Rejected. Charges were reviewed "
        "in 2024 and will not change this year.",
        "Members should be briefed on the housing strategy before it goes to Cabinet, with time to comment on the "
        "draft. | Agreed.",
    ]
    assert table_lines(doc) == rows + rows
    [found] = extract_commitments([(doc, segment_document(doc))])
    asks_and_answers = [(r.kind, r.text) for r in found]
    assert asks_and_answers[:5] == asks_and_answers[5:] == [
        ("request", "The Council should publish the number of empty homes in each ward every year."),
        ("assurance", "The figures for 2024 were published in May 2025 and will be updated each spring."),
        ("request", "Officers should review the charges for the collection of bulky waste."),
        ("assurance", "Charges were reviewed in 2024 and will not change this year."),
        ("request", "Members should be briefed on the housing strategy before it goes to Cabinet, with time to "
                    "comment on the draft."),
    ]


def test_rows_whose_cells_line_up_in_no_way_are_left_as_text():
    table = UnruledTable([10, 100], (0, 1), 200)
    lines = [[Run("Asked of the Leader.", 100, 190, 90, 98)], [Run("R1", 10, 20, 82, 90)]]
    assert _read_rows(lines, 0, table, 842.0) == (0, [], False)


def test_a_header_row_is_not_mended_by_a_row_under_it_with_a_blank_first_cell():
    lines = [RawLine("Recommendation | Response", 1, 0, table=True),
             RawLine(" | Accepted. The figures were published.", 1, 0, table=True)]
    assert [line.text for line in join_continued_rows(lines)] == [
        "Recommendation | Response", " | Accepted. The figures were published."]


@pytest.fixture(scope="module")
def status_tracker():
    return read("unruled_status_tracker_crossing_a_page_under_its_header_repeated")


def test_a_status_column_answers_when_no_column_holds_an_update_and_the_repeated_header_is_furniture(status_tracker):
    doc, _ = status_tracker
    assert [(line.page, line.furniture, line.text) for line in doc.lines if line.table] == [
        (1, False, "Ref | Recommendation | Owner | Due date | Status"),
        (1, False, "Recommendation 1 | Publish the register of gifts and hospitality for all senior officers each "
                   "quarter. | Monitoring Officer | 30 June 2025 | Complete - the register for the first quarter was "
                   "published on 20 June 2025."),
        (1, False, "Recommendation 2 | Check that every purchase card holder has completed the card training. | Head "
                   "of Finance | 31 July 2025 | Overdue"),
        (1, False, "Recommendation 3 | Review the contract register so that every contract over £25,000 shows an end "
                   "date. | Procurement Manager | 30 September 2025 | On track - 212 of the 260 contracts now show an "
                   "end date, and the rest will be done by the end of August."),
        (2, True, "Ref | Recommendation | Owner | Due date | Status"),
        (2, False, "Recommendation 4 | Report the results of the fraud risk assessment to the Committee. | Head of "
                   "Internal Audit | November 2025 | Not started"),
    ]


def test_prose_after_a_last_row_with_no_full_stop_does_not_join_the_row(status_tracker):
    _, rows = status_tracker
    committee, council = "Audit and Governance Committee", "Fenmoor County Council"
    assert [(r.kind, r.text, r.actor, r.addressee) for r in rows] == [
        ("request", "Publish the register of gifts and hospitality for all senior officers each quarter.", committee, ""),
        ("assurance", "Complete - the register for the first quarter was published on 20 June 2025.", council,
         committee),
        ("request", "Check that every purchase card holder has completed the card training.", committee, ""),
        ("request", "Review the contract register so that every contract over £25,000 shows an end date.",
         committee, ""),
        ("assurance", "On track - 212 of the 260 contracts now show an end date, and the rest will be done by the "
                      "end of August.", council, committee),
        ("request", "Report the results of the fraud risk assessment to the Committee.", committee, ""),
        ("request", "Members are asked to note the progress made.", "", ""),
    ]
