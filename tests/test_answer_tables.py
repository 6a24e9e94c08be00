"""Tables that print what was asked beside its answer, and the PDF table bugs found with them.

tests/pdfs/written_questions_and_comments_in_answer_tables.pdf is made by
tests/pdfs/make_answer_table_pdfs.py (fpdf2, only to regenerate); the other papers are the
corpus's Bristol PDFs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.pdf import RawLine
from minutemine.pdf_answer_tables import join_continued_rows
from minutemine.pdf_tables import rulings_to_tables
from minutemine.segment import segment_document

PDFS = Path(__file__).resolve().parent / "pdfs"
BRISTOL = Path(__file__).resolve().parents[1] / "corpus" / "pdf"


def body_lines(doc):
    return [line.text for line in doc.lines if not line.furniture]


@pytest.fixture(scope="module")
def answer_tables():
    doc = ingest_file(PDFS / "written_questions_and_comments_in_answer_tables.pdf")
    items = segment_document(doc)
    [rows] = extract_commitments([(doc, items)])
    return doc, rows


def test_each_row_of_an_ask_beside_answer_table_is_one_line_with_the_cell_heading_set_off(answer_tables):
    doc, _ = answer_tables
    assert body_lines(doc) == [
        "Members' questions and the answers given",
        "Question | Answer",
        "1. Question from Councillor Hana Okafor to the Portfolio Holder for Parks: Please tell me how many park "
        "benches were replaced in Wexcombe in the last year. | Forty-two benches were replaced in Wexcombe, all "
        "with recycled plastic.",
        "2. From a member for Tilby ward, to the Leader: When will the library at Tilby reopen after the roof "
        "repairs? | The library will reopen on 3 March 2025. A written timetable will be sent to ward members.",
        "3. From a member for Tilby ward, to the Portfolio Holder for Highways: I would ask the Portfolio Holder "
        "to resurface Canal Street before the winter. | Canal Street is in next year's programme and cannot be "
        "brought forward.",
        "Consultation on the parking strategy",
        "Comment | Response",
        "Residents' permits should cost less for a second car. | The charge for a second permit will stay at its "
        "current level for 2025/26.",
    ]


def test_written_question_cells_are_requests_by_the_byline_asker_and_answer_cells_one_assurance_each(answer_tables):
    _, rows = answer_tables
    got = [(r.kind, r.text, r.actor, r.addressee) for r in rows]
    assert got == [
        ("request", "Please tell me how many park benches were replaced in Wexcombe in the last year.",
         "Councillor Hana Okafor", "Portfolio Holder for Parks"),
        ("assurance", "Forty-two benches were replaced in Wexcombe, all with recycled plastic.",
         "Portfolio Holder for Parks", "Councillor Hana Okafor"),
        ("request", "When will the library at Tilby reopen after the roof repairs?", "a member for Tilby ward", "Leader"),
        ("assurance", "The library will reopen on 3 March 2025. A written timetable will be sent to ward members.",
         "Leader", "a member for Tilby ward"),
        ("request", "I would ask the Portfolio Holder to resurface Canal Street before the winter.",
         "a member for Tilby ward", "Portfolio Holder for Highways"),
        ("assurance", "Canal Street is in next year's programme and cannot be brought forward.",
         "Portfolio Holder for Highways", "a member for Tilby ward"),
        ("request", "Residents' permits should cost less for a second car.", "", ""),
        ("assurance", "The charge for a second permit will stay at its current level for 2025/26.", "", ""),
    ]


def _row(text: str, page: int, furniture: bool = False) -> RawLine:
    return RawLine(text, page, 0, furniture=furniture, table=True)


def test_rows_cut_by_a_page_break_are_mended_and_the_repeated_header_is_furniture():
    header = "Ref | Recommendation | Management response | Status"
    lines = [_row(header, 1), _row("R2 | Cancel cards of leavers. | Agreed. The first check, in October, | Done", 1),
             RawLine("Audit Committee - Page 1", 1, 0, furniture=True),
             _row(header, 2), _row(" |  | found no active cards. | ", 2), _row("R3 | Reset limits. | Agreed. | Open", 2)]
    out = join_continued_rows(lines)
    assert [(line.text, line.furniture) for line in out] == [
        (header, False),
        ("R2 | Cancel cards of leavers. | Agreed. The first check, in October, found no active cards. | Done", False),
        ("Audit Committee - Page 1", True),
        (header, True),
        ("R3 | Reset limits. | Agreed. | Open", False),
    ]


def test_a_seven_column_tracker_is_a_table_but_boxes_round_single_words_are_not():
    edges = [0, 49, 173, 380, 516, 601, 664, 741]  # Ref | Recommendation | … | Status, as a tracker prints them
    tracker = ([(300, 0, 741), (250, 0, 741), (200, 0, 741)], [(x, 200, 300) for x in edges])
    assert [len(t.rows) for t in rulings_to_tables(tracker)] == [2]
    words = [0, 27, 320, 350, 369, 403, 424, 461, 475]  # "That the Committee … | notes | the | report | and"
    highlighted = ([(300, 0, 475), (286, 0, 475), (272, 0, 475)], [(x, 272, 300) for x in words])
    assert rulings_to_tables(highlighted) == []


def test_a_line_of_table_cells_is_not_joined_onto_the_long_paragraph_above_it():
    items = segment_document(ingest_file(BRISTOL / "bristol-wpl-committee-report-2024-09-12.pdf"))
    finance = [(it.kind, it.text) for it in items if it.text.startswith(("Revenue Cost |", "Capital Cost |"))]
    assert finance == [("table_row", "Revenue Cost | £1m | Source of Revenue Funding | Clean Air Zone"),
                       ("table_row", "Capital Cost | Source of Capital Funding | N/A")]


def test_page_width_leaves_table_lines_out_so_members_present_does_not_join_the_title_block():
    items = segment_document(ingest_file(BRISTOL / "bristol-tcpc-decisions-2025-10-23.pdf"))
    texts = [it.text for it in items[:4]]
    assert texts == ["Decision Recording Form",
                     "Decision determined at Transport & Connectivity Policy Committee meeting on 23 October 2025",
                     "Committee Members present:", "Councillor Ed Plowden"]


def test_questioner_and_to_columns_name_who_asks_whom():
    doc = ingest_file(PDFS / "questioner_columns_and_a_table_going_on_over_a_page_without_its_header.pdf")
    [rows] = extract_commitments([(doc, segment_document(doc))])
    first = [(r.kind, r.text, r.actor, r.addressee) for r in rows[:2]]
    assert first == [
        ("request", "How many homes were empty for over a year in March 2025?", "Councillor Ravi Mehta",
         "Executive Member for Housing"),
        ("assurance", "There were 311 such homes in March 2025.", "Executive Member for Housing", "Councillor Ravi Mehta"),
    ]


def test_an_answer_table_going_on_over_a_page_with_no_header_keeps_its_last_row_one_line():
    doc = ingest_file(PDFS / "questioner_columns_and_a_table_going_on_over_a_page_without_its_header.pdf")
    page_two = [line.text for line in doc.lines if line.page == 2 and not line.furniture]
    assert page_two == ["Residents of Ferry Walk asked for more bins for recycling near the car park. | Two more "
                        "recycling bins were placed by the car park on 2 April 2025."]


def test_bare_name_question_heading_names_the_asker_without_a_title(tmp_path: Path):
    paper = tmp_path / "eastvale-2025-02-03-public-forum-minutes.txt"
    paper.write_text("EASTVALE TOWN COUNCIL\n\nPUBLIC FORUM\n\nQuestion 3 – Ann Example\n\n"
                     "When will the bus lane on Mill Road open?\n\nMayor's Response\n\n"
                     "The bus lane will open in September.\n\nQuestion 4 – Mill Road\n\n"
                     "Why was the crossing moved?\n\nMayor's Response\n\nThe crossing was moved for the new junction.\n",
                     encoding="utf-8")
    doc = ingest_file(paper)
    [rows] = extract_commitments([(doc, segment_document(doc))])
    assert [(r.kind, r.actor, r.addressee) for r in rows] == [
        ("request", "Ann Example", "Mayor"), ("assurance", "Mayor", "Ann Example"),
        ("request", "", "Mayor"), ("assurance", "Mayor", "")]


def test_tracker_record_answer_field_nests_under_its_asking_field_and_is_one_answer(tmp_path: Path):
    paper = tmp_path / "eastvale-2025-03-10-action-log.txt"
    paper.write_text("EASTVALE TOWN COUNCIL\n\nFINANCE COMMITTEE - 10 MARCH 2025\n\nAction log\n\n"
                     "This log lists the actions agreed at earlier meetings and what has been done on each.\n\n"
                     "Ref: 4/1\nMeeting: 6 January 2025\nAction: Report the cost of the new play area at Hill Fields\n"
                     "Lead: Parks Manager\nProgress: The play area cost £64,000. The surfacing was paid for by a grant.\n"
                     "Status: Closed\n\nRef: 4/2\nMeeting: 6 January 2025\n"
                     "Action: Review the opening hours of the pavilion\nLead: Facilities Officer\nStatus: Open\n",
                     encoding="utf-8")
    doc = ingest_file(paper)
    items = segment_document(doc)
    by_id = {it.item_id: it for it in items}
    shape = [(it.kind, it.text.split(":")[0], by_id[it.parent_id].text.split(":")[0] if it.parent_id in by_id else "")
             for it in items if ":" in it.text]
    assert shape == [("paragraph", "Ref", "Action log"), ("paragraph", "Meeting", "Action log"),
                     ("request", "Action", "Action log"), ("paragraph", "Lead", "Action"),
                     ("response", "Progress", "Action"), ("paragraph", "Status", "Action"),
                     # a record with no answering field is left as printed
                     ("paragraph", "Ref", "Action log"), ("paragraph", "Meeting", "Action log"),
                     ("paragraph", "Action", "Action log"), ("paragraph", "Lead", "Action log"),
                     ("paragraph", "Status", "Action log")]
    [rows] = extract_commitments([(doc, items)])
    assert ("assurance", "Progress: The play area cost £64,000. The surfacing was paid for by a grant.") in [
        (r.kind, r.text) for r in rows]


def test_question_and_answer_rows_named_in_their_first_cell_are_a_question_and_its_answer():
    doc = ingest_file(PDFS / "question_and_answer_rows_named_in_their_first_cell.pdf")
    assert body_lines(doc)[2:] == [
        "Question 1: Will the Leader set out how much the Council paid in bank charges in 2024/25?",
        "Answer: The Council paid £41,200 in bank charges in 2024/25, less than in any of the last five years."]
    [rows] = extract_commitments([(doc, segment_document(doc))])
    assert [(r.kind, r.text[:40]) for r in rows] == [("request", "Will the Leader set out how much the Cou"),
                                                     ("assurance", "Answer: The Council paid £41,200 in bank")]
