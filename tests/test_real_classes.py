"""Classes of error seen running minutemine on real council minutes (issue #4's smoke test).

Each case is a tiny paper in my own fictional wording, in the layout the real minutes
used, run through ingest, segment, extract and link as the pipeline runs them; the rows
(id, kind, text, the request answered, the status) are checked exactly.
"""

from __future__ import annotations

from pathlib import Path

from minutemine.pipeline import gather, process_file


def linked_rows(tmp_path: Path, name: str, text: str, with_status: bool = True) -> list[tuple[str, ...]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, _, commitments, _ = gather([process_file(path)])
    rows = []
    for c in commitments:
        row = (c.commitment_id.split("/", 1)[1], c.kind, c.text, c.answers.split("/", 1)[1] if c.answers else "")
        rows.append(row + (c.status,) if with_status else row)
    return rows


QUESTION_TIME = """Ashcombe Borough Council
Council
Minutes of the meeting held on 12 March 2025

Members' Question Time

Council

14.1 In respect of question 2, Councillor Pell asked when the Brook Lane play area would reopen. Councillor Okafor confirmed that new equipment had been ordered and that the play area would reopen in June. She agreed to write to ward members with the date.

14.2 In respect of question 5, Councillor Hale noted that the market stalls had been repainted and asked if the covered stalls would also be repaired. Councillor Dunmore advised that a quote was being sought.

14.3 Councillor Pell stated that residents had complained about the car park lighting and asked the Cabinet Member if a survey would be carried out. Councillor Dunmore reiterated that the lighting was inspected every quarter.
"""


def test_question_and_named_reply_in_one_numbered_paragraph_were_one_unanswered_request(tmp_path: Path) -> None:
    """Real question-time minutes ("49.2 … Councillor A asked when … . Councillor B confirmed that …"):
    the whole paragraph was one request, outstanding, its answer never a row; "Councillor A noted
    that … and asked if …" was a decision; "Councillor B reiterated that …" after a request was not
    read.  Each ask is a request, the named reply after it the assurance that answers it."""
    assert linked_rows(tmp_path, "ashcombe-2025-03-council-minutes.txt", QUESTION_TIME) == [
        ("14.1/c1", "request", "In respect of question 2, Councillor Pell asked when the Brook Lane play area "
         "would reopen.", "", "answered"),
        ("14.1/c2", "assurance", "Councillor Okafor confirmed that new equipment had been ordered and that the play "
         "area would reopen in June. She agreed to write to ward members with the date.", "14.1/c1", ""),
        ("14.2/c1", "request", "In respect of question 5, Councillor Hale noted that the market stalls had been "
         "repainted and asked if the covered stalls would also be repaired.", "", "answered"),
        ("14.2/c2", "assurance", "Councillor Dunmore advised that a quote was being sought.", "14.2/c1", ""),
        ("14.3/c1", "request", "Councillor Pell stated that residents had complained about the car park lighting "
         "and asked the Cabinet Member if a survey would be carried out.", "", "answered"),
        ("14.3/c2", "assurance", "Councillor Dunmore reiterated that the lighting was inspected every quarter.",
         "14.3/c1", ""),
    ]


SCRUTINY = """Ashcombe Borough Council
Scrutiny Committee
Minutes of the meeting held on 3 April 2025

5. Minutes of the previous meeting

A Member expressed concern that the minutes of the last meeting did not reflect the discussion on the allotment rents.

The Clerk responded that the minutes recorded decisions and not every point of debate.

In response to a question concerning the hire of the town hall for community groups, the Clerk advised that the charges had not changed since 2022.

6. Leisure centre update

One member asked for an update on the leisure centre roof and sought reassurance that the pool would stay open during the works.

In response Priya Rand outlined that the contractor would start in May and that the pool would close for two weeks only.
"""


def test_answer_naming_its_own_topic_was_an_answer_to_the_point_before(tmp_path: Path) -> None:
    """Real minutes: "In response to a question concerning the recording of meetings, the Town Clerk
    advised …" was linked by sequence to a member's earlier concern on another topic (wrong link).
    It carries its own question: a request and the answer to it.  And a reply paragraph with no cue
    of its own ("In response Jane Doe outlined that …") after "One member asked for an update …"
    was not read, so the ask stayed outstanding."""
    assert linked_rows(tmp_path, "ashcombe-2025-04-scrutiny-minutes.txt", SCRUTINY) == [
        ("#4/c1", "request", "A Member expressed concern that the minutes of the last meeting did not reflect the "
         "discussion on the allotment rents.", "", "answered"),
        ("#5/c1", "assurance", "The Clerk responded that the minutes recorded decisions and not every point of "
         "debate.", "#4/c1", ""),
        ("#6/c1", "request", "In response to a question concerning the hire of the town hall for community groups",
         "", "answered"),
        ("#6/c2", "assurance", "the Clerk advised that the charges had not changed since 2022.", "#6/c1", ""),
        ("#7/c1", "request", "One member asked for an update on the leisure centre roof and sought reassurance that "
         "the pool would stay open during the works.", "", "answered"),
        ("#8/c1", "assurance", "In response Priya Rand outlined that the contractor would start in May and that the "
         "pool would close for two weeks only.", "#7/c1", ""),
    ]


SUPPLEMENTARY = """Ashcombe Borough Council
Council
Minutes of the meeting held on 14 May 2025

Members' Question Time

Minutes:

21.1 In respect of question 1, Councillor Hale asked whether the bus shelter on Mill Road would be replaced. Councillor Okafor confirmed that it would be replaced in July.

21.2 In response to a supplementary question in respect of number 3, Councillor Dunmore advised that the survey results were not yet available.
"""


def test_answer_to_a_numbered_supplementary_was_linked_to_the_question_before(tmp_path: Path) -> None:
    """Real minutes: "In response to a supplementary question respect of number 2, Councillor B advised …"
    was linked by sequence to the paragraph before, which held question 1.  An answer that names its
    question's number answers no ask of another number; its own question is not minuted."""
    assert linked_rows(tmp_path, "ashcombe-2025-05-council-minutes.txt", SUPPLEMENTARY, with_status=False) == [
        ("21.1/c1", "request", "In respect of question 1, Councillor Hale asked whether the bus shelter on Mill Road "
         "would be replaced.", ""),
        ("21.1/c2", "assurance", "Councillor Okafor confirmed that it would be replaced in July.", "21.1/c1"),
        ("21.2/c1", "assurance", "In response to a supplementary question in respect of number 3, Councillor Dunmore "
         "advised that the survey results were not yet available.", ""),
    ]


PANEL = """Ashcombe and Vale Police and Crime Panel
Meeting of 5 June 2025
Item 4: Matters arising from the minutes

4.1 Minute 9 - Annual Report of the Commissioner

(1).    Information was requested on the Commissioner's plan to refit the Westgate custody suite, including when the work would start and whether the suite would stay open.

The Police and Crime Commissioner advised that the contract had not yet been let and that he could not yet give a start date.
"""


def test_reply_paragraph_after_a_requested_information_paragraph_was_unlinked(tmp_path: Path) -> None:
    """Real panel minutes: "(1). Information was requested on the Commissioner's pledge …" then "The Police
    and Crime Commissioner advised that …" in the next paragraph: the answer was a row but linked to
    nothing, and the request stayed outstanding."""
    assert linked_rows(tmp_path, "ashcombe-2025-06-05-panel-minutes.txt", PANEL) == [
        ("4.1#1/c1", "request", "Information was requested on the Commissioner's plan to refit the Westgate custody "
         "suite, including when the work would start and whether the suite would stay open.", "", "partly answered"),
        ("4.1#2/c1", "assurance", "The Police and Crime Commissioner advised that the contract had not yet been let "
         "and that he could not yet give a start date.", "4.1#1/c1", ""),
    ]


SUPPLEMENTARY_ASKED = """Ashcombe Borough Council
Council
Agenda item: Members' Questions to Cabinet Members

1.  Councillor Pell asked the Cabinet Member for Housing "Forty families are waiting for repairs at Orchard Court. Could I have an update on the works?"

In response the Cabinet Member for Housing advised that the roofing contractor had started and that all repairs would be finished by September.

As a supplementary question Councillor Pell advised that tenants had been told a different date and sought clarification on which date was right.

In response the Cabinet Member advised that the September date had been confirmed by the contractor last week.
"""


def test_supplementary_question_read_as_an_answer_so_its_reply_went_to_the_first_question(tmp_path: Path) -> None:
    """Real council minutes: "As a supplementary question Councillor A advised that … and sought
    clarification on …" was an assurance (by "advised"), so the reply to it was linked by sequence to
    the first question.  A supplementary that asks is a request, and the reply after it answers it."""
    assert linked_rows(tmp_path, "ashcombe-2025-07-council-questions.txt", SUPPLEMENTARY_ASKED) == [
        ("1/c1", "request", 'Councillor Pell asked the Cabinet Member for Housing "Forty families are waiting for '
         'repairs at Orchard Court. Could I have an update on the works?"', "", "answered"),
        ("Council#2/c1", "assurance", "In response the Cabinet Member for Housing advised that the roofing contractor "
         "had started and that all repairs would be finished by September.", "1/c1", ""),
        ("Council#3/c1", "request", "As a supplementary question Councillor Pell advised that tenants had been told a "
         "different date and sought clarification on which date was right.", "", "answered"),
        ("Council#4/c1", "assurance", "In response the Cabinet Member advised that the September date had been "
         "confirmed by the contractor last week.", "Council#3/c1", ""),
    ]


TITLED_REPLY = """Ashcombe Borough Council
Cabinet
Meeting: 9 August 2025 - Cabinet (Item 3) Public Question Time

Public Question Time

A resident drew the Leader's attention to the closure of two day centres. She asked which services would replace them and sought reassurance that carers would be consulted.  The Leader answered that a new outreach service would start in the autumn.  The Cabinet Member for Adult Care commented that she would welcome a meeting with the carers' group and stated that consultation would begin next month.
"""


def test_cabinet_member_answering_after_a_question_was_read_as_a_request(tmp_path: Path) -> None:
    """Real cabinet minutes: "The Cabinet Member for Communities … commented that she would welcome a more
    detailed discussion …", said in reply to a resident's question, was an outstanding request.  An
    office-holder named by title answering after a question is a reply."""
    assert linked_rows(tmp_path, "ashcombe-2025-08-09-cabinet-minutes.txt", TITLED_REPLY) == [
        ("Public Question Time#1/c1", "request", "She asked which services would replace them and sought reassurance "
         "that carers would be consulted.", "", "answered"),
        ("Public Question Time#1/c2", "assurance", "The Leader answered that a new outreach service would start in "
         "the autumn.", "Public Question Time#1/c1", ""),
        ("Public Question Time#1/c3", "assurance", "The Cabinet Member for Adult Care commented that she would welcome "
         "a meeting with the carers' group and stated that consultation would begin next month.",
         "Public Question Time#1/c1", ""),
    ]


UNDERTAKING_AND_MATTERS_ARISING = """Ashcombe Borough Council
Overview Committee
Minutes of the meeting held on 2 September 2025

7. Library opening hours

A member of the public asked how residents without internet access would learn of the new opening hours.

The Leader would clarify the publicity plan with the library service, as the leaflets had not yet been printed.

8. Matters arising

Previously it was agreed that a map of the new cycle routes would be circulated, it was noted that this had not been done and the Committee requested that it be sent before the next meeting.
"""


def test_would_clarify_reply_and_committee_requested_in_matters_arising_were_missed(tmp_path: Path) -> None:
    """Real minutes: "The Leader would clarify the actual dates …" after a public question was no row, so the
    question stayed outstanding; "… it was noted that this had not happened and the Committee requested that
    this was actioned" was no request.  The undertaking answers (in part: a promise); the matter arising asks."""
    assert linked_rows(tmp_path, "ashcombe-2025-09-02-committee-minutes.txt", UNDERTAKING_AND_MATTERS_ARISING) == [
        ("#4/c1", "request", "A member of the public asked how residents without internet access would learn of the "
         "new opening hours.", "", "partly answered"),
        ("#5/c1", "assurance", "The Leader would clarify the publicity plan with the library service, as the leaflets "
         "had not yet been printed.", "#4/c1", ""),
        ("8#1/c1", "request", "Previously it was agreed that a map of the new cycle routes would be circulated, it was "
         "noted that this had not been done and the Committee requested that it be sent before the next meeting.",
         "", "outstanding"),
    ]


REFERRAL = """Ashcombe Borough Council
Cabinet
Decision - 14 October 2025
Cabinet response to the Housing Scrutiny Panel

At its meeting on 2 September 2025, the Housing Scrutiny Panel considered the delays in repairing empty council homes.
The Housing Scrutiny Panel agreed to recommend that the Cabinet publish a monthly report of empty homes and the time taken to relet them.
The Cabinet then:-
(1) Noted that since the recommendation of the scrutiny panel, two monthly reports had been published with a third due in November.
(2) Noted the separate review of the repairs contract.
"""


def test_scrutiny_recommendation_recounted_by_cabinet_was_an_assurance_and_its_answer_a_decision(
        tmp_path: Path) -> None:
    """Real cabinet decision: "The Scrutiny Co-ordination Committee agreed to recommend that the Cabinet comply …"
    was read as an assurance, and the Cabinet's "(1) Noted that since the recommendation of the scrutiny
    committee, three cabinet responses had been provided …" as a decision answering nothing.  The recounted
    recommendation asks the Cabinet; the report of what was done since answers it.  (The opening sentence,
    "At its meeting on … considered …", is background read as an assurance: not this fix, not checked.)"""
    rows = {row[0]: row for row in linked_rows(tmp_path, "ashcombe-2025-10-14-cabinet-decision.txt", REFERRAL)}
    assert [rows["Cabinet#4/c1"], rows["1/c1"], rows["2/c1"]] == [
        ("Cabinet#4/c1", "request", "The Housing Scrutiny Panel agreed to recommend that the Cabinet publish a monthly "
         "report of empty homes and the time taken to relet them.", "", "answered"),
        ("1/c1", "assurance", "Noted that since the recommendation of the scrutiny panel, two monthly reports had been "
         "published with a third due in November.", "Cabinet#4/c1", ""),
        ("2/c1", "decision", "Noted the separate review of the repairs contract.", "", ""),
    ]
