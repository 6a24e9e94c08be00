"""Regression tests for replies a later paper gives point by point (issue #4): numbered replies,
a reply paper citing the day of the paper it answers, and "I can confirm that …" answering an ask
for that assurance.  Tiny fixtures in the held-out papers' wording, then the held-out papers."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_link import Paper, run

from minutemine.models import Item

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"


def labelled(paper: Paper, label_path: str, label: str, text: str, item_kind: str, kind: str | None = None,
             parent: str = "") -> str:
    """`Paper.add` with the label printed before the item ("3."), which numbered lists are read by."""
    item_id = paper.add(label_path, text, item_kind, kind, parent=parent)
    paper.items[-1] = paper.items[-1].model_copy(update={"label": label})
    return item_id


RECOMMENDATIONS = [
    "That every report of damp and mould from a tenant is inspected within 10 working days.",
    "That the Council publishes a damp and mould policy for tenants by September 2025, setting out what "
    "tenants can expect, how long each stage will take and how to escalate a complaint.",
    "That all repairs operatives and housing officers complete damp and mould awareness training.",
]
REPLIES = [
    ("Response 1 – Inspection times", "Accepted. Every new report of damp and mould is inspected within 10 "
                                      "working days."),
    ("Response 2 – Policy for tenants", "Accepted. A Damp and Mould Policy was drafted with the Tenants' Panel "
                                        "in May 2025. It sets out the stages of our response."),
    ("Response 3 – Training", "Accepted. An accredited half-day course has been commissioned."),
]


def task_group_report(numbered: bool = True) -> Paper:
    report = Paper("report", "2025-03-11", body="Harbridge District Council")
    lead_in = report.add("4.1", "That the Committee endorses the following recommendations:", "recommendation")
    for n, text in enumerate(RECOMMENDATIONS, start=1):
        labelled(report, f"4.1.{n}", f"{n}." if numbered else "", text, "recommendation", "recommendation",
                 parent=lead_in)
    return report


def cabinet_response(replies=REPLIES) -> Paper:
    response = Paper("response", "2025-07-16", body="Harbridge District Council")
    appendix = response.add("A", "APPENDIX A – CABINET RESPONSE", "section")
    for n, (heading, body) in enumerate(replies, start=1):
        response.add(f"A#{2 * n - 1}", heading, "paragraph", parent=appendix)
        for s, sentence in enumerate(body.split(". ")):
            labelled(response, f"A#{2 * n}.{s}", "", sentence, "paragraph", "assurance", parent=appendix)
    return response


def test_a_paraphrasing_numbered_reply_answers_the_recommendation_of_its_number():
    """Regression: "Response 2 – Policy for tenants" over "A Damp and Mould Policy was drafted with the Tenants'
    Panel" scored 0.40 against recommendation 2 on wording and was left unlinked; its second sentence, "It sets out
    the stages of our response", was not linked either (held-out Harbridge Cabinet response)."""
    linked, _ = run(task_group_report(), cabinet_response())
    for n in (1, 2, 3):
        for c in (c for c in linked.values() if c.item_id.startswith(f"response/A#{2 * n}.")):
            assert (c.answers, c.answer_method) == (f"c:report/4.1.{n}", "numbered"), c.text


def test_numbered_replies_whose_wording_disagrees_with_the_list_link_by_number_to_nothing():
    """Regression guard: a list of the same length is not the list replied to unless the wording agrees —
    here the replies are given in another order than their numbers say, so the numbers prove nothing."""
    shuffled = [(REPLIES[n][0], REPLIES[(n + 1) % 3][1]) for n in range(3)]
    linked, _ = run(task_group_report(), cabinet_response(shuffled))
    assert not any(c.answer_method == "numbered" for c in linked.values())


def test_numbered_replies_need_a_numbered_list_in_an_earlier_paper():
    """Regression guard: with the recommendations unnumbered, no reply is linked by its number."""
    linked, _ = run(task_group_report(numbered=False), cabinet_response())
    assert not any(c.answer_method == "numbered" for c in linked.values())


