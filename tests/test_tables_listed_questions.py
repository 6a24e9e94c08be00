"""Public questions listed in a table, then taken up under a heading citing their numbers.

Bristol's minutes list the questions received ("01 & 02 | Melissa Topping | Making Bristol
the UK's most accessible city") and later record the replies under "Q1 & Q2 – Melissa
Topping".  The request is the listed question; the replies answer it; the same resident's
question at a later meeting is a new question, not a restatement of this one.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from minutemine.pipeline import Settings, run

BRISTOL = Path(__file__).resolve().parents[1] / "corpus" / "pdf"
MAY, OCTOBER = "bristol-tcpc-minutes-2025-05-15.pdf", "bristol-tcpc-minutes-2025-10-23.pdf"


@pytest.fixture(scope="module")
def commitments(tmp_path_factory) -> dict[str, dict[str, str]]:
    out = tmp_path_factory.mktemp("listed-out")
    run([BRISTOL / MAY, BRISTOL / OCTOBER], out, Settings(workers=1, use_cache=False, quiet=True))
    with open(out / "commitments.csv", encoding="utf-8-sig", newline="") as f:
        return {row["commitment_id"]: row for row in csv.DictReader(f)}


def find(commitments: dict[str, dict[str, str]], start: str) -> dict[str, str]:
    return next(row for row in commitments.values() if row["text"].startswith(start))


def test_replies_under_a_heading_answer_the_question_listed_earlier_regression_answers_linked_to_heading(
        commitments):
    request = find(commitments, "01 & 02 | Melissa Topping")
    assert (request["kind"], request["text"], request["actor"]) == (
        "request", "01 & 02 | Melissa Topping | Making Bristol the UK’s most accessible city", "Melissa Topping")
    assert request["page"] == "3"  # where the table lists it; the heading is on page 3 too, its replies on page 4
    reply = find(commitments, "The group would look into the publication of minutes")
    assert reply["answers"] == request["commitment_id"]
    assert not [row for row in commitments.values() if row["text"].startswith("Q1 & Q2")]


def test_a_residents_question_at_a_later_meeting_is_not_a_restatement_regression_same_name_restated(
        commitments):
    later = find(commitments, "26, 27, 28 | Melissa Topping")
    assert later["kind"] == "request" and later["answers"] == ""
    assert find(commitments, "41, 42,43 | David Redgewell")["answers"] == ""


def test_a_heading_whose_question_is_not_listed_stays_the_request():
    from minutemine.extract_forum import listed_row
    from minutemine.models import Line

    rows = [Line(text="03 | John Northam | Traffic management, Mogg Street", char_start=0, char_end=50)]
    assert listed_row(rows, "Q3 – John Northam", "John Northam", 100) is rows[0]
    assert listed_row(rows, "Q3 – John Northam", "John Northam", 0) is None  # listed after the heading
    assert listed_row(rows, "Q4 – John Northam", "John Northam", 100) is None  # another number
    assert listed_row(rows, "Q3 – Jane Northam", "Jane Northam", 100) is None  # another asker
