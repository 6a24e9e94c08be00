"""Regression tests for answers that cite the ask they answer by its place or number in a list (issue #4):
"the fifth recommendation will be considered once …", "Recommendation 2: Accepted".  Tiny fixtures in
wording of their own, then the real case (held-out Norrington scrutiny recommendations and Cabinet minute)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_link import Paper, run
from test_link_numbered import labelled

HELDOUT3 = Path(__file__).resolve().parent / "fixtures" / "heldout3"

PARKS_RECOMMENDATIONS = [
    "That the Council keep every park toilet open until 8 pm from May to August.",
    "That a ranger be appointed for each of the three country parks, funded from car park income.",
    "That the play area at Mill Green be replaced by March 2026.",
    "That an audit be commissioned of the tree planting contract awarded in 2022.",
]


def scrutiny_minute(date: str = "2025-03-04", kind: str = "recommendation") -> Paper:
    paper = Paper("panel", date, body="Ashby Borough Council")
    item = paper.add("12", "PARKS AND OPEN SPACES REVIEW", "agenda_item")
    lead_in = paper.add("12#1", "RESOLVED - That the following recommendations be made to the Executive:",
                        "paragraph", parent=item)
    for n, text in enumerate(PARKS_RECOMMENDATIONS, start=1):
        labelled(paper, f"12.{n}", f"{n}.", text, "recommendation", kind, parent=lead_in)
    return paper


def executive_minute(opening: str, replies: list[str], kind: str = "assurance") -> Paper:
    paper = Paper("executive", "2025-06-18", body="Ashby Borough Council")
    item = paper.add("31", "PARKS: RECOMMENDATIONS OF THE SCRUTINY PANEL", "agenda_item")
    paper.add("31#1", opening, "paragraph", parent=item)
    resolved = paper.add("31#2", "RESOLVED - That the recommendations be accepted, save that:", "paragraph",
                         parent=item)
    for n, text in enumerate(replies):
        labelled(paper, f"31.{'abc'[n]}", f"({'abc'[n]})", text, "recommendation", kind, parent=resolved)
    return paper


NAMES_THE_DAY = "The Executive Member presented the response to the recommendations made by the Scrutiny Panel " \
                "on 4 March 2025."
CITING = ["the fourth recommendation will be considered once the new grounds contract has been let, and in any "
          "case by December 2025;",
          "the second recommendation is not accepted, because car park income is committed to highway repairs."]


@pytest.mark.parametrize("shuffle", [None, 1, 2])
def test_an_answer_citing_the_fourth_recommendation_answers_the_fourth_entry_of_the_list_its_item_names(shuffle):
    """Regression: "(c) the fifth recommendation will be considered once the national private rented sector
    database has been launched" shares no words with the fifth recommendation ("an independent review be
    commissioned …") and was linked to nothing (held-out Norrington Cabinet minute); the minute names the day of
    the meeting that made the recommendations, and the ordinal says which one."""
    linked, _ = run(scrutiny_minute(), executive_minute(NAMES_THE_DAY, CITING), shuffle=shuffle)
    assert (linked["c:executive/31.a"].answers, linked["c:executive/31.a"].answer_method) == ("c:panel/12.4", "cited")
    assert (linked["c:executive/31.b"].answers, linked["c:executive/31.b"].answer_method) == ("c:panel/12.2", "cited")


def test_recommendation_n_accepted_answers_entry_n_of_the_list_the_paper_cites_in_its_opening():
    """A response report's "Recommendation 3: Accepted" names the list entry by number; the report's opening
    names the day of the panel's meeting."""
    linked, _ = run(scrutiny_minute(), executive_minute(NAMES_THE_DAY, ["Recommendation 3: Accepted."]))
    assert linked["c:executive/31.a"].answers == "c:panel/12.3"


def test_a_cited_entry_with_no_evidence_of_the_list_it_counts_in_links_by_number_to_nothing():
    """Regression guard: a single citation in a paper that names no earlier meeting could count in any list of
    the council's papers: it is left unlinked rather than guessed."""
    linked, _ = run(scrutiny_minute(), executive_minute("The Executive Member presented the response.",
                                                        ["Recommendation 3: Accepted."]))
    assert linked["c:executive/31.a"].answer_method != "cited"


def test_citations_whose_wording_agrees_with_the_list_find_it_without_a_named_day():
    """Two or more citations that each match their cited entry best by wording show which list they count in."""
    replies = ["the second recommendation is not accepted: a ranger for each country park cannot be funded from "
               "car park income;", "the third recommendation is accepted: the Mill Green play area will be "
               "replaced by March 2026."]
    linked, _ = run(scrutiny_minute(), executive_minute("The Executive Member presented the response.", replies))
    assert [linked[f"c:executive/31.{x}"].answers for x in "ab"] == ["c:panel/12.2", "c:panel/12.3"]


def test_a_list_of_a_later_paper_is_never_the_one_cited():
    """Regression guard: recommendations made after the answer was given cannot be what it cites."""
    linked, _ = run(scrutiny_minute(date="2025-09-01"), executive_minute(NAMES_THE_DAY, CITING))
    assert not any(c.answer_method == "cited" for c in linked.values())