def letter_and_reply(reply_opening: str) -> tuple[Paper, Paper]:
    letter = Paper("letter", "2024-11-28", body="")
    letter.add("m", "Mobile library", "section")
    letter.add("m#1", "Members asked for an assurance that the mobile library will continue to visit the rural "
                      "villages at least as often as it does now.", "paragraph", "request", parent="letter/m")
    letter.add("e", "Equality impact", "section")
    letter.add("e#1", "The Panel requests a copy of the equality impact assessment of the proposals before any "
                      "decision is taken.", "paragraph", "request", parent="letter/e")
    reply = Paper("reply", "2025-02-10", body="")
    reply.add("r", "Library Service Review", "section")
    reply.add("r#1", reply_opening, "paragraph", parent="reply/r")
    reply.add("r#2", "The hours cut are those in which fewer than eight visitors were recorded on average.",
              "paragraph", "assurance", parent="reply/r")
    reply.add("r#3", "I can confirm that the mobile library will continue to serve all 14 rural stops on its "
                     "current fortnightly timetable throughout 2025/26.", "paragraph", "action", parent="reply/r")
    return letter, reply


def test_i_can_confirm_answers_the_ask_for_that_assurance_in_the_letter_it_replies_to():
    """Regression: "I can confirm that the mobile library will continue…" scored 0.46 (wording alone) against
    "Members asked for an assurance that the mobile library will continue…" and was left unlinked, so the ask
    stayed outstanding (held-out Calderbrook reply); it confirms what was asked, in a reply that names the
    letter's date."""
    letter, reply = letter_and_reply("Thank you for your letter of 28 November 2024 following the Panel's meeting.")
    linked, _ = run(letter, reply)
    assert linked["c:reply/r#3"].answers == "c:letter/m#1"
    assert linked["c:letter/m#1"].status == "answered"
    assert linked["c:reply/r#2"].answers == ""  # a statement about opening hours answers neither ask
    assert linked["c:letter/e#1"].status == "outstanding"


@pytest.mark.parametrize("meeting", ["2024-11-28", "2025-02-10"])
def test_a_paper_cites_only_earlier_papers_by_their_day(meeting):
    """Regression: minutes and the decision record of one meeting name its day, and were read as citing each
    other: "noted the report" then reached the update report of the same day (Bristol 2025-05-15)."""
    from minutemine.link_similarity import cited_papers

    letter, reply = letter_and_reply("Thank you for your letter of 28 November 2024.")
    reply.row = reply.row.model_copy(update={"meeting_date": meeting})
    cited = cited_papers([letter.row, reply.row], letter.items + reply.items)
    assert cited == ({"reply": {"letter"}} if meeting > "2024-11-28" else {})


def test_heldout_harbridge_cabinet_response_answers_recommendations_by_number(tmp_path):
    """The held-out Harbridge pair: every reply under "Response N – …" answers the task group's recommendation N."""
    import pandas as pd

    from minutemine.pipeline import Settings
    from minutemine.pipeline import run as run_pipeline

    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("harbridge-2025-03-11-damp-mould-task-group-report.txt",
                 "harbridge-2025-07-16-cabinet-response-damp-mould.txt"):
        (folder / name).write_bytes((HELDOUT / name).read_bytes())
    run_pipeline([folder], tmp_path / "out", Settings(workers=1, use_cache=False, quiet=True))
    commitments = pd.read_csv(tmp_path / "out" / "commitments.csv", dtype=str, keep_default_na=False)
    text_of = dict(zip(commitments.commitment_id, commitments.text))
    response = (folder / "harbridge-2025-07-16-cabinet-response-damp-mould.txt").read_text(encoding="utf-8")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    response_doc = documents[documents.source_path.str.endswith("cabinet-response-damp-mould.txt")].doc_id.item()
    # The replies' sentences, not the headings (extraction may read "Response 3 – Funding …" as one too).
    replies = commitments[(commitments.doc_id == response_doc) & ~commitments.text.str.startswith("Response ")
                          & (commitments.char_start.astype(int) > response.index("APPENDIX A"))]
    pairs = sorted((a[:24], text_of.get(r, "")[:24]) for a, r in zip(replies.text, replies.answers))
    assert pairs == EXPECTED_HARBRIDGE


# Read off the two papers: each reply sentence with the recommendation its "Response N" numbers.
EXPECTED_HARBRIDGE = [
    ("A Damp and Mould Policy ", "That the Council publish"),
    ("All repairs operatives a", "That all repairs operati"),
    ("An accredited half-day c", "That all repairs operati"),
    ("It sets out the stages o", "That the Council publish"),
    ("Not agreed at this time.", "That Cabinet allocates £"),
    ("Performance against the ", "That every report of dam"),
    ("Since 1 April 2025 every", "That every report of dam"),
    ("The request for addition", "That Cabinet allocates £"),
    ("We will fit humidity and", "That the Council pilots "),
]


