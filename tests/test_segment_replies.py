"""Segment: reply and question layouts (issue #4) — headings that own the text under them,
and numbers that only continue a wrapped sentence.

Each test is a tiny fixture in a wording of its own (not the held-out papers' words),
checked exactly as (label_path, kind, parent label_path).
"""

from __future__ import annotations

from pathlib import Path

from minutemine.ingest import ingest_file
from minutemine.segment import segment_document
from test_segment import tree

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"

# A text paper wrapped at a fixed column, as letters and reports saved as text are.
WRAPPED_ANSWERS = """\
Written answers to the Environment Scrutiny Panel

Question 1 – Street lighting
Response: The conversion of 4,100 street lights to LED lanterns finished in March and the
annual energy bill for street lighting has fallen by about a third since the programme began.
Further savings are expected from dimming on residential roads after midnight next year.

Question 2 – Grass cutting
Response: Verges on the main routes are cut six times a year and those on estate roads eight
times; the contractor recorded 312 missed visits last season and the council charged for all
of them under the contract's default clauses.

Other matters

The Panel will receive the next update in the autumn and may call in the contract manager.
"""


def test_regression_question_heading_owns_the_response_under_it():
    # "Question 1 – Births at Fernley" / "Response: …": the response attached to the section above
    got = tree(WRAPPED_ANSWERS)
    assert got == [
        ("Written answers to the Environment Scrutiny Panel", "section", ""),
        ("Question 1", "question", "Written answers to the Environment Scrutiny Panel"),
        ("Question 1#1", "paragraph", "Question 1"),
        ("Question 2", "question", "Written answers to the Environment Scrutiny Panel"),
        ("Question 2#1", "paragraph", "Question 2"),
        ("Other matters", "section", ""),
        ("Other matters#1", "paragraph", "Other matters"),
    ]


def test_regression_hard_wrapped_text_keeps_a_paragraph_whole():
    # a hard-wrapped text paper: "… fallen by about a third since the programme began." /
    # "Further savings …" and "… recorded" / "312 missed visits" were split into items
    items = segment_document(__import__("test_segment").doc_from_text(WRAPPED_ANSWERS))
    answers = [it.text for it in items if it.label_path in ("Question 1#1", "Question 2#1")]
    assert answers[0].endswith("after midnight next year.")
    assert "the contractor recorded 312 missed visits last season" in answers[1]


def test_regression_numbered_response_headings_own_their_paragraphs_in_the_appendix():
    # "APPENDIX A – CABINET RESPONSE" / "Response 1 – Inspection times" / "Accepted. …": the
    # answers were loose paragraphs of the last numbered section of the report
    got = tree("1. SUMMARY\n\n1.1 The panel reported in June.\n\n"
               "APPENDIX B – EXECUTIVE REPLY\n\n"
               "Reply to recommendation 1 – Litter bins\nAgreed. New bins will be fitted by May.\n"
               "Owner: Head of Street Scene\n\n"
               "Reply to recommendation 2 – Fly-tipping\nNot agreed. The budget does not allow it.\n")
    assert got == [
        ("1", "section", ""), ("1.1", "paragraph", "1"),
        ("APPENDIX B – EXECUTIVE REPLY", "section", ""),
        ("APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 1 – Litter bins", "response",
         "APPENDIX B – EXECUTIVE REPLY"),
        ("APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 1 – Litter bins#1", "paragraph",
         "APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 1 – Litter bins"),
        ("APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 1 – Litter bins#2", "paragraph",
         "APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 1 – Litter bins"),
        ("APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 2 – Fly-tipping", "response",
         "APPENDIX B – EXECUTIVE REPLY"),
        ("APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 2 – Fly-tipping#1", "paragraph",
         "APPENDIX B – EXECUTIVE REPLY/Reply to recommendation 2 – Fly-tipping"),
    ]


def test_regression_mayors_response_heading_nests_under_the_question_it_answers():
    # public forum layout: "Question 3 – name" / question text / "Mayor's Response" / answer; the
    # question printed in full is the question (it asks), and its reply nests under it
    got = tree("Public Forum\n\nQuestion 3 – Ann Example\nWhen will the bus lane on Mill Road open?\n\n"
               "Mayor's Response\nThe bus lane will open in September.\n\n"
               "Question 4 – Bob Example\nWhy was the library closed on Sunday?\n\n"
               "Cabinet Response:\nA staff shortage closed it.\n")
    assert got == [
        ("Public Forum", "section", ""),
        ("Question 3", "question", "Public Forum"),
        ("Question 3#1", "question", "Question 3"),
        ("Question 3#1/Mayor's Response", "response", "Question 3#1"),
        ("Question 3#1/Mayor's Response#1", "paragraph", "Question 3#1/Mayor's Response"),
        ("Question 4", "question", "Public Forum"),
        ("Question 4#1", "question", "Question 4"),
        ("Question 4#1/Cabinet Response", "response", "Question 4#1"),
        ("Question 4#1/Cabinet Response#1", "paragraph", "Question 4#1/Cabinet Response"),
    ]


def test_regression_q_numbered_and_request_numbered_headings_own_their_answers():
    got = tree("Q1. How many homes were inspected?\nA1. We inspected 240 homes.\n"
               "Q2: What did the survey find?\nA2. Mould in a fifth of them.\n"
               "Request 3 – Training records\nThe records are attached.\n")
    assert got == [("Q1", "question", ""), ("Q1#1", "paragraph", "Q1"), ("Q2", "question", ""),
                   ("Q2#1", "paragraph", "Q2"), ("Request 3", "request", ""), ("Request 3#1", "paragraph", "Request 3")]


