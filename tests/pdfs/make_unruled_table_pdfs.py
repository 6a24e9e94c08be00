"""Regenerate the tables-without-rules PDFs in this folder, each named after what it checks.

The PDFs are committed; this script needs fpdf2 only when one is to be changed or added:

    .venv/bin/python tests/pdfs/make_unruled_table_pdfs.py

Word and Excel exports often print a table with its borders turned off: the columns are set
only by where the words start, rows by where the first column's text starts (and, often, a
gap), each cell wrapping over several lines.  The tables here are drawn cell by cell with
`multi_cell`, top-aligned as a word processor aligns them, so that a row can also be cut by a
page break as a word processor cuts it (the rest of its cells at the top of the next page,
under no header).  Invented councils and wording.

`unruled_recommendation_responses_with_verdicts.pdf`: a response paper's "No. | Recommendation |
Response" table, the left cell quoting the recommendation in full ("R1", "Recommendation 2",
"3."), the right cell opening with a verdict (Accepted, Partially accepted, Rejected, Noted);
prose before and after.  `unruled_seven_column_action_tracker.pdf`: a landscape "Ref | Meeting
date | Action | Owner | Due date | Status | Update" sheet, its header centred as a spreadsheet sets it, with no
gaps between rows, statuses
Complete, On track, Overdue, Superseded, one update cell blank.  `unruled_issue_response_table_crossing_a_page.pdf`:
an "Issue raised | Response" table whose last row is cut by the page break, with no header on
the next page, then prose.  `unruled_status_tracker_crossing_a_page_under_its_header_repeated.pdf`: "Ref | Recommendation | Owner |
Due date | Status" with no update column, rows labelled "Recommendation 1" and no gaps, a status cell cut
by the page break and the header printed again over its rest.  `unruled_tables_with_cells_set_mid_row.pdf`: fpdf2's own table with
borders off and cells set in the middle of their rows, with gaps between rows and without (fpdf2's default).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported only when run: pytest's doctest collection imports this file too
    from fpdf import FPDF

HERE = Path(__file__).resolve().parent
PAGE_BREAK = None  # a row of the table that is the page break: the rows after it go on the next page


def _document(orientation: str = "P") -> FPDF:
    from fpdf import FPDF

    pdf = FPDF(format="A4", orientation=orientation)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    return pdf


def _prose(pdf: FPDF, text: str, bold: bool = False) -> None:
    pdf.set_font("Helvetica", style="B" if bold else "", size=10)
    pdf.multi_cell(0, 5, text)
    pdf.ln(2)


def _unruled_table(pdf: FPDF, rows: list[list[str] | None], widths: list[float], row_gap: float,
                   gutter: float = 3.0, header_align: str = "L") -> None:
    """Cells written where their column starts, top-aligned, no lines; the first row (the header) in bold,
    set left or centred (`header_align="C"`, as spreadsheets set it)."""
    for n, row in enumerate(rows):
        if row is PAGE_BREAK:
            pdf.add_page()
            continue
        pdf.set_font("Helvetica", style="B" if row == rows[0] else "", size=9)
        top, bottom, x = pdf.get_y(), pdf.get_y(), pdf.l_margin
        for text, width in zip(row, widths):
            pdf.set_xy(x, top)
            if text:
                pdf.multi_cell(width - gutter, 4.4, text, align=header_align if row == rows[0] else "L")
                bottom = max(bottom, pdf.get_y())
            x += width
        pdf.set_y(bottom + row_gap)
    pdf.set_y(pdf.get_y() + 2)


def unruled_recommendation_responses_with_verdicts() -> FPDF:
    pdf = _document()
    _prose(pdf, "Harrowfield District Council - Cabinet response to the Place Scrutiny Panel's review of "
                "public toilets", bold=True)
    _prose(pdf, "The Panel made five recommendations. The Cabinet's response to each is set out in the table "
                "below.")
    _unruled_table(pdf, [
        ["No.", "Recommendation", "Cabinet response"],
        ["R1", "That the Council publishes a map of every public toilet in the district, with its opening hours, "
               "on its website.",
         "Accepted. The map was published on 14 April 2025 and will be updated each quarter."],
        ["R2", "Recommendation 2: The Cabinet should reopen the toilets at Millbrook bus station.",
         "Partially accepted. The toilets will reopen on weekdays from June 2025; weekend opening depends on "
         "a cleaning contract still being tendered."],
        ["R3", "3. That the charge of 40p at Harrowfield market toilets is removed.",
         "Rejected. The charge pays for the attendant, and removing it would cost £18,000 a year."],
        ["R4", "That town and parish councils are invited to join a community toilet scheme.",
         "Agreed. Letters went to all eleven parish councils in March 2025, and four have joined."],
        ["R5", "That the Panel receives a progress report in twelve months.", "Noted."],
    ], widths=[14, 78, 82], row_gap=3)
    _prose(pdf, "The Cabinet thanks the Panel for its work. Progress will be reported to the Panel in "
                "April 2026.")
    return pdf


def unruled_seven_column_action_tracker() -> FPDF:
    pdf = _document("L")
    _prose(pdf, "Corbridge Borough Council - Communities Overview and Scrutiny Committee - Action tracker",
           bold=True)
    _unruled_table(pdf, [
        ["Ref", "Meeting date", "Action", "Owner", "Due date", "Status", "Update"],
        ["A1", "4 June 2025", "Provide members with the number of missed bin collections by ward for the last "
                              "quarter.", "Head of Waste", "31 July 2025", "Complete",
         "A table of missed collections by ward was circulated to members on 12 July 2025."],
        ["A2", "4 June 2025", "Report back on the cost of extending the food waste trial to flats.",
         "Waste Strategy Manager", "30 September 2025", "On track",
         "Costs are being gathered from the two contractors and will be reported in September."],
        ["A3", "9 July 2025", "Arrange a site visit to the Eastgate recycling centre for members.",
         "Democratic Services", "31 August 2025", "Overdue", ""],
        ["A4", "9 July 2025", "Ask the housing association to attend a future meeting about damp in "
                              "Priory Court.", "Head of Housing", "October 2025", "Superseded",
         "The association's chief executive will attend the November meeting instead, as agreed by the chair."],
    ], widths=[12, 26, 72, 36, 28, 26, 61], row_gap=0, header_align="C")
    return pdf


def unruled_issue_response_table_crossing_a_page() -> FPDF:
    pdf = _document()
    _prose(pdf, "Lindwick Town Council - Residents' forum, 3 March 2025 - issues raised and responses", bold=True)
    pdf.set_y(196)
    _unruled_table(pdf, [
        ["Issue raised", "Response"],
        ["Residents of Orchard Way asked when the street lights that failed in January would be repaired.",
         "The lights were repaired on 21 February 2025 after a cable fault was found."],
        ["A resident asked the Council to put a bench at the bus stop on Mill Lane.",
         "A bench will be installed at the Mill Lane stop by the end of May 2025."],
        ["The forum asked for the pavement outside the primary school to be widened.",
         "Highways officers have measured the pavement. Widening it would take part of the school's"],
        PAGE_BREAK,
        ["", "land, so the Council has written to the school's governors to ask whether they agree."],
        ["A resident wanted to know why the recycling centre now closes at 4pm in winter.",
         "The earlier closing time saves lighting and staff costs and was set by the county council."],
    ], widths=[82, 92], row_gap=3)
    _prose(pdf, "The next residents' forum will be held on 2 June 2025 in the Corn Exchange.")
    return pdf


def unruled_status_tracker_crossing_a_page_under_its_header_repeated() -> FPDF:
    pdf = _document()
    _prose(pdf, "Fenmoor County Council - Audit and Governance Committee - recommendations tracker", bold=True)
    pdf.set_y(222)
    header = ["Ref", "Recommendation", "Owner", "Due date", "Status"]
    _unruled_table(pdf, [
        header,
        ["Recommendation 1", "Publish the register of gifts and hospitality for all senior officers each quarter.",
         "Monitoring Officer", "30 June 2025", "Complete - the register for the first quarter was published on "
                                               "20 June 2025."],
        ["Recommendation 2", "Check that every purchase card holder has completed the card training.",
         "Head of Finance", "31 July 2025", "Overdue"],
        ["Recommendation 3", "Review the contract register so that every contract over £25,000 shows an end date.",
         "Procurement Manager", "30 September 2025", "On track - 212 of the 260 contracts now show an end"],
        PAGE_BREAK,
        header,
        ["", "", "", "", "date, and the rest will be done by the end of August."],
        ["Recommendation 4", "Report the results of the fraud risk assessment to the Committee.",
         "Head of Internal Audit", "November 2025", "Not started"],
    ], widths=[34, 58, 30, 24, 28], row_gap=0)
    _prose(pdf, "Members are asked to note the progress made.")
    return pdf


def unruled_tables_with_cells_set_mid_row() -> FPDF:
    """fpdf2's own table, borders off, each cell set in the middle of its row: first with padding, so
    that gaps part the rows, then without, where only how the cells line up shows where a row ends."""
    from fpdf.fonts import FontFace

    pdf = _document()
    rows = [["Recommendation", "Response"],
            ["The Council should publish the number of empty homes in each ward every year.",
             "Accepted. The figures for 2024 were published in May 2025 and will be updated each spring."],
            ["Officers should review the charges for the collection of bulky waste.",
             "Rejected. Charges were reviewed in 2024 and will not change this year."],
            ["Members should be briefed on the housing strategy before it goes to Cabinet, with time to comment "
             "on the draft.", "Agreed."]]
    for title, padding in (("Ashcombe Council - responses to the Housing Panel", 2),
                           ("Ashcombe Council - responses to the Finance Panel", 0)):
        _prose(pdf, title)
        pdf.set_font("Helvetica", size=9)
        with pdf.table(col_widths=[80, 94], text_align="LEFT", line_height=4.6, first_row_as_headings=True,
                       headings_style=FontFace(emphasis="BOLD"), borders_layout="NONE", v_align="MIDDLE",
                       padding=padding) as table:
            for row in rows:
                cells = table.row()
                for value in row:
                    cells.cell(value)
        pdf.ln(8)
    return pdf


def main() -> None:
    for make in (unruled_recommendation_responses_with_verdicts, unruled_seven_column_action_tracker,
                 unruled_issue_response_table_crossing_a_page, unruled_tables_with_cells_set_mid_row,
                 unruled_status_tracker_crossing_a_page_under_its_header_repeated):
        make().output(str(HERE / f"{make.__name__}.pdf"))


if __name__ == "__main__":
    main()
