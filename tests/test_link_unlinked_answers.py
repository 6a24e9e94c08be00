"""Regression tests for answers held-out papers showed unlinked (issue #4): a decision accepting a list of
recommendations "save that" some it names, the body asked telling of doing (or agreeing to do) what it was
asked, and an action tracker's "Update:" under its record's "Officer:" field.  Tiny fixtures in wording of their own; the held-out papers themselves are judged in test_link_heldout3.py."""

from __future__ import annotations

from test_link import Paper, run
from test_link_cited import NAMES_THE_DAY, scrutiny_minute
from test_link_numbered import labelled


def executive_resolving(resolution: str, replies: list[str]) -> Paper:
    """An Executive minute: the response's opening, a resolution (a decision) and its lettered items."""
    paper = Paper("executive", "2025-06-18", body="Ashby Borough Council")
    item = paper.add("31", "PARKS: RECOMMENDATIONS OF THE SCRUTINY PANEL", "agenda_item")
    paper.add("31#1", NAMES_THE_DAY, "paragraph", parent=item)
    resolved = paper.add("31#2", resolution, "paragraph", "decision", parent=item)
    for n, text in enumerate(replies):
        labelled(paper, f"31.{'abc'[n]}", f"({'abc'[n]})", text, "recommendation", "assurance", parent=resolved)
    return paper


SAVE_THAT = "RESOLVED - That the recommendations of the Scrutiny Panel be accepted, save that:"
CITING = ["the fourth recommendation will be considered once the new grounds contract has been let;",
          "the second recommendation is not accepted, because car park income is committed to highway repairs."]


def test_a_save_that_decision_was_linked_to_none_of_the_recommendations_it_accepts():
    """Regression: Cabinet's "RESOLVED - That the recommendations … be accepted, save that:" over "(a) the second
    recommendation is not accepted …" (held-out Norrington minute) accepts every entry its items do not name, but
    answered nothing.  It answers the first entry it accepts; links.csv lists the others after it, in order."""
    linked, links = run(scrutiny_minute(), executive_resolving(SAVE_THAT, CITING))
    decision = linked["c:executive/31#2"]
    assert (decision.answers, decision.answer_method) == ("c:panel/12.1", "cited")
    assert [(link.request_id, link.rank) for link in links if link.answer_id == "c:executive/31#2"] == [
        ("c:panel/12.1", 1), ("c:panel/12.3", 2)]
    assert linked["c:panel/12.1"].status != "outstanding"


def test_a_save_that_decision_over_an_item_that_cites_no_entry_accepts_nothing_known():
    """Regression guard: when an item under the decision cites no entry ("(b) the Panel be thanked"), which list
    "the recommendations" are is not shown by all of its items: the decision is left unlinked."""
    linked, _ = run(scrutiny_minute(), executive_resolving(SAVE_THAT, [CITING[0], "the Panel be thanked for its work."]))
    assert linked["c:executive/31#2"].answers == ""


def test_a_decision_that_does_not_accept_the_rest_answers_none_of_the_uncited_entries():
    """Regression guard: "That the following responses be sent:" over citing items accepts nothing by itself."""
    linked, _ = run(scrutiny_minute(), executive_resolving("RESOLVED - That the following responses be sent:", CITING))
    assert linked["c:executive/31#2"].answers == ""


def council_minute() -> Paper:
    paper = Paper("council", "2025-02-20", body="Ashby Borough Council")
    item = paper.add("14", "PETITIONS", "agenda_item")
    paper.add("14#1", "Residents presented a petition asking the Council to keep Mill Green library open on "
                      "Saturdays.", "paragraph", parent=item)
    paper.add("14#2", "Members invited the Cabinet Member to meet the residents at the library before the Executive "
                      "decided on the opening hours.", "paragraph", "request", parent=item,
              actor="Members", addressee="Cabinet Member")
    return paper


def test_agreeing_to_what_was_just_asked_was_not_read_as_the_reply():
    """Regression: "Members invited the Cabinet Member to meet the petitioners at the pool" then "The Cabinet Member
    agreed to meet them at the pool in July" (held-out Pellbury council minute) left the reply unlinked."""
    paper = council_minute()
    paper.add("14#3", "The Cabinet Member agreed to meet them at the library in March.", "paragraph", "assurance",
              parent="council/14", actor="Cabinet Member")
    linked, _ = run(paper)
    assert (linked["c:council/14#3"].answers, linked["c:council/14#3"].answer_method) == ("c:council/14#2", "sequence")


def response_report(actor: str) -> Paper:
    paper = Paper("response", "2025-07-10", body="Ashby Borough Council")
    paper.add("1.1", "At its meeting on 20 February 2025 the Council received a petition about Mill Green library "
                     "and referred it to the Executive.", "paragraph")
    section = paper.add("3", "3. BACKGROUND", "section")
    paper.add("3.1", "The library had 41,000 visits in 2024/25.", "paragraph", "assurance", parent=section)
    paper.add("3.2", f"The {actor} met the lead petitioner and six residents at the library on 12 March 2025.",
              "paragraph", "assurance", parent=section, actor=actor)
    return paper


def test_the_body_asked_telling_it_did_the_asked_action_answers_the_ask_in_another_paper():
    """Regression: the Cabinet Member's response report's "The Cabinet Member met the lead petitioner and four
    members … at the pool" (held-out Pellbury) scored just under the threshold against "Members invited the
    Cabinet Member to meet the petitioners at the pool": that the one asked did the very thing asked is evidence."""
    linked, _ = run(council_minute(), response_report("Cabinet Member"))
    assert linked["c:response/3.2"].answers == "c:council/14#2"


