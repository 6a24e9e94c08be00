"""PDF ingest on the nine Bristol papers and on regression PDFs named after what they check.

tests/pdfs/*.pdf are made by tests/pdfs/make_regression_pdfs.py (fpdf2, only to regenerate).
"""

from pathlib import Path

import pytest

from minutemine.ingest import ingest_file

PDFS = Path(__file__).resolve().parent / "pdfs"
ROOT = Path(__file__).resolve().parents[1]
BRISTOL = ROOT / "corpus" / "pdf"


@pytest.fixture(scope="module")
def bristol():
    """Every Bristol PDF ingested once: {file stem: Document}."""
    return {path.stem: ingest_file(path) for path in sorted(BRISTOL.glob("*.pdf"))}


def body_lines(doc):
    return [line.text for line in doc.lines if not line.furniture]


# --- the Bristol papers -------------------------------------------------------------------

def test_all_nine_bristol_pdfs_ingest_with_offsets_and_page_numbers(bristol):
    assert len(bristol) == 9
    for name, doc in bristol.items():
        assert doc.status == "ok", (name, doc.error)
        assert doc.body == "Bristol City Council"
        assert doc.meeting_date == name[-10:]
        pages = [line.page for line in doc.lines]
        assert pages == sorted(pages) and 1 <= pages[0] and pages[-1] <= doc.n_pages
        for line in doc.lines:
            if not line.furniture:
                assert doc.text[line.char_start:line.char_end] == line.text
            assert "\ufffe" not in line.text and "\x02" not in line.text


def test_running_footer_email_is_furniture_never_body_text(bristol):
    for name in ("bristol-tcpc-minutes-2024-09-12", "bristol-tcpc-decisions-2025-10-23"):
        doc = bristol[name]
        assert doc.furniture == ["policycommittees@bristol.gov.uk"]
        assert "policycommittees@bristol.gov.uk" not in doc.text


def test_official_marking_version_line_and_page_numbers_are_furniture(bristol):
    doc = bristol["bristol-wpl-committee-report-2024-09-12"]
    assert {"OFFICIAL", "Version January 2024", "1", "7"} <= set(doc.furniture)
    body = body_lines(doc)
    assert "OFFICIAL" not in body and "Version January 2024" not in body
    assert not [text for text in body if text.isdigit()]  # no page number left in the body
    update = bristol["bristol-wpl-update-report-2026-03-19"]
    assert update.furniture == ["Template approved March 25", "OFFICIAL"]


def test_body_lines_repeated_on_every_form_page_stay_body_regression_decision_form(bristol):
    # "As set out in the report." ends each of the ten decision forms; "Deadline for Escalation
    # Panel referral ..." sits near the top of five of them, just below the margin.
    doc = bristol["bristol-tcpc-decisions-2025-10-23"]
    body = body_lines(doc)
    assert body.count("As set out in the report.") == 10
    assert body.count("Deadline for Escalation Panel referral 30 October 2025") == 5


def test_text_flows_over_the_page_break_without_furniture_between(bristol):
    doc = bristol["bristol-tcpc-minutes-2024-09-12"]
    assert ("another to be installed on 23 September.\n"
            "With reference to reminder letters sent regarding fines imposed") in doc.text


def test_lines_carry_their_page_number(bristol):
    doc = bristol["bristol-tcpc-minutes-2025-10-23"]
    page_of = {line.text: line.page for line in doc.lines}
    assert page_of["7 Urgent item - Petition debate: Stop Southville Roadblocks!"] == 7
    assert page_of["Meeting ended at 8.30 pm"] == 15
    assert page_of["policycommittees@bristol.gov.uk"] in range(2, 16)


def test_pdfium_line_end_hyphens_become_real_hyphens(bristol):
    # pdfium joins "in-"/"line" itself and marks the hyphen U+FFFE (\x02 inside a table cell).
    assert "Professor Albert Sanchez-Graells" in bristol["bristol-tcpc-minutes-2026-03-19"].text
    decisions = bristol["bristol-tcpc-decisions-2025-10-23"].text
    assert "to award the project, in-line with the" in decisions


def test_hyphen_at_a_line_end_inside_a_table_cell_keeps_the_compound_regression_in_line(bristol):
    # "in-" ends a line inside the decision form's cell; the cell's lines are joined back.
    assert ("necessary for the implementation of Stage 1 of the WPL, in-line with the procurement routes"
            in bristol["bristol-tcpc-decisions-2024-09-12"].text)


def test_year_range_broken_at_the_line_end_is_rejoined_with_its_hyphen(bristol):
    assert "taken as at Quarter 1 2024-2025." in bristol["bristol-tcpc-minutes-2024-09-12"].text


def test_question_table_rows_do_not_interleave_columns(bristol):
    doc = bristol["bristol-tcpc-minutes-2026-03-19"]
    body = body_lines(doc)
    assert not [text for text in body if "Teri Bramah 60" in text or "Can Bcc" in text and " | " not in text
                and text.index("Can Bcc") < 10]  # pdfium's own line runs the name into the question
    # the row is one line, its cells kept apart; its question goes on over the page break
    i = body.index("60,61, & 62 | Teri Bramah | 60- Can Bcc divulge the level of support for vs opposition "
                   "against the SBLN, in the recent Autumn")
    assert body[i + 1] == "25 consultation survey? And if not now, then when?"
    # a last cell holding a list: its first item ends the row's line, one line per further item
    j = body.index("04, 05 & 06 | Jan Ratcliffe | 04 – Residential sacrifice streets are unfair on those residents")
    assert body[j + 1:j + 3] == ["05 – Community street parties and roads selected for main routes",
                                 "06 - What steps are being planned for worst case scenarios congestion"]


