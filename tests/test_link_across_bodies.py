"""Restatements between papers of bodies not known to be one (issue #4, precision): tiny fixtures in our own
wording, then the real case that showed it (held-out set 5's chain crossing, checked there by
test_no_answer_leaves_its_chain)."""

from __future__ import annotations

from test_link import Paper, run

ROAD_SAFETY_ASK = "Members asked for a breakdown of the £4.1 million road safety fund by ward."


def _committee_and_board() -> tuple[Paper, Paper]:
    """Two bodies of one authority whose mastheads name no council (so neither paper has a body)."""
    committee = Paper("highways", "2025-03-10", body="")
    committee.add("7", "7. Road safety fund", "agenda_item")
    committee.add("7#2", ROAD_SAFETY_ASK, "paragraph", "request", parent="highways/7", actor="Members",
                  amounts_gbp=["4100000"])
    committee.add("8#1", "A member asked when the footbridge at Kelby station would reopen.", "paragraph", "request",
                  actor="Members")
    committee.add("9#1", "The Committee asked officers to report on the number of potholes repaired this winter.",
                  "paragraph", "request", actor="Members")
    board = Paper("board", "2025-05-22", body="")
    board.add("4", "4. Youth employment grant: allocations", "agenda_item")
    board.add("4#3", "Members asked for a breakdown by ward of the £4.1 million still to be allocated.",
                     "paragraph", "request", parent="board/4", actor="Members",
              amounts_gbp=["4100000"])
    board.add("5#1", "The Mayor asked whether the apprenticeship levy transfer would be renewed next year.",
              "paragraph", "request", actor="Members")
    board.add("6#1", "Members asked how many young people had completed the summer work placements.", "paragraph",
              "request", actor="Members")
    return committee, board


def test_another_bodys_alike_ask_on_another_topic_is_not_a_restatement():
    """Regression: a board's "breakdown by ward of the £4.1 million still to be allocated" (a grant of its own)
    was taken as a restatement of a committee's "breakdown of the £4.1 million road safety fund by ward": two
    papers with no known body, and the later names neither the committee nor its meeting."""
    linked, links = run(*_committee_and_board())
    assert linked["c:board/4#3"].answers == ""
    assert not [link for link in links if link.method == "restatement"]
    assert linked["c:highways/7#2"].status == "outstanding"


def test_an_actions_sheet_naming_the_meeting_still_restates_its_asks():
    """Guard: a later paper that names the earlier meeting's day (an actions sheet's "Meeting" column) takes up
    its asks, whatever the bodies."""
    committee, _ = _committee_and_board()
    sheet = Paper("actions", "2025-06-30", body="")
    sheet.add("1", "Actions agreed at the Committee's meeting on 10 March 2025 and progress on each.", "paragraph")
    sheet.add("2", "HC/25/04 | 10 Mar 2025 (min 7) | Circulate a breakdown by ward of the £4.1 million road safety "
                   "fund", "table_row", "request", amounts_gbp=["4100000"])
    linked, _ = run(committee, sheet)
    assert (linked["c:actions/2"].answers, linked["c:actions/2"].answer_method) == ("c:highways/7#2", "restatement")


def test_papers_of_one_known_council_restate_by_wording_alone():
    """Guard: the rule binds only papers not known to be of one council (the deck and the scrutiny minute are
    both Plymouth's and the deck names no meeting day)."""
    committee, board = _committee_and_board()
    for paper in (committee, board):
        paper.row = paper.row.model_copy(update={"body": "Kelby District Council"})
    board.commitments = [c.model_copy(update={"text": "Members asked again for a breakdown of the £4.1 million road "
                                                      "safety fund by ward."}) if c.commitment_id == "c:board/4#3" else c
                         for c in board.commitments]
    linked, _ = run(committee, board)
    assert linked["c:board/4#3"].answers == "c:highways/7#2"
