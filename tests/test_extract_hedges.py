"""Hedges, replies after a concern, reported decisions and passive undertakings (issue #4): regression tests
with a tiny paper each and the real corpus line that showed the miss."""

from __future__ import annotations

from pathlib import Path

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.segment import segment_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

MINUTES = """ASHBY BOROUGH COUNCIL

MINUTES of a meeting of the PLACE SCRUTINY PANEL held on Tuesday 4 February 2025 at 6.00 pm

12. MARKET SQUARE RESURFACING

The following points were made in discussion:

- Concerns were raised about access for blue badge holders during the works. This could be covered in the
traffic management plan, which is scheduled to be presented to the Panel in June.
"""


def rows_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = ingest_file(path)
    return [(c.kind, c.text) for c in extract_commitments([(doc, segment_document(doc))])[0]]


def test_regression_a_hedge_does_not_take_away_an_undertaking_in_a_later_which_clause(tmp_path: Path) -> None:
    """"could" took away every undertaking of its sentence, so "…, which is scheduled to be presented to
    the Committee" (the officers' reply to a concern) was not extracted at all."""
    rows = rows_of(tmp_path, "ashby-2025-02-04-place-scrutiny-minutes.txt", MINUTES)
    assert rows == [
        ("request", "Concerns were raised about access for blue badge holders during the works."),
        # minuted right after the concern, in the same point: the reply to it
        ("assurance", "This could be covered in the traffic management plan, which is scheduled to be presented to "
                      "the Panel in June."),
    ]
    hedged_only = rows_of(tmp_path, "ashby-2025-02-04-place-scrutiny-minutes.txt", MINUTES.replace(
        ", which is scheduled to be presented to the Panel in June.", " when it is next reviewed."))
    assert [kind for kind, _ in hedged_only] == ["request"]


def test_regression_the_bus_gate_reply_in_the_real_minutes_is_an_assurance() -> None:
    doc = ingest_file(CORPUS / "pdf" / "bristol-tcpc-minutes-2025-10-23.pdf")
    rows = extract_commitments([(doc, segment_document(doc))])[0]
    reply = [c for c in rows if "Bus Gate Exemption Policy, which is scheduled" in c.text]
    assert [c.kind for c in reply] == ["assurance"]


def test_regression_a_decision_reported_as_taken_is_a_decision(tmp_path: Path) -> None:
    text = ("ASHBY BOROUGH COUNCIL\n\nPARTNERSHIP UPDATE FOR SCHOOLS FORUM\n\n3. PROGRESS\n\n"
            "3.1 A formal decision was taken by the Council at its meeting on 4 March 2025 to join the partnership.\n")
    assert rows_of(tmp_path, "ashby-2025-05-01-partnership-update.txt", text) == [
        ("decision", "A formal decision was taken by the Council at its meeting on 4 March 2025 to join the partnership.")]


def test_regression_a_procedural_sentence_does_not_silence_the_rest_of_its_paragraph(tmp_path: Path) -> None:
    """Torbay's 2.5 closes with "It should be noted that …" (procedure), which took away the cues of the
    whole numbered paragraph, so "This recommendation was subsequently accepted by the Minister …" was lost."""
    text = ("ASHBY BOROUGH COUNCIL\n\nPARTNERSHIP UPDATE FOR SCHOOLS FORUM\n\n2. BACKGROUND\n\n"
            "2.1 The review panel's proposal was accepted by the Secretary of State in June 2024. It should be noted "
            "that the proposal covers all early years services.\n")
    assert rows_of(tmp_path, "ashby-2025-05-01-partnership-update.txt", text) == [
        ("decision", "The review panel's proposal was accepted by the Secretary of State in June 2024.")]
    doc = ingest_file(CORPUS / "torbay-2018-01-10-schools-forum-partnership-update.txt")
    rows = extract_commitments([(doc, segment_document(doc))])[0]
    assert [c.kind for c in rows if c.text.startswith("This recommendation was subsequently accepted")] == ["decision"]


def test_regression_an_undertaking_worded_will_be_undertaken_or_given_is_an_action(tmp_path: Path) -> None:
    """"Full Equalities impacts will be undertaken …" (Bristol WPL report) was dropped as description: the
    passive participles ending "-en" ("undertaken", "given", "written") were not read as undertakings."""
    text = ("ASHBY BOROUGH COUNCIL\n\nCOMMITTEE REPORT: PARKING STRATEGY\n\n5. NEXT STEPS\n\n"
            "5.1 A full traffic survey will be undertaken before any scheme is designed.\n")
    assert rows_of(tmp_path, "ashby-2025-05-01-parking-strategy-report.txt", text) == [
        ("action", "A full traffic survey will be undertaken before any scheme is designed.")]
    doc = ingest_file(CORPUS / "pdf" / "bristol-wpl-committee-report-2024-09-12.pdf")
    rows = extract_commitments([(doc, segment_document(doc))])[0]
    assert [c.kind for c in rows if c.text.startswith("Full Equalities impacts will be undertaken")] == ["action"]
