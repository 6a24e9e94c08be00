"""Segmentation of two layouts the fourth held-out set met: an action log carried in minutes, one
record a line ("Minute 23(b): … - Completed: …", wrapped), and a wrapped sentence whose next line
opens on a quantity ("… will be to decide" / "90 per cent of applications …").  Each has a tiny
fixture in our own words and the held-out paper's case."""

from __future__ import annotations

from pathlib import Path

from minutemine.ingest import ingest_file
from minutemine.segment import segment_document
from test_segment import doc_from_text

HELDOUT4 = Path(__file__).resolve().parent / "fixtures" / "heldout4"

ACTION_LOG = """\
7. ACTIONS FROM THE LAST MEETING

Minute 4(a): a breakdown of fly-tipping reports by ward - Completed: sent to all members of the
Panel on 2 June 2025.

Action 5: a site visit to the depot - Ongoing: a date is being agreed with the
depot manager.

RESOLVED - That the action log be noted.
"""


def _items(doc):
    items = segment_document(doc)
    path_of = {it.item_id: it.label_path for it in items}
    return items, path_of


def test_action_log_line_was_taken_as_an_agenda_heading_fixture():
    items, path_of = _items(doc_from_text(ACTION_LOG))
    got = [(it.label_path, it.kind, path_of.get(it.parent_id, ""), it.text) for it in items]
    assert got == [
        ("7", "section", "", "ACTIONS FROM THE LAST MEETING"),
        ("7#1", "request", "7", "Minute 4(a): a breakdown of fly-tipping reports by ward"),
        ("7#1#1", "response", "7#1", "Completed: sent to all members of the Panel on 2 June 2025."),
        ("7#2", "request", "7", "Action 5: a site visit to the depot"),
        ("7#2#1", "response", "7#2", "Ongoing: a date is being agreed with the depot manager."),
        ("7#3", "paragraph", "7", "RESOLVED - That the action log be noted."),
    ]


def test_action_log_line_offsets_point_at_its_two_halves():
    doc = doc_from_text(ACTION_LOG)
    items, _ = _items(doc)
    by_text = {it.text.split(":")[0]: it for it in items}
    assert doc.text[by_text["Minute 4(a)"].char_start:by_text["Minute 4(a)"].char_end] == \
        "Minute 4(a): a breakdown of fly-tipping reports by ward"
    assert doc.text[by_text["Completed"].char_start:].startswith("Completed: sent to all members")


def test_minute_heading_without_a_verdict_is_still_an_agenda_item():
    items, _ = _items(doc_from_text("Minute 12: Treasury Management Strategy\n\nThe report was noted.\n"))
    assert [(it.kind, it.text) for it in items][:1] == [("agenda_item", "Minute 12: Treasury Management Strategy")]


def test_action_log_line_was_taken_as_an_agenda_heading_heldout4():
    items, path_of = _items(ingest_file(HELDOUT4 / "ellerby-2024-06-11-health-scrutiny-committee-minutes.txt"))
    log = [(it.kind, " ".join(it.text.split()[:3])) for it in items if path_of.get(it.parent_id, "").startswith("32")]
    assert log == [
        ("paragraph", "The Committee received"),
        ("request", "Minute 23(b): waiting"),
        ("response", "Completed: circulated to"),
        ("request", "Minute 23(c): the"),
        ("response", "Ongoing: the plan"),
        ("request", "Minute 23(d): visit"),
        ("response", "Completed: eight members"),
        ("request", "Minute 23(e): findings"),
        ("response", "Outstanding: the audit"),
        ("request", "Minute 23: written"),
        ("response", "Completed: the Director's"),
        ("paragraph", "RESOLVED - That"),
    ]
    answer = next(it for it in items if it.text.startswith("Completed: circulated"))
    assert answer.text == ("Completed: circulated to members on 3 May 2024. The longest average wait was 19 weeks, "
                           "in the Dales locality.")


QUANTITY_WRAP = """\
Response: Accepted in part.
The depot cannot take more vehicles before the lease ends next year, so a full move is not possible. We will move
61 routes to the new depot by September and report the savings to the Committee.
Lead officer: Head of Fleet
"""


def test_wrapped_line_opening_on_a_quantity_was_cut_into_two_items_fixture():
    items, _ = _items(doc_from_text(QUANTITY_WRAP))
    assert [it.text[:45] for it in items] == [
        "Response: Accepted in part.",
        "The depot cannot take more vehicles before th",
        "Lead officer: Head of Fleet",
    ]
    assert items[1].text.endswith("We will move 61 routes to the new depot by September and report the savings to the "
                                  "Committee.")


def test_short_line_over_a_quantity_is_not_joined_to_it():
    items, _ = _items(doc_from_text("Routes re-tendered\n61 routes were re-tendered in 2024.\n"))
    assert [it.text for it in items][-1] == "61 routes were re-tendered in 2024."


def test_wrapped_line_opening_on_a_quantity_was_cut_into_two_items_heldout4():
    items, _ = _items(ingest_file(HELDOUT4 / "brackenford-2024-07-10-executive-response-school-transport.txt"))
    holding = [it.text for it in items if "90 per cent of applications" in it.text]
    assert len(holding) == 1 and "The aim will be to decide 90 per cent of applications received by 31 May" in holding[0]
