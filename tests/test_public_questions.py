"""Questions printed in full (issue #4): the question is the request, each reply sentence an
assurance to its asker that links to its own question (a supplementary reply to the
supplementary question), the heading is not a second request, and a byline ("Asked by …",
"Submitted by …") names the asker without cutting the tree.

Tiny fixtures in wordings of their own (members' questions to a Cabinet Member, questions
to the Leader, a question not in quotes, a question of two sentences, a request heading
answered straight under it), not the held-out Rudleigh paper's words.  The pipeline runs
once for the module.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from minutemine.pipeline import Settings, run
from minutemine.segment import segment_document
from test_segment import doc_from_text, tree

MEMBERS = """\
HARTWELL BOROUGH COUNCIL
COUNCIL MEETING – 12 MARCH 2025

MEMBERS' QUESTIONS

Question from Councillor Priya Shah to the Cabinet Member for Housing

How many council homes were let to families on the waiting list in 2024, and how many of those families had waited more than two years?

Answer from the Cabinet Member for Housing

In 2024 the council let 412 homes to households on the waiting list. Of those, 97 had waited more than two years.

Supplementary question

Will the Cabinet Member publish these figures every quarter?

Answer

The figures will be published on the council's website every quarter from June 2025.

Question from Councillor Dan Hughes to the Leader

What is the council doing to fill the 14 empty shop units in the town centre?

Answer from the Leader

A shop-front grant of up to £5,000 a unit opened in January and six owners have applied so far.
"""

LEADER = """\
Questions to the Leader and Cabinet Members

Question 1 – Councillor Tom Reed
The new leisure centre opened six months late. What did the delay cost the council, and who will pay for it?

Reply from the Leader
The delay added £240,000 to the cost of the building. The contractor will pay £150,000 of it under the contract.

Question 2 – Library opening hours
Submitted by Ms Jo Park
I would like to know why the central library now closes at 5pm on Thursdays.

Response
The library closes early on Thursdays while staff are trained on the new lending system. Late opening will return in May 2025.

No supplementary question was asked.

Request 3 – Training records
The records are attached.
"""

INLINE = """\
WESTBRIDGE CITY COUNCIL – FULL COUNCIL 5 FEBRUARY 2025
Public questions

Question 1 – Tree felling on Elm Avenue
Question from Mrs Ada Lowe
"Why were six healthy trees on Elm Avenue felled without any notice to residents?"
Answer from the Cabinet Member for Environment, Councillor Raj Patel
The trees had ash dieback and two had dropped branches on parked cars. Letters will go to residents from April.
Supplementary question: Will the trees be replaced?
Reply: Twelve new trees will be planted on Elm Avenue this November.
"""
PAPERS = {"hartwell-2025-03-12-council-members-questions.txt": MEMBERS,
          "ferncastle-2025-04-02-council-questions-to-the-leader.txt": LEADER,
          "westbridge-2025-02-05-full-council-public-questions.txt": INLINE}


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict[str, str]]:
    folder = tmp_path_factory.mktemp("questions-in-full")
    for name, text in PAPERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("questions-in-full-out")
    run([folder / name for name in PAPERS], out, Settings(workers=1, use_cache=False, quiet=True))
    with open(out / "commitments.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _opening(text: str) -> str:
    return " ".join(text.split()[:4])


def _summary(rows: list[dict[str, str]], opening: str) -> list[tuple[str, str, str, str, str]]:
    """(kind, actor, addressee, first words, first words of the request it answers) for one paper's rows."""
    by_id = {r["commitment_id"]: r for r in rows}
    return [(r["kind"], r["actor"], r["addressee"], _opening(r["text"]),
             _opening(by_id[r["answers"]]["text"]) if r["answers"] else "")
            for r in rows if r["doc_id"] == next(x["doc_id"] for x in rows if x["text"].startswith(opening))]


def test_members_questions_each_reply_answers_its_own_question(rows):
    assert _summary(rows, "How many council homes") == [
        ("request", "Councillor Priya Shah", "Cabinet Member for Housing", "How many council homes", ""),
        ("assurance", "Cabinet Member for Housing", "Councillor Priya Shah", "In 2024 the council",
         "How many council homes"),
        ("assurance", "Cabinet Member for Housing", "Councillor Priya Shah", "Of those, 97 had",
         "How many council homes"),
        # the supplementary is the same member's, to the same Cabinet Member, and only its own reply answers it
        ("request", "Councillor Priya Shah", "Cabinet Member for Housing", "Will the Cabinet Member", ""),
        ("assurance", "Cabinet Member for Housing", "Councillor Priya Shah", "The figures will be",
         "Will the Cabinet Member"),
        ("request", "Councillor Dan Hughes", "Leader", "What is the council", ""),
        ("assurance", "Leader", "Councillor Dan Hughes", "A shop-front grant of", "What is the council"),
    ]


def test_question_not_in_quotes_and_byline_give_the_request_and_its_asker(rows):
    assert _summary(rows, "The new leisure centre") == [
        # two sentences, the second asking: one request, the whole question; the heading names the asker
        ("request", "Councillor Tom Reed", "Leader", "The new leisure centre", ""),
        ("assurance", "Leader", "Councillor Tom Reed", "The delay added £240,000", "The new leisure centre"),
        ("assurance", "Leader", "Councillor Tom Reed", "The contractor will pay", "The new leisure centre"),
        # "Submitted by Ms Jo Park" is no request; "I would like to know …" is; "No supplementary question
        # was asked." answers nothing
        ("request", "Ms Jo Park", "", "I would like to", ""),
        ("assurance", "", "Ms Jo Park", "The library closes early", "I would like to"),
        ("assurance", "", "Ms Jo Park", "Late opening will return", "I would like to"),
        # a request heading with its answer straight under it (no question printed) keeps the heading as the request
        ("request", "", "", "Training records", ""),
    ]