def library_letter() -> Paper:
    letter = Paper("letter", "2024-11-28", body="")
    for label, text in (("h", "The Panel would like to know how the proposed reduction in opening hours at the nine "
                               "branch libraries was arrived at, and what footfall data was used to decide which "
                               "hours to cut."),
                        ("s", "We recommend that you consider keeping Saturday opening at all branches."),
                        ("m", "Members asked for an assurance that the mobile library will continue to visit the "
                              "rural villages at least as often as it does now."),
                        ("c", "We would also be grateful for an update on the volunteer-run community library at "
                              "Hillside.")):
        letter.add(label, text, "paragraph", "request")
    return letter


def library_reply(opening: str) -> Paper:
    reply = Paper("reply", "2025-02-10", body="")
    reply.add("0", opening, "paragraph")
    asked, answer = "You asked how the new hours were set.", ("The proposed hours were based on footfall counts at "
                                                              "each branch between April 2023 and March 2024.")
    reply.add("1", f"{asked} {answer}", "paragraph", "request")  # one paragraph: the ask quoted, then its answer
    quoted = reply.commitments[-1]
    reply.commitments[-1] = quoted.model_copy(update={"commitment_id": "c:reply/1a", "text": asked,
                                                      "char_end": quoted.char_start + len(asked)})
    reply.commitments.append(quoted.model_copy(update={"commitment_id": "c:reply/1b", "kind": "assurance",
                                                       "text": answer, "char_start": quoted.char_end - len(answer)}))
    reply.add("2", "On Saturday opening, I have accepted the Panel's view. All nine branches will keep their "
                   "Saturday morning opening.", "paragraph", "assurance")
    reply.add("3", "The mobile library will serve all 14 rural stops on its current fortnightly timetable in 2025/26.",
              "paragraph", "action")
    return reply


def test_a_reply_letter_answers_the_letter_it_names_point_by_point_in_its_order():
    """Regression: a reply letter's paragraphs paraphrase the asks ("On Saturday opening, I have accepted the Panel's
    view" for "consider keeping Saturday opening", 0.32-0.40 on wording) and were left unlinked, and "You asked how
    the new hours were set." (0.18) restated nothing, so the letter's asks stayed outstanding (held-out Calderbrook
    reply).  In a reply that names the letter's date, the paragraphs aligned in order with the asks answer them."""
    linked, _ = run(library_letter(), library_reply("Thank you for your letter of 28 November 2024."))
    assert (linked["c:reply/1a"].answers, linked["c:reply/1a"].answer_method) == ("c:letter/h", "restatement")
    assert linked["c:reply/1b"].answers == "c:reply/1a"  # through the restated ask to the letter's
    assert (linked["c:reply/2"].answers, linked["c:reply/2"].answer_method) == ("c:letter/s", "order")
    assert (linked["c:reply/3"].answers, linked["c:reply/3"].answer_method) == ("c:letter/m", "order")
    assert [linked[f"c:letter/{x}"].status for x in "hsmc"] == ["answered", "answered", "answered", "outstanding"]


def test_a_paper_that_does_not_name_the_letter_is_not_aligned_with_its_asks():
    """Regression guard: without the letter's date in its opening, order is no evidence, and the paraphrases stay
    below the threshold."""
    linked, _ = run(library_letter(), library_reply("Library Service Review: the Cabinet Member's views."))
    assert not any(c.answer_method == "order" for c in linked.values())
    assert linked["c:letter/s"].status == "outstanding"


def test_a_recommendation_n_heading_with_the_reply_under_it_answers_recommendation_n():
    """Regression: a response report printing "Recommendation 2" as a bare heading (the segmenter keeps it as the
    item's label, with no text) over "A Damp and Mould Policy was drafted …" was not read as a numbered reply, so
    paraphrasing replies were left unlinked; only "Response N" headings were."""
    headed = [(f"Recommendation {n}", body.replace("Accepted. ", "")) for n, (_, body) in enumerate(REPLIES, 1)]
    response = Paper("response", "2025-07-16", body="Harbridge District Council")
    appendix = response.add("A", "APPENDIX A – CABINET RESPONSE", "section")
    for n, (heading, body) in enumerate(headed, start=1):
        labelled(response, f"A/R{n}", heading, "", "recommendation", parent=appendix)
        for s, sentence in enumerate(body.split(". ")):
            response.add(f"A/R{n}#{s}", sentence, "paragraph", "assurance", parent=f"response/A/R{n}")
    linked, _ = run(task_group_report(), response)
    for n in (1, 2, 3):
        for c in (c for c in linked.values() if c.item_id.startswith(f"response/A/R{n}#")):
            assert (c.answers, c.answer_method) == (f"c:report/4.1.{n}", "numbered"), c.text