def test_someone_else_doing_the_asked_action_is_not_the_answer_of_the_one_asked():
    """Regression guard: the same sentence with another body meeting them is not the Cabinet Member's answer."""
    linked, _ = run(council_minute(), response_report("Head of Libraries"))
    assert linked["c:response/3.2"].answers == ""


def action_tracker(fields_between: list[str]) -> Paper:
    """A briefing note's action tracker: one record of fields, its update after the officer's name."""
    paper = Paper("tracker", "2025-04-08", body="Ashby Borough Council")
    section = paper.add("Action tracker", "Action tracker", "section")
    paper.add("Action tracker#1", "Ref: 14(c)", "paragraph", parent=section)
    paper.add("Action tracker#2", "Information requested: How the £40,000 litter grant was spent", "paragraph",
              "request", parent=section)
    for n, text in enumerate(fields_between, start=3):
        paper.add(f"Action tracker#{n}", text, "paragraph", parent=section)
    paper.add("Action tracker#9", "Update: £25,000 was spent on new litter bins and £15,000 on two street cleaners.",
              "paragraph", "assurance", parent=section)
    return paper


def test_a_tracker_update_after_an_officer_field_was_linked_to_nothing():
    """Regression: an action tracker's "Update: £96,000 was spent on lighting …" under "Information requested: How the
    Safer Streets grant was spent" and "Officer: Community Safety Manager" (held-out Ashmere tracker) was linked to
    nothing: the officer line was read as a questioner's heading with no question under it."""
    linked, _ = run(action_tracker(["Officer: Parks Manager"]))
    update = linked["c:tracker/Action tracker#9"]
    assert (update.answers, update.answer_method) == ("c:tracker/Action tracker#2", "sequence")


def test_a_tracker_update_after_a_questioners_heading_is_not_the_reply_to_the_request_above_it():
    """Regression guard: a line naming a person with no field label still ends the search, as a heading does."""
    linked, _ = run(action_tracker(["Councillor Ann Reeve - Litter in Mill Street"]))
    assert linked["c:tracker/Action tracker#9"].answers != "c:tracker/Action tracker#2"


AUDIT_RECOMMENDATIONS = [
    "A1 (Priority: High) Every grant payment should be approved by two officers before it is made.",
    "A2 (Priority: Medium) Grant files should hold the recipient's bank details, checked against a statement.",
    "A3 (Priority: Low) Unspent grants should be reclaimed within three months of the end of the project.",
]


def audit_report() -> Paper:
    paper = Paper("audit", "2024-06-11", body="Ashby Borough Council")
    section = paper.add("4", "4. RECOMMENDATIONS", "section")
    for n, text in enumerate(AUDIT_RECOMMENDATIONS, start=1):
        paper.add(f"4#{n}", text, "paragraph", "recommendation", parent=section)
    paper.add("5", "5. CONCLUSION", "section")
    paper.add("5#1", "Members asked which grants were paid without a second approval.", "paragraph", "request")
    return paper


def tracker_rows(codes: list[str]) -> Paper:
    """A follow-up tracker printed as loose cells: each row's code, then its response (an assurance)."""
    paper = Paper("follow-up", "2025-01-21", body="Ashby Borough Council")
    table = paper.add("2", "2. Recommendations tracker", "paragraph")
    responses = ["Agreed in part. Grants above £5,000 paid without a second approval are now checked monthly.",
                 "Agreed. Bank details are checked against a statement before the first payment.",
                 "Agreed. Reclaims are raised by the grants officer at the project's close."]
    for n, (code, response) in enumerate(zip(codes, responses), start=1):
        paper.add(f"2#{3 * n}", code, "paragraph", parent=table)
        paper.add(f"2#{3 * n + 1}", "Medium", "paragraph", parent=table)
        paper.add(f"2#{3 * n + 2}", response, "paragraph", "assurance", parent=table)
    paper.add("3.1", "The grants officer has reviewed every payment made since April.", "paragraph", "assurance")
    paper.items[-1] = paper.items[-1].model_copy(update={"label": "3.1"})
    return paper


def test_a_tracker_row_answers_the_recommendation_its_code_opens_in_the_audit_report():
    """Regression: the Stourmere tracker's row R3 ("Agreed in part. Limits on the 38 cards with a monthly limit of
    £10,000 or more have been reduced …") was worded more like a member's question than like recommendation R3, and
    was linked to nothing; the row's code is the same as the recommendation's."""
    linked, _ = run(audit_report(), tracker_rows(["A1", "A2", "A3"]))
    assert [(linked[f"c:follow-up/2#{3 * n + 2}"].answers, linked[f"c:follow-up/2#{3 * n + 2}"].answer_method)
            for n in (1, 2, 3)] == [("c:audit/4#1", "numbered"), ("c:audit/4#2", "numbered"),
                                    ("c:audit/4#3", "numbered")]
    assert linked["c:follow-up/3.1"].answer_method != "numbered"  # a numbered paragraph is past the table


def test_a_lone_code_is_not_evidence_of_which_recommendation_a_row_answers():
    """Regression guard: one code matching one recommendation could be a coincidence; a series is needed."""
    linked, _ = run(audit_report(), tracker_rows(["A1", "B7", "C9"]))
    assert linked["c:follow-up/2#5"].answer_method != "numbered"