def test_heldout_norrington_cabinet_cites_the_scrutiny_recommendations_by_place(tmp_path):
    """The held-out Norrington pair: Cabinet's "(a) the second …", "(b) the third …", "(c) the fifth
    recommendation …" answer the Overview and Scrutiny Committee's recommendations 2, 3 and 5."""
    import pandas as pd

    from minutemine.pipeline import Settings
    from minutemine.pipeline import run as run_pipeline

    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("norrington-2024-10-16-overview-scrutiny-committee-minutes.txt",
                 "norrington-2025-01-15-cabinet-minutes.txt"):
        (folder / name).write_bytes((HELDOUT3 / name).read_bytes())
    run_pipeline([folder], tmp_path / "out", Settings(workers=1, use_cache=False, quiet=True))
    commitments = pd.read_csv(tmp_path / "out" / "commitments.csv", dtype=str, keep_default_na=False)
    text_of = dict(zip(commitments.commitment_id, commitments.text))
    answered = {text[:10]: text_of.get(answers, "") for text, answers in zip(commitments.text, commitments.answers)
                if text.startswith("the ") and "recommendation" in text[:30]}
    assert answered["the second"].startswith("That the Council set up a dedicated private rented sector")
    assert answered["the third "].startswith("That any private tenant who reports disrepair")
    assert answered["the fifth "].startswith("That an independent review be commissioned")


def test_recommendation_c_counts_in_a_lettered_list_by_place():
    """A lettered list ("(a) That …", "(b) That …") is cited by letter ("Recommendation (c) is accepted") or by
    place; both count the list's entries in print order."""
    panel = Paper("panel", "2025-03-04", body="Ashby Borough Council")
    lead_in = panel.add("12", "RESOLVED - That the following recommendations be made to the Executive:", "paragraph")
    for n, text in enumerate(PARKS_RECOMMENDATIONS):
        labelled(panel, f"12.{'abcd'[n]}", f"({'abcd'[n]})", text, "recommendation", "recommendation",
                 parent=lead_in)
    linked, _ = run(panel, executive_minute(NAMES_THE_DAY, ["Recommendation (c) is accepted.",
                                                            "On the Panel's fourth recommendation, officers will "
                                                            "report in the autumn."]))
    assert [linked[f"c:executive/31.{x}"].answers for x in "ab"] == ["c:panel/12.c", "c:panel/12.d"]


def test_a_citation_counts_in_the_list_of_the_latest_meeting_of_the_committee_its_item_names():
    """An agenda item headed "Recommendations of the Parks Scrutiny Panel" that names no day cites the list of that
    panel's latest meeting before it; when that meeting made no numbered list, an older one is not guessed."""
    heading = "The Executive Member presented the response to the Parks Scrutiny Panel."
    panel = scrutiny_minute()
    panel.row = panel.row.model_copy(update={"title": "PARKS SCRUTINY PANEL"})
    linked, _ = run(panel, executive_minute(heading, ["Recommendation 3: Accepted."]))
    assert linked["c:executive/31.a"].answers == "c:panel/12.3"
    later = Paper("later", "2025-05-06", body="Ashby Borough Council")
    later.row = later.row.model_copy(update={"title": "PARKS SCRUTINY PANEL"})
    later.add("5", "The Panel noted the update on the play area at Mill Green.", "paragraph", "decision")
    linked, _ = run(panel, later, executive_minute(heading, ["Recommendation 3: Accepted."]))
    assert linked["c:executive/31.a"].answer_method != "cited"


def test_asks_a_save_that_decision_accepts_beyond_its_first_were_left_outstanding():
    """Regression: "RESOLVED - That the recommendations be accepted, save that: (a) the fourth … (b) the second …"
    accepts the first and third entries; `answers` holds one request (the first), and the third, listed in
    links.csv at rank 2, stayed `outstanding` (held-out Norrington Cabinet minute, where rec 4 is the second
    accepted).  A collective acceptance answers every ask it accepts: its `cited` links all count for status."""
    executive = Paper("executive", "2025-06-18", body="Ashby Borough Council")
    item = executive.add("31", "PARKS: RECOMMENDATIONS OF THE SCRUTINY PANEL", "agenda_item")
    executive.add("31#1", NAMES_THE_DAY, "paragraph", parent=item)
    resolved = executive.add("31#2", "RESOLVED - That the recommendations be accepted, save that:", "paragraph",
                             "decision", parent=item)
    for n, text in enumerate(CITING):
        labelled(executive, f"31.{'ab'[n]}", f"({'ab'[n]})", text, "recommendation", "assurance", parent=resolved)
    linked, links = run(scrutiny_minute(kind="request"), executive)
    decision = "c:executive/31#2"
    assert [(l.request_id, l.method, l.rank) for l in links if l.answer_id == decision] == [
        ("c:panel/12.1", "cited", 1), ("c:panel/12.3", "cited", 2)]
    assert linked[decision].answers == "c:panel/12.1"
    assert linked["c:panel/12.1"].status == "answered"
    assert linked["c:panel/12.3"].status == "answered"
