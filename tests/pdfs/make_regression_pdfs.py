"""Regenerate the tiny regression PDFs in this folder, each named after what it checks.

The PDFs are committed, so the tests need nothing but minutemine; this script needs fpdf2
(`pip install fpdf2`) only when a PDF is to be changed or added:

    .venv/bin/python tests/pdfs/make_regression_pdfs.py

Layouts copy what the Bristol papers do: a marking and a footer in the page margins, a
sentence and a numbered paragraph that run on over a page break, and a ruled two-column
"Issue raised | Response" table whose cells wrap onto several lines at the same heights
(so a plain text layer interleaves the two columns line by line).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported only when run: pytest's doctest collection imports this file too
    from fpdf import FPDF

HERE = Path(__file__).resolve().parent
LEADING = 6  # mm between lines


def _new_pdf() -> FPDF:
    from fpdf import FPDF

    return FPDF(format="A4")


def _page(pdf: FPDF, number: int, total: int) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.text(95, 10, "OFFICIAL")
    pdf.text(90, 290, f"Page {number} of {total}")
    pdf.set_font("Helvetica", size=11)


def _lines(pdf: FPDF, y: float, lines: list[str], x: float = 20) -> float:
    for line in lines:
        pdf.text(x, y, line)
        y += LEADING
    return y


def hyphenated_words_and_page_breaks() -> FPDF:
    pdf = _new_pdf()
    pdf.set_creator("minutemine tests")
    _page(pdf, 1, 2)
    y = _lines(pdf, 30, ["Minutes of the Example Committee", "1. Progress report",
                         "1.1 Officers confirmed that the imple-",
                         "mentation of the scheme would begin in April and that the long-",
                         "term funding was agreed by the Cabinet."])
    y = _lines(pdf, 250, ["1.2 The Committee asked officers to report back on the",
                          "consultation before the summer"])
    _page(pdf, 2, 2)
    _lines(pdf, 30, ["recess, and officers agreed to do so.",
                     "1.3 The Chair thanked everyone for attending."])
    return pdf


def two_column_issue_response_table() -> FPDF:
    pdf = _new_pdf()
    _page(pdf, 1, 1)
    _lines(pdf, 30, ["Public forum questions and answers"])
    rows = [
        (["Issue raised"], ["Response"]),
        (["When will the bus gate on", "Anchor Road be reviewed?"],
         ["Officers will review the bus gate", "by March 2025 and report back", "to the Committee."]),
        (["Can the council publish the", "air quality data?"], ["Yes, the data will be published", "in the spring."]),
    ]
    left, middle, right = 20, 95, 190
    top = 40
    pdf.line(left, top, right, top)
    for issue, response in rows:
        height = LEADING * max(len(issue), len(response)) + 4
        _lines(pdf, top + 6, issue, x=left + 2)
        _lines(pdf, top + 6, response, x=middle + 2)
        for x in (left, middle, right):
            pdf.line(x, top, x, top + height)
        top += height
        pdf.line(left, top, right, top)
    _lines(pdf, top + 10, ["The Committee noted the answers."])
    return pdf


def scanned_page_without_text_layer() -> FPDF:
    from PIL import Image

    pdf = _new_pdf()
    pdf.add_page()
    scan = Image.new("L", (200, 100), color=255)
    for x in range(20, 180):  # a dark bar, as a scanned line of print would be
        for y in range(45, 55):
            scan.putpixel((x, y), 0)
    pdf.image(scan, x=20, y=20, w=170)
    return pdf


def encrypted_with_user_password() -> FPDF:
    pdf = _new_pdf()
    _page(pdf, 1, 1)
    _lines(pdf, 30, ["Confidential minutes"])
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    return pdf


def main() -> None:
    for make in (hyphenated_words_and_page_breaks, two_column_issue_response_table,
                 scanned_page_without_text_layer, encrypted_with_user_password):
        path = HERE / f"{make.__name__}.pdf"
        make().output(str(path))
        print(f"{path.name}: {path.stat().st_size} bytes")
    # A PDF cut off half-way, as an interrupted download leaves it.
    whole = (HERE / "two_column_issue_response_table.pdf").read_bytes()
    (HERE / "truncated_download.pdf").write_bytes(whole[: len(whole) // 2])


if __name__ == "__main__":
    main()
