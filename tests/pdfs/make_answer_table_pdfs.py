"""Regenerate the ask-beside-answer table PDFs in this folder, each named after what it checks.

The PDFs are committed; this script needs fpdf2 only when one is to be changed or added:

    .venv/bin/python tests/pdfs/make_answer_table_pdfs.py

`written_questions_and_comments_in_answer_tables.pdf`: members' written questions in a bordered
"Question | Answer" table, each question cell opening with its byline on a line of its own
(with and without a question mark, and one put as "I would ask …"), then a consultation's
"Comment | Response" table.  `questioner_columns_and_a_table_going_on_over_a_page_without_its_header.pdf`:
a "No. | Questioner | To | Question | Reply" table, and an "Issue raised | Response" table whose
rows go on over a page break with no header repeated.  `question_and_answer_rows_named_in_their_first_cell.pdf`:
a form whose rows are "Question 1 | …" and "Answer | …".  Invented wording, no real council.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from make_table_pdfs import _table, titled_page  # this folder is on the path, run as a script or by pytest

if TYPE_CHECKING:  # imported only when run: pytest's doctest collection imports this file too
    from fpdf import FPDF

HERE = Path(__file__).resolve().parent


def written_questions_and_comments_in_answer_tables() -> FPDF:
    pdf = titled_page("Members' questions and the answers given")
    _table(pdf, [
        ["Question", "Answer"],
        ["1. Question from Councillor Hana Okafor to the Portfolio Holder for Parks\n"
         "Please tell me how many park benches were replaced in Wexcombe in the last year.",
         "Forty-two benches were replaced in Wexcombe, all with recycled plastic."],
        ["2. From a member for Tilby ward, to the Leader\n"
         "When will the library at Tilby reopen after the roof repairs?",
         "The library will reopen on 3 March 2025. A written timetable will be sent to ward members."],
        ["3. From a member for Tilby ward, to the Portfolio Holder for Highways\n"
         "I would ask the Portfolio Holder to resurface Canal Street before the winter.",
         "Canal Street is in next year's programme and cannot be brought forward."],
    ], widths=[87, 87])
    pdf.ln(4)
    pdf.multi_cell(0, 5, "Consultation on the parking strategy")
    pdf.ln(2)
    _table(pdf, [
        ["Comment", "Response"],
        ["Residents' permits should cost less for a second car.",
         "The charge for a second permit will stay at its current level for 2025/26."],
    ], widths=[87, 87])
    return pdf


def questioner_columns_and_a_table_going_on_over_a_page_without_its_header() -> FPDF:
    pdf = titled_page("Questions to the Executive")
    _table(pdf, [
        ["No.", "Questioner", "To", "Question", "Reply"],
        ["1", "Councillor Ravi Mehta", "Executive Member for Housing",
         "How many homes were empty for over a year in March 2025?", "There were 311 such homes in March 2025."],
    ], widths=[10, 34, 40, 45, 45])
    pdf.set_y(230)
    pdf.multi_cell(0, 5, "Points raised at the tenants' panel")
    pdf.ln(2)
    _table(pdf, [
        ["Issue raised", "Response"],
        ["Tenants of Marsh House asked when the broken lift would be repaired.",
         "A new motor has been ordered and the lift will be working again by 30 June 2025."],
        ["The panel asked for the damp survey of Kiln Court to be shared with residents.",
         "The survey will be posted to every flat in Kiln Court in May."],
        ["A tenant wanted to know why the communal heating charge rose by 18% this year.",
         "The charge follows the price of gas under the Council's energy contract, which rose in October 2024."],
        ["Residents of Ferry Walk asked for more bins for recycling near the car park.",
         "Two more recycling bins were placed by the car park on 2 April 2025."],
    ], widths=[87, 87], repeat_headings=0)
    return pdf


def question_and_answer_rows_named_in_their_first_cell() -> FPDF:
    pdf = titled_page("Written question to the Leader")
    _table(pdf, [
        ["Item", "Detail"],
        ["Question 1", "Will the Leader set out how much the Council paid in bank charges in 2024/25?"],
        ["Answer", "The Council paid £41,200 in bank charges in 2024/25, less than in any of the last five years."],
    ], widths=[30, 144])
    return pdf


def main() -> None:
    for make in (written_questions_and_comments_in_answer_tables, question_and_answer_rows_named_in_their_first_cell,
                 questioner_columns_and_a_table_going_on_over_a_page_without_its_header):
        make().output(str(HERE / f"{make.__name__}.pdf"))


if __name__ == "__main__":
    main()
