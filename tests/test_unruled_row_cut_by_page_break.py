"""A table without ruling lines whose row the page break cuts mid-sentence in every cell, under a
running header ("OFFICIAL") set over the answer column (issue #4; the held-out Hallowmere response
table's layout).  The PDF is tests/data/unruled_page_break/ (made by its make_pdf.py), an invented
council's wording; the ingested rows are checked exactly."""

from __future__ import annotations

from pathlib import Path

from minutemine.ingest import ingest_file
from minutemine.pdf_answer_tables import carries_on

PDF = Path(__file__).resolve().parent / "data" / "unruled_page_break" / "unruled_row_cut_by_page_break.pdf"


def test_a_row_cut_mid_sentence_by_the_page_break_was_read_as_two_rows_with_the_running_header_in_a_cell():
    """Regression: the running header "OFFICIAL" at the top of page two, set where the answer column starts,
    was read as the rest of the cut row ("… and the last OFFICIAL"), and the rest of the row, whose first
    cell carries on the sentence ("tell its committee when …"), was read as a row of its own."""
    doc = ingest_file(PDF)
    rows = [line.text for line in doc.lines if line.table and not line.furniture]
    assert rows == [
        "Panel recommendation | Council response",
        "Recommendation 1: publish the opening hours of every library on one page. | Accepted. The hours of all "
        "nine libraries were put on one page in June.",
        "Recommendation 2: give each village hall that hosts a mobile library a key safe and tell its committee "
        "when the van will call. | Accepted. The library service bought fourteen key safes in August and the last "
        "two are being fitted this month.",
        "Recommendation 3: report the number of visits to each library every quarter. | Accepted. The first "
        "quarterly report will go to the Panel in January.",
    ]


def test_a_first_cell_that_opens_a_sentence_at_the_top_of_a_page_is_a_row_of_its_own():
    """Regression guard: only a cell that carries on an unfinished sentence is mended into the row above."""
    assert carries_on("Recommendation 2: give each hall a key safe and", "tell its committee when the van will call.")
    assert not carries_on("Recommendation 2: give each hall a key safe.", "Recommendation 3: report the visits.")
    assert not carries_on("Recommendation 2: give each hall a key safe and", "Recommendation 3: report the visits.")
