"""Regenerate the bordered-table regression PDFs in this folder, each named after what it checks.

The PDFs are committed, so the tests need nothing but minutemine; this script needs fpdf2
(`pip install fpdf2`) only when a PDF is to be changed or added:

    .venv/bin/python tests/pdfs/make_table_pdfs.py

fpdf2's `table()` wraps each cell's text as a word processor does (a word that does not fit
goes to the next line), so the wraps fall wherever the widths put them: after a full stop,
before a capital, inside a name.  One cell holds a list typed with line breaks, which must
stay a list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported only when run: pytest's doctest collection imports this file too
    from fpdf import FPDF

HERE = Path(__file__).resolve().parent


def titled_page(title: str) -> FPDF:
    """A new A4 document, its first page opening with `title` as a line of text."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, title)
    pdf.ln(2)
    return pdf


def _table(pdf: FPDF, rows: list[list[str]], widths: list[int], repeat_headings: int = 1) -> None:
    """A bordered table whose first row is its header, repeated on each new page unless `repeat_headings=0`."""
    from fpdf.fonts import FontFace

    pdf.set_font("Helvetica", size=9)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.6, first_row_as_headings=True,
                   headings_style=FontFace(emphasis="BOLD"), repeat_headings=repeat_headings) as table:
        for row in rows:
            cells = table.row()
            for value in row:
                cells.cell(value)


def bordered_table_cells_wrapping_at_sentence_ends() -> FPDF:
    pdf = titled_page("Table 1: Response to the recommendations")
    _table(pdf, [
        ["No.", "Recommendation", "Accepted / Partially accepted / Rejected", "Response", "Lead officer"],
        ["1", "Print the bus timetable in large type", "Accepted",
         "Large type timetables were printed in March 2025. Copies are kept at every library. "
         "Staff at the bus station hand them out on request.", "Head of Passenger Transport"],
        ["2", "Light the footpath to the station", "Partially accepted",
         "Officers will light the northern half by June 2025. The southern half crosses private land.",
         "Street Lighting Manager"],
    ], widths=[10, 38, 28, 70, 28])
    pdf.ln(4)
    pdf.multi_cell(0, 5, "Questions were received as follows:")
    pdf.ln(2)
    _table(pdf, [
        ["Ref No", "Name", "Title"],
        ["01 & 02", "Jo Bloggs", "Making the city centre accessible to everyone who uses a wheelchair"],
        ["03, 04 & 05", "Sam Smith", "03 - Bus gate signs\n04 - Bus gate fines\n05 - Bus gate hours"],
        ["06", "Ann Lee", "Traffic management, Mill Street"],
    ], widths=[16, 40, 118])
    return pdf


def main() -> None:
    for make in (bordered_table_cells_wrapping_at_sentence_ends,):
        make().output(str(HERE / f"{make.__name__}.pdf"))


if __name__ == "__main__":
    main()