def test_one_line_table_rows_come_out_as_cells_joined_by_bars(bristol):
    body = body_lines(bristol["bristol-tcpc-minutes-2025-05-15"])
    assert "07 Imogen Griffin | Bus Gate at Pile Marsh" in body
    decisions = body_lines(bristol["bristol-tcpc-decisions-2025-10-23"])
    assert decisions.count("(b) Ward:") == 10


def test_word_highlight_boxes_are_not_taken_for_a_table_regression_minutes_page_11(bristol):
    body = body_lines(bristol["bristol-tcpc-minutes-2024-09-12"])
    assert ("1. That the Committee for Transport and Connectivity notes the report and further details "
            "supplied") in body


def test_form_field_boxes_are_not_split_into_cells_regression_report_cover(bristol):
    body = body_lines(bristol["bristol-wpl-committee-report-2024-09-12"])
    assert body[:4] == ["Committee Report", "PURPOSE: Final Decision Report",
                        "KEY OR NON-KEY DECISION: Key decision over £500k spend/save & impacts more than 2 wards",
                        "COMMITTEE: Transport and Connectivity Committee"]


# --- regression PDFs ----------------------------------------------------------------------

def test_hyphenated_words_and_page_breaks_golden():
    doc = ingest_file(PDFS / "hyphenated_words_and_page_breaks.pdf")
    assert [(line.page, line.furniture, line.text) for line in doc.lines] == [
        (1, True, "OFFICIAL"),
        (1, True, "Page 1 of 2"),
        (1, False, "Minutes of the Example Committee"),
        (1, False, "1. Progress report"),
        (1, False, "1.1 Officers confirmed that the implementation"),
        (1, False, "of the scheme would begin in April and that the long-term"),
        (1, False, "funding was agreed by the Cabinet."),
        (1, False, "1.2 The Committee asked officers to report back on the"),
        (1, False, "consultation before the summer"),
        (2, True, "OFFICIAL"),
        (2, True, "Page 2 of 2"),
        (2, False, "recess, and officers agreed to do so."),
        (2, False, "1.3 The Chair thanked everyone for attending."),
    ]
    assert doc.furniture == ["OFFICIAL", "Page 1 of 2", "Page 2 of 2"]
    assert "summer\nrecess, and" in doc.text


def test_two_column_issue_response_table_golden():
    doc = ingest_file(PDFS / "two_column_issue_response_table.pdf")
    assert body_lines(doc) == [
        "Public forum questions and answers",
        "Issue raised | Response",
        "When will the bus gate on Anchor Road be reviewed? | Officers will review the bus gate by March 2025 "
        "and report back to the Committee.",
        "Can the council publish the air quality data? | Yes, the data will be published in the spring.",
        "The Committee noted the answers.",
    ]


def test_timetable_cells_that_only_wrap_come_out_as_one_row_line(bristol):
    body = body_lines(bristol["bristol-wpl-update-report-2026-03-19"])
    i = body.index("Stage | Date | Revised date")
    assert body[i + 1:i + 3] == [
        "Supporting studies and information | April to Sept 2025 | Complete",
        "Surveys and data collection | October to November 2025 | November to early March 2026"]


@pytest.mark.parametrize("name, status, message", [
    ("encrypted_with_user_password.pdf", "error",
     "PDF is encrypted (password-protected): save an unprotected copy first"),
    ("scanned_page_without_text_layer.pdf", "error", "PDF has no text layer (scanned?): OCR it first"),
    ("truncated_download.pdf", "error", "not a readable PDF (damaged, truncated or not a PDF at all)"),
])
def test_bad_pdf_gives_a_one_line_reason(name, status, message):
    doc = ingest_file(PDFS / name)
    assert (doc.status, doc.error) == (status, message)
    assert doc.format == "pdf" and doc.lines == []


def test_junk_bytes_named_pdf_and_an_empty_pdf_file(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    doc = ingest_file(junk)
    assert (doc.status, doc.error) == ("error", "not a readable PDF (damaged, truncated or not a PDF at all)")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert (ingest_file(empty).status, ingest_file(empty).error) == ("empty", "file is empty")


def test_blank_pages_are_empty_not_scanned(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    path = tmp_path / "blank.pdf"
    pdf.save(path)
    doc = ingest_file(path)
    assert (doc.status, doc.error, doc.n_pages) == ("empty", "PDF has no text on any page", 1)


def test_pdf_over_the_page_limit_states_the_limit():
    doc = ingest_file(BRISTOL / "bristol-wpl-update-report-2025-05-15.pdf", max_pages=3)
    assert (doc.status, doc.n_pages) == ("error", 6)
    assert doc.error == "PDF has 6 pages, over the limit of 3 (--max-pages)"


def test_titles_are_the_papers_own_not_the_council_boilerplate(bristol):
    titles = {name: doc.title for name, doc in bristol.items()}
    assert titles["bristol-wpl-committee-report-2024-09-12"] == "Workplace Parking Levy"
    assert titles["bristol-wpl-update-report-2026-03-19"] == "Workplace Parking Levy Update"
    assert titles["bristol-tcpc-minutes-2024-09-12"] == "Minutes of the Transport and Connectivity Policy Committee"
    assert titles["bristol-tcpc-decisions-2024-09-12"] == (
        "Decision determined at Transport and Connectivity Policy Committee")
    assert "Bristol City Council" not in titles.values()
