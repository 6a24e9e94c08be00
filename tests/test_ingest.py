"""Text ingest: encodings, line normalisation, offsets, and every kind of bad input.

Fixtures are tiny files under tests/data/ingest/, named after what they hold; the corpus
papers are the project's own copies under corpus/.
"""

from pathlib import Path

import pytest

from minutemine.ingest import decode_text, ingest_file

DATA = Path(__file__).resolve().parent / "data" / "ingest"

MINUTE_LINES = [
    "Cabinet minute 36",
    "",  # three blank lines in the source collapse to one
    "The Council agrees funding of £1.518m for 2018/19.",
    "The “Director” will report back.",
]


def assert_offsets_hold(doc):
    """Every body line is exactly where its offsets say in Document.text."""
    for line in doc.lines:
        if not line.furniture:
            assert doc.text[line.char_start:line.char_end] == line.text


@pytest.mark.parametrize("name", ["utf8.txt", "utf8_bom.txt", "cp1252.txt"])
def test_each_encoding_gives_the_same_lines_with_the_pound_sign(name):
    doc = ingest_file(DATA / name)
    assert doc.status == "ok", doc.error
    assert [line.text for line in doc.lines] == MINUTE_LINES
    assert doc.text == "\n".join(MINUTE_LINES)
    assert "\ufeff" not in doc.text  # the BOM is not text
    assert_offsets_hold(doc)


@pytest.mark.parametrize("name", ["utf8.txt", "utf8_bom.txt", "cp1252.txt"])
def test_source_offsets_point_at_the_line_in_the_decoded_file(name):
    source = decode_text((DATA / name).read_bytes())
    for line in ingest_file(DATA / name).lines:
        assert source[line.source_offset:].startswith(line.text), line


def test_source_offset_of_a_line_whose_first_word_moved_up_points_past_it():
    source = decode_text((DATA / "slide_bullets_and_spaces.txt").read_bytes())
    last = ingest_file(DATA / "slide_bullets_and_spaces.txt").lines[-1]
    assert source[last.source_offset:] == "starts in April.\n"


def test_slide_bullets_and_non_breaking_spaces_are_normalised():
    doc = ingest_file(DATA / "slide_bullets_and_spaces.txt")
    got = [(line.text, line.indent, line.bullet) for line in doc.lines]
    assert got == [
        ("Finance", 0, 0),
        ("Budget agreed", 1, 1),  # NBSP-dash-NBSP: a bullet, and a plain space inside
        ("£0.100m one-off cost", 3, 1),  # "•"
        ("", 0, 0),  # a run of three blank lines is one
        ("Business as Usual", 3, 1),  # "·"
        ("Political oversight", 3, 1),  # "o" before a capital
        ("ICT systems aligned", 0, 1),  # U+F0B7, the Symbol-font bullet of Word exports
        ("Training plan", 2, 2),  # "- o": a sub-bullet
        ("The implementation", 0, 0),  # "imple-" + "mentation" rejoined
        ("starts in April.", 0, 0),
    ]
    assert_offsets_hold(doc)


def test_every_corpus_text_paper_keeps_its_offsets(text_papers):
    assert len(text_papers) == 5
    for path in text_papers:
        doc = ingest_file(path)
        assert doc.status == "ok", (path, doc.error)
        assert doc.n_pages == 1 and all(line.page == 1 for line in doc.lines)
        assert_offsets_hold(doc)
        assert "\n\n\n" not in doc.text  # runs of blank lines collapsed


def test_plymouth_deck_bullets_keep_their_nesting(corpus_dir):
    doc = ingest_file(corpus_dir / "plymouth-2017-12-13-due-diligence-assurance-update.txt")
    assert any(line.bullet == 2 for line in doc.lines)  # "- o" sub-bullets
    assert all(not line.text.startswith(("- ", "• ", "· ")) for line in doc.lines)


@pytest.mark.parametrize("name, status, message", [
    ("empty.txt", "empty", "file is empty"),
    ("whitespace_only.txt", "empty", "file has no text (only whitespace)"),
    ("binary_junk.txt", "error", "file is binary, not text: is it really a text file?"),
    ("notes.docx", "error", "unsupported file type '.docx': minutemine reads .txt, .md and .pdf"),
])
def test_bad_text_input_gives_a_one_line_reason(name, status, message):
    doc = ingest_file(DATA / name)
    assert (doc.status, doc.error) == (status, message)
    assert doc.lines == [] and doc.text == ""
    assert doc.sha256 and doc.doc_id.startswith("d")


def test_file_over_the_size_limit_states_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Minutes\n" * 200_000, encoding="utf-8")  # 1.6 MB
    doc = ingest_file(big, max_bytes=1_000_000)
    assert doc.status == "error"
    assert doc.error == "file is 2 MB, over the 1 MB limit (--max-bytes)"


def test_missing_file_is_an_error_not_an_exception(tmp_path):
    doc = ingest_file(tmp_path / "nowhere.txt")
    assert doc.status == "error" and doc.error.startswith("cannot read file")


def test_undecodable_bytes_still_decode_regression_cp1252_undefined_byte():
    # 0x81 is undefined in cp1252: the fallback must not raise.
    text = decode_text("Minute £5".encode("cp1252") + b"\x81 agreed")
    assert "Minute" in text and "agreed" in text


def test_title_and_date_skip_web_page_boilerplate_regression_worcestershire(corpus_dir):
    # The first full date in the text is when Cabinet was to decide, not when the panel met:
    # the file name's year is all that is known.
    doc = ingest_file(corpus_dir / "worcestershire-2018-alternative-delivery-model-minute.txt")
    assert (doc.title, doc.body, doc.meeting_date) == (
        "Alternative Delivery Model", "Worcestershire County Council", "2018")


def test_a_reader_bug_becomes_an_error_row_not_an_exception(monkeypatch, corpus_dir):
    import minutemine.pdf

    def broken(*args, **kwargs):
        raise KeyError("page tree")

    monkeypatch.setattr(minutemine.pdf, "ingest_pdf", broken)
    doc = ingest_file(corpus_dir / "pdf" / "bristol-wpl-update-report-2025-05-15.pdf")
    assert (doc.status, doc.error) == ("error", "internal error while reading the file: KeyError: 'page tree'")


HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"


@pytest.mark.parametrize("paper, date, body", [
    # "Minutes of the meeting held on Wednesday, 22nd January, 2025 at County Hall, Wexcombe" is 83 characters
    ("wexcombe-2025-01-22-health-scrutiny-minutes.txt", "2025-01-22", "Wexcombe County Council"),
    # the council is named only as a heading in capitals; "The Council" later in the text is not a name
    ("harbridge-2025-07-16-cabinet-response-damp-mould.txt", "2025-07-16", "Harbridge District Council"),
    ("calderbrook-2025-02-10-cabinet-member-reply-libraries.txt", "2025-02-10",
     "Calderbrook Metropolitan Borough Council"),
])
def test_date_and_council_come_from_the_paper_when_the_file_name_has_neither_regression_renamed_download(
        tmp_path, paper, date, body):
    # Papers downloaded from council sites are often called "minutes.pdf" or "Printed minutes.txt".
    renamed = tmp_path / "Printed minutes.txt"
    renamed.write_bytes((HELDOUT / paper).read_bytes())
    doc = ingest_file(renamed)
    assert (doc.meeting_date, doc.body) == (date, body)