def test_regression_list_of_one_line_questions_leaves_the_prose_after_it_to_the_item():
    # Bristol: "Question 1 – name", "Question 2 – name", … then "Those who attended … asked": the
    # closing paragraph is about the whole list, not the last question
    got = tree("6 Public Forum\nQuestion 1 – Ann Example - Bus lanes\nQuestion 2 – Bob Example - Libraries\n"
               "Those who attended asked supplementary questions.\n")
    assert got == [("6", "agenda_item", ""), ("6/Question 1", "question", "6"), ("6/Question 2", "question", "6"),
                   ("6#1", "paragraph", "6")]


def test_regression_wrapped_number_in_a_pdf_continues_the_sentence_but_list_items_stay():
    # "… the consultation received" / "640 Responses …" became a numbered paragraph 640
    long = "The engagement exercise that ran through the spring in all three districts received"
    got = segment_document(__import__("test_segment").doc_from_text(
        f"1. Introduction\n{long}\n640 Responses from families and carers.\n2. Background\n"
        f"3. The count of visits made by the mobile service across the district rose between\n"
        f"2024 to 2025 and fell after that.\n", fmt="pdf"))
    assert [(it.label_path, it.text) for it in got] == [
        ("1", "Introduction"), ("1#1", f"{long} 640 Responses from families and carers."), ("2", "Background"),
        ("3", "The count of visits made by the mobile service across the district rose between "
              "2024 to 2025 and fell after that.")]


def test_regression_numbered_minute_heading_after_an_open_line_is_still_an_item():
    # a heading number that goes on from the one before is an item even after a line with no full stop
    got = tree("Present: Councillors Ann Smith, Bob Jones and Cy Brown with the clerk\n27 Apologies\n"
               "There were none.\n28 Minutes\nAgreed.\n", fmt="pdf")
    assert [(p, k) for p, k, _ in got if not p.startswith("#")] == [
        ("27", "agenda_item"), ("27#1", "paragraph"), ("28", "agenda_item"), ("28#1", "paragraph")]


def test_regression_list_of_appendices_is_not_a_set_of_headings():
    # "Appendix B – Equality Impact Assessment YES" in a report's appendix list became a section
    got = tree("Appendices:\nAppendix A – Background to the proposal YES\nAppendix B – Equality Impact Assessment NO\n")
    assert [k for _, k, _ in got] == ["paragraph", "paragraph", "paragraph"]


def test_held_out_icb_briefing_puts_every_response_under_its_question():
    items = segment_document(ingest_file(HELDOUT / "wexcombe-2025-06-11-icb-response-fernley-unit.txt"))
    by_id = {it.item_id: it for it in items}
    responses = [it for it in items if it.text.startswith("Response:")]
    assert [(by_id[it.parent_id].label, by_id[it.parent_id].kind) for it in responses] == [
        (f"Question {n}", "question") for n in (1, 2, 3, 4)]
    assert any("received 640 responses." in it.text for it in responses)


def test_regression_unnumbered_question_and_answer_pairs_nest_answer_under_question():
    # "Question:" / text / "Answer:" / text: the answers all hung from the last "Answer" at the top level
    got = tree("Public questions\n\nQuestion:\nWhen will the path be repaired?\nAnswer:\nIn the spring.\n\n"
               "Issue raised\nWho pays for it?\nOfficer response\nThe highways budget.\n")
    assert got == [
        ("Public questions", "section", ""),
        ("Public questions/Question", "section", "Public questions"),
        ("Public questions/Question#1", "question", "Public questions/Question"),
        ("Public questions/Question#1/Answer", "response", "Public questions/Question#1"),
        ("Public questions/Question#1/Answer#1", "paragraph", "Public questions/Question#1/Answer"),
        ("Public questions/Issue raised", "section", "Public questions"),
        ("Public questions/Issue raised#1", "question", "Public questions/Issue raised"),
        ("Public questions/Issue raised#1/Officer response", "response", "Public questions/Issue raised#1"),
        ("Public questions/Issue raised#1/Officer response#1", "paragraph",
         "Public questions/Issue raised#1/Officer response"),
    ]


def test_regression_a_cabinet_response_heading_nests_under_its_recommendation():
    got = tree("Recommendation 1\nThat the council reviews its damp policy.\n\nCabinet Response\n"
               "Accepted. The review starts in May.\n\nRecommendation 2\nThat the council trains its staff.\n")
    assert got == [
        ("Recommendation 1", "recommendation", ""), ("Recommendation 1#1", "paragraph", "Recommendation 1"),
        ("Recommendation 1/Cabinet Response", "response", "Recommendation 1"),
        ("Recommendation 1/Cabinet Response#1", "paragraph", "Recommendation 1/Cabinet Response"),
        ("Recommendation 2", "recommendation", ""), ("Recommendation 2#1", "paragraph", "Recommendation 2"),
    ]


def test_words_that_only_look_like_reply_headings_stay_prose():
    from minutemine.segment import known_heading
    for line in ("640 Responses from families and carers.", "No response", "Response 2 was agreed",
                 "The Council's response was positive."):
        assert known_heading(line) is None, line
