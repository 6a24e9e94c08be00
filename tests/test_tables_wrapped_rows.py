"""Bordered PDF tables whose cells wrap onto several lines: each row stays one row.

tests/pdfs/bordered_table_cells_wrapping_at_sentence_ends.pdf is made by
tests/pdfs/make_table_pdfs.py (its cells wrap after a full stop and before capitals, as a
word processor breaks them); the Bristol papers are the corpus's own.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from minutemine.ingest import ingest_file
from minutemine.pdf_cells import unwrap_cell
from minutemine.pipeline import Settings, run
from minutemine.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]
TABLE_PDF = ROOT / "tests" / "pdfs" / "bordered_table_cells_wrapping_at_sentence_ends.pdf"
BRISTOL = ROOT / "corpus" / "pdf"


def body_lines(path: Path) -> list[str]:
    return [line.text for line in ingest_file(path).lines if not line.furniture]


def test_rows_whose_cells_wrap_at_sentence_ends_are_one_line_each_golden():
    assert body_lines(TABLE_PDF) == [
        "Table 1: Response to the recommendations",
        # a table that answers ("Recommendation | … | Response") keeps every cell in its column
        "No. | Recommendation | Accepted / Partially accepted / Rejected | Response | Lead officer",
        "1 | Print the bus timetable in large type | Accepted | Large type timetables were printed in March 2025. "
        "Copies are kept at every library. Staff at the bus station hand them out on request. "
        "| Head of Passenger Transport",
        "2 | Light the footpath to the station | Partially accepted | Officers will light the northern half by "
        "June 2025. The southern half crosses private land. | Street Lighting Manager",
        "Questions were received as follows:",
        "Ref No | Name | Title",
        "01 & 02 | Jo Bloggs | Making the city centre accessible to everyone who uses a wheelchair",
        # a list typed into the last cell keeps one line per item, the first on the row's line
        "03, 04 & 05 | Sam Smith | 03 - Bus gate signs",
        "04 - Bus gate fines",
        "05 - Bus gate hours",
        "06 Ann Lee | Traffic management, Mill Street",
    ]


@pytest.fixture(scope="module")
def table_commitments(tmp_path_factory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("table-out")
    run([TABLE_PDF], out, Settings(workers=1, use_cache=False, quiet=True))
    with open(out / "commitments.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_response_cell_answers_the_recommendation_in_its_own_row_regression_response_split_from_row(
        table_commitments):
    by_id = {row["commitment_id"]: row for row in table_commitments}
    answer = next(row for row in table_commitments if row["text"].startswith("Officers will light the northern half"))
    request = by_id[answer["answers"]]
    assert (request["kind"], request["text"], answer["answer_method"]) == (
        "request", "Light the footpath to the station", "tree")


def test_verdict_header_and_officer_cells_are_not_commitments_regression_partially_accepted_as_assurance(
        table_commitments):
    texts = [row["text"] for row in table_commitments]
    for cell in ("Accepted", "Partially accepted", "Lead officer", "Street Lighting Manager", "Head of Passenger"):
        assert not [text for text in texts if text.startswith(cell)], cell


def test_listed_question_rows_are_table_rows_regression_name_and_title_as_two_paragraphs():
    doc = ingest_file(BRISTOL / "bristol-tcpc-minutes-2025-05-15.pdf")
    rows = {item.text: item.kind for item in segment_document(doc)}
    assert rows["01 & 02 | Melissa Topping | Making Bristol the UK’s most accessible city"] == "table_row"
    assert rows["09, 10 & 11 | Matt Sanders | East Bristol Liveable Neighbourhood bus gates"] == "table_row"
    assert "Making Bristol the UK’s most accessible city" not in rows


def test_form_field_cell_goes_in_front_of_its_value_regression_subject_bar():
    body = body_lines(BRISTOL / "bristol-tcpc-decisions-2024-09-12.pdf")
    assert "(a) Subject: 2024/25 P3 Finance Forecast Report - Transport & Connectivity (agenda item 11)" in body


def test_ampersand_ending_a_cell_line_joins_the_next_regression_word_boundary_before_ampersand():
    assert unwrap_cell(["01 &", "02"]) == ["01 & 02"]
    assert unwrap_cell(["06, 07", "& 08"]) == ["06, 07", "& 08"]  # by the words alone; geometry joins these