def test_inline_supplementary_and_reply_and_a_heading_over_the_byline_heading(rows):
    # "Question 1 – title" over "Question from Mrs Ada Lowe": one question, the title no request; "Supplementary
    # question: …" and "Reply: …" printed inline are a question and its answer; "…, Councillor Raj Patel" after
    # the role in the answer heading does not hide who answers
    assert _summary(rows, "Supplementary question:") == [
        ("request", "Mrs Ada Lowe", "Cabinet Member for Environment", '"Why were six healthy', ""),
        ("assurance", "Cabinet Member for Environment", "Mrs Ada Lowe", "The trees had ash", '"Why were six healthy'),
        ("assurance", "Cabinet Member for Environment", "Mrs Ada Lowe", "Letters will go to", '"Why were six healthy'),
        ("request", "Mrs Ada Lowe", "Cabinet Member for Environment", "Supplementary question: Will the", ""),
        ("assurance", "Cabinet Member for Environment", "Mrs Ada Lowe", "Reply: Twelve new trees",
         "Supplementary question: Will the"),
    ]


def test_heading_of_a_question_printed_in_full_is_no_second_request(rows):
    texts = [r["text"] for r in rows if r["kind"] == "request"]
    assert not {"Library opening hours", "Councillor Tom Reed", "Tree felling on Elm Avenue"} & set(texts)
    assert not any(t.startswith(("Submitted by", "Question from")) for t in texts)


def test_asked_by_byline_is_a_line_of_the_question_not_a_section_heading():
    # "Asked by …" between blank lines looked like a title: it became a section that cut the reply off its question
    got = tree("Question 4 – Cycle lanes on Dock Road\n\nAsked by a resident of Quayside ward\n\n"
               "\u201cWhen will the cycle lane on Dock Road be finished?\u201d\n\nCabinet Member's Response\n\n"
               "The lane will be finished in July.\n")
    assert got == [
        ("Question 4", "question", ""),
        ("Question 4#1", "paragraph", "Question 4"),
        ("Question 4#2", "question", "Question 4"),
        ("Question 4#2/Cabinet Member's Response", "response", "Question 4#2"),
        ("Question 4#2/Cabinet Member's Response#1", "paragraph", "Question 4#2/Cabinet Member's Response"),
    ]


def test_supplementary_question_stays_inside_the_question_it_follows():
    # "Supplementary question" went up to the enclosing section, so the next numbered question hung from its reply
    got = tree("Questions\n\nQuestion 1 – Parks\nWhy are the park gates locked at 6pm?\nResponse\nStaff finish at 6pm.\n"
               "Supplementary question\nCould volunteers lock them later?\nReply\nYes, from May.\n"
               "Question 2 – Roads\nWhen will Mill Road be resurfaced?\nResponse\nIn August.\n")
    assert got == [
        ("Questions", "section", ""),
        ("Question 1", "question", "Questions"),
        ("Question 1#1", "question", "Question 1"),
        ("Question 1#1/Response", "response", "Question 1#1"),
        ("Question 1#1/Response#1", "paragraph", "Question 1#1/Response"),
        ("Question 1/Supplementary question", "section", "Question 1"),
        ("Question 1/Supplementary question#1", "question", "Question 1/Supplementary question"),
        ("Question 1/Supplementary question#1/Reply", "response", "Question 1/Supplementary question#1"),
        ("Question 1/Supplementary question#1/Reply#1", "paragraph", "Question 1/Supplementary question#1/Reply"),
        ("Question 2", "question", "Questions"),
        ("Question 2#1", "question", "Question 2"),
        ("Question 2#1/Response", "response", "Question 2#1"),
        ("Question 2#1/Response#1", "paragraph", "Question 2#1/Response"),
    ]


def test_request_heading_after_a_reply_is_not_a_part_of_the_reply():
    # "Request 3 – …" after question 2's "Response" hung from that response section
    got = tree("Question 2 – Bins\nWhy was my bin missed?\nResponse\nThe lorry broke down.\n"
               "Request 3 – Bin collection records\nThe records are attached.\n")
    assert [(p, k, parent) for p, k, parent in got if p.startswith("Request")] == [
        ("Request 3", "request", ""), ("Request 3#1", "paragraph", "Request 3")]


def test_hard_wrapped_line_ending_on_a_connective_is_not_the_end_of_its_paragraph():
    # a paper wrapped near 90 columns: "… by the deadline of noon on" / "Thursday 23 January …" was cut in two
    # because "Thursday" would just have fitted on the line above
    wrapped = ("Questions were received from residents before the deadline of noon on\n"
               "Thursday 16 January 2025. The questions and the answers given at the meeting are set out\n"
               "below, in the order in which the questions were received by the Democratic Services team.\n\n")
    filler = ("The Council's procedure rules allow each resident one question at each ordinary meeting of\n"
              "the Council, and one supplementary question that must arise from the answer they are given.\n\n")
    items = segment_document(doc_from_text(filler * 3 + wrapped + filler))
    holding = [it.text for it in items if "noon on" in it.text]
    assert len(holding) == 1 and "noon on Thursday 16 January 2025. The questions" in holding[0]
