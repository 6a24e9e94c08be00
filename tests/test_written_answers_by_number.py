"""Written answers published with a later meeting's papers, one heading per question ("Q1 - topic
(member for …)", "Question 2: topic"), answering the numbered questions of an earlier paper
(issue #4).  Regression tests on two tiny papers of our own (tests/data/written_answers/), run
through the whole pipeline, exact rows checked."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from minutemine.pipeline import Settings, run

PAPERS = Path(__file__).resolve().parent / "data" / "written_answers"
ASKING = "tollbury-2025-03-04-fire-authority-members-questions.txt"
ANSWERING = "tollbury-2025-06-17-fire-authority-answers-members-questions.txt"


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> dict[str, list[dict]]:
    """commitments.csv rows per paper file name."""
    out = tmp_path_factory.mktemp("out")
    run([PAPERS], out, Settings(workers=1, use_cache=False, quiet=True))
    paths = {r["doc_id"]: Path(r["source_path"]).name
             for r in csv.DictReader(open(out / "documents.csv", encoding="utf-8-sig"))}
    by_paper: dict[str, list[dict]] = {name: [] for name in paths.values()}
    for r in csv.DictReader(open(out / "commitments.csv", encoding="utf-8-sig")):
        by_paper[paths[r["doc_id"]]].append(r)
    return by_paper


def _texts_by_id(rows: dict[str, list[dict]]) -> dict[str, str]:
    return {r["commitment_id"]: r["text"] for paper in rows.values() for r in paper}


def test_answers_under_question_headings_with_no_cue_word_were_not_extracted(rows):
    """Regression: the prose under "Q1 - Retained crews (member for Northfield)" in a paper whose opening
    says it gives answers to written questions states facts with no cue word ("Twenty-three retained
    firefighters left in 2024.") and gave no row; the background above the first heading gives none, and
    "Question 2: Smoke alarms (…)" was read as a request of its own."""
    got = [(r["kind"], r["actor"], r["addressee"], r["text"]) for r in rows[ANSWERING]]
    assert got == [
        ("assurance", "Chief Fire Officer", "member for Northfield", "Twenty-three retained firefighters left in 2024."),
        ("assurance", "Chief Fire Officer", "member for Northfield",
         "There are 41 vacancies across the eleven retained stations today."),
        ("assurance", "Chief Fire Officer", "member for Kilby Marsh",
         "So far 1,260 alarms have been fitted in the homes of residents aged over 75."),
        ("assurance", "Chief Fire Officer", "member for Kilby Marsh",
         "The last of the money buys alarms for people who live alone."),
    ]


def test_written_answers_under_question_n_were_not_linked_to_question_n_of_the_earlier_paper(rows):
    """Regression: each answer under heading N answers question N of the March paper (its number, its
    wording, its earlier date), by the method `numbered`; question 3, not answered, stays outstanding."""
    texts = _texts_by_id(rows)
    got = [(r["text"][:24], texts.get(r["answers"], "")[:24], r["answer_method"]) for r in rows[ANSWERING]]
    assert got == [
        ("Twenty-three retained fi", "How many retained firefi", "numbered"),
        ("There are 41 vacancies a", "How many retained firefi", "numbered"),
        ("So far 1,260 alarms have", "The Authority approved £", "numbered"),
        ("The last of the money bu", "The Authority approved £", "numbered"),
    ]
    assert [(r["kind"], r["text"][:24], r["status"]) for r in rows[ASKING]] == [
        ("request", "How many retained firefi", "answered"),
        ("request", "The Authority approved £", "answered"),
        ("request", "When will the review of ", "outstanding"),
    ]


def test_a_paper_asking_for_written_answers_is_not_read_as_answering(tmp_path):
    """Regression guard: "… be requested to provide a written response to the following questions" asks;
    the prose under its numbered questions is not made answers."""
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "tollbury-2025-03-04-minutes.txt").write_text(
        "TOLLBURY FIRE AND RESCUE AUTHORITY\n\nMinutes of the meeting on 4 March 2025\n\n"
        "That the Chief Fire Officer be requested to provide a written response to the following questions.\n\n"
        "Q1 - Retained crews\n\nThe number of retained firefighters who left in 2024.\n\n"
        "Q2 - Smoke alarms\n\nThe number of alarms fitted so far.\n", encoding="utf-8")
    run([papers], tmp_path / "out", Settings(workers=1, use_cache=False, quiet=True))
    got = list(csv.DictReader(open(tmp_path / "out" / "commitments.csv", encoding="utf-8-sig")))
    assert not any(r["kind"] == "assurance" for r in got), [r["text"] for r in got]


def test_numbered_titles_answer_in_a_paper_of_written_answers_but_numbers_off_by_its_introduction_link_nothing_by_number(
        tmp_path):
    """Regression guard: under "2. Retained crews" / "3. Smoke alarms" (no "Q" headings) the prose is read as
    answers and the numbered "1. Introduction" as none; heading 2 answers question 1, so the numbers prove
    nothing and no answer is linked by number (the wording must agree with question N)."""
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / ASKING).write_text((PAPERS / ASKING).read_text(encoding="utf-8"), encoding="utf-8")
    (papers / "tollbury-2025-06-17-answers.txt").write_text(
        "TOLLBURY FIRE AND RESCUE AUTHORITY\n\nMeeting on 17 June 2025\n\n"
        "Item 5: Answers to Members' written questions from the meeting on 4 March 2025\n\n"
        "1. Introduction\n\nThree questions were received in March. The answers to the first two are given below.\n\n"
        "2. Retained crews\n\nTwenty-three retained firefighters left in 2024. There are 41 vacancies across the "
        "eleven retained stations today.\n\n"
        "3. Smoke alarms\n\nSo far 1,260 alarms have been fitted in the homes of residents aged over 75.\n",
        encoding="utf-8")
    run([papers], tmp_path / "out", Settings(workers=1, use_cache=False, quiet=True))
    got = list(csv.DictReader(open(tmp_path / "out" / "commitments.csv", encoding="utf-8-sig")))
    answers = [(r["kind"], r["text"]) for r in got if r["kind"] != "request"]
    assert answers == [
        ("assurance", "Twenty-three retained firefighters left in 2024."),
        ("assurance", "There are 41 vacancies across the eleven retained stations today."),
        ("assurance", "So far 1,260 alarms have been fitted in the homes of residents aged over 75."),
    ]
    assert not any(r["answer_method"] == "numbered" for r in got)
