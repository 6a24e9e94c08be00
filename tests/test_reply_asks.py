"""Regression tests: a paper that asks under an 'Information requested' heading, and asks alike
about different sums (issue #4; both found by the second held-out set)."""

from __future__ import annotations

import csv
from pathlib import Path

from minutemine.pipeline import Settings, run

REVIEW = """HARTWELL BOROUGH COUNCIL

SCRUTINY REVIEW OF HOME TO SCHOOL TRANSPORT – 8 OCTOBER 2024

4. INFORMATION REQUESTED BY THE GROUP

4.1 The Group would like to know how many appeals against a refusal of transport were received
in 2023/24.

4.2 The Group requests a breakdown of spending on taxis in 2023/24 by district.
"""

HELDOUT2 = Path(__file__).resolve().parent / "fixtures" / "heldout2"


def _commitments(tmp_path: Path, papers: dict[str, str]) -> list[dict[str, str]]:
    for name, text in papers.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run([tmp_path], out, Settings(use_cache=False, quiet=True))
    with open(out / "commitments.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_asks_under_an_information_requested_heading_stay_requests_regression_review_asks_read_as_answers(tmp_path):
    rows = _commitments(tmp_path, {"hartwell-2024-10-08-review.txt": REVIEW})
    kinds = {r["text"][:40]: r["kind"] for r in rows if "The Group" in r["text"]}
    assert kinds == {"The Group would like to know how many ap": "request",
                     "The Group requests a breakdown of spendi": "request"}


def test_asks_about_different_sums_do_not_restate_each_other_regression_licensing_fines(tmp_path):
    # Two committees of one council, both asking "would like to know how the £… was spent".
    papers = {name: (HELDOUT2 / name).read_text(encoding="utf-8") for name in (
        "ashmere-2024-09-17-communities-scrutiny-minutes.txt", "ashmere-2024-11-26-licensing-committee-minutes.txt")}
    rows = _commitments(tmp_path, papers)
    ask = next(r for r in rows if "£12,000" in r["text"] and r["kind"] == "request")
    assert ask["answers"] == "" and ask["answer_method"] == ""


TRACKER = """HARTWELL BOROUGH COUNCIL

ACTION TRACKER – INFORMATION REQUESTED BY THE COMMITTEE

Ref: 12/1
Information requested: How many fixed penalty notices were issued in 2023/24
Officer: Head of Environmental Services
Update: 210 fixed penalty notices were issued in 2023/24.
Status: Complete

Ref: 12/2
Information requested: Assurance that the broken bins in the park have been replaced
Officer: Parks Manager
Update: Four of the six bins were replaced in October. The other two are due to be fitted in March.
Status: In progress
"""


def test_a_trackers_update_field_answers_its_record_regression_action_tracker_updates(tmp_path):
    rows = _commitments(tmp_path, {"hartwell-2025-01-14-tracker.txt": TRACKER})
    kinds = [(r["kind"], r["text"]) for r in rows if not r["text"].startswith(("ACTION TRACKER", "Information"))]
    # the update field is one answer, like a bullet or a table cell (it nests under its record's ask)
    assert kinds == [("assurance", "Update: 210 fixed penalty notices were issued in 2023/24."),
                     ("assurance", "Update: Four of the six bins were replaced in October. The other two are due to "
                                   "be fitted in March.")]


def test_an_ask_with_also_between_would_and_like_is_a_request_regression_would_also_like_to_receive(tmp_path):
    paper = REVIEW.replace("4.2 The Group requests", "4.2 The Group would also like to receive")
    rows = _commitments(tmp_path, {"hartwell-2024-10-08-review.txt": paper})
    assert [(r["kind"], r["text"][:45]) for r in rows if "The Group" in r["text"]] == [
        ("request", "The Group would like to know how many appeals"),
        ("request", "The Group would also like to receive a breakd")]
