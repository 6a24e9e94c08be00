"""Classes of error seen running minutemine on real cross-paper chains (issue #4, engineer HR2).

The chains (a committee's request in one paper, the response months later in another) were
read outside the repository; each case here is a tiny paper in my own fictional wording, in
the layout the real papers used, run through the whole pipeline; rows are checked exactly
(id, kind, text, the request answered, the status).
"""

from __future__ import annotations

from pathlib import Path

from test_real_classes import linked_rows

NUMBERED_REPLY_BY_TITLE_AND_PORTFOLIO = """Ashcombe Borough Council
Audit Committee
Minutes of the meeting held on 9 July 2025

Depot insurance claim - update

Minutes:

7.1      The Committee considered a report of the Director of Resources on the insurance claim for the fire at the Mill Lane depot.

7.2      Councillor Ridley asked if the council could also claim against the depot's alarm contractor.

7.3      The Head of Legal, Governance & Property answered that a claim against the contractor would need expert evidence of a fault and that this was being sought.

7.4      Councillor Amos stated that the claim should be pressed as quickly as possible.
"""


def test_member_statement_after_an_unread_answer_was_linked_as_the_answer(tmp_path: Path) -> None:
    """Real audit minutes: "7.3 The Head of Legal, Governance & Property answered that …" was no row
    (a title with its portfolio after a comma was not read as a named speaker), so the next paragraph,
    a member's own point ("Councillor Amos stated that …"), was taken as the reply to the question
    two paragraphs up: a wrong link.  The titled answer is the reply; the member's point is nothing."""
    assert linked_rows(tmp_path, "ashcombe-2025-07-audit-minutes.txt", NUMBERED_REPLY_BY_TITLE_AND_PORTFOLIO) == [
        ("7.2/c1", "request", "Councillor Ridley asked if the council could also claim against the depot's alarm "
         "contractor.", "", "answered"),
        ("7.3/c1", "assurance", "The Head of Legal, Governance & Property answered that a claim against the "
         "contractor would need expert evidence of a fault and that this was being sought.", "7.2/c1", ""),
    ]


LOWER_CASE_COMMITTEE_REQUEST = """Ashcombe Borough Council
Governance Committee
Minutes of the meeting held on 22 January 2025

Approval of Minutes

Minute 41 – Complaints Monitoring, page 4:

The committee referred members to page 4 of the minutes, where the committee had requested a breakdown of complaints by service to be included in the next monitoring report. Mr Faber undertook to discuss with the Complaints Manager how that breakdown could be presented.
"""


def test_lower_case_committee_request_in_matters_arising_was_a_decision(tmp_path: Path) -> None:
    """Real matters arising: "The committee referred members to … where the committee had requested …"
    was read as a decision (the meeting as subject was matched only with a capital C), so the officer's
    undertaking under it answered nothing."""
    assert linked_rows(tmp_path, "ashcombe-2025-01-governance-minutes.txt", LOWER_CASE_COMMITTEE_REQUEST) == [
        ("Minute 41#1/c1", "request", "The committee referred members to page 4 of the minutes, where the committee "
         "had requested a breakdown of complaints by service to be included in the next monitoring report.", "",
         "partly answered"),
        ("Minute 41#1/c2", "assurance", "Mr Faber undertook to discuss with the Complaints Manager how that breakdown "
         "could be presented.", "Minute 41#1/c1", ""),
    ]


ASK_ANSWERED_IN_ITS_OWN_SENTENCE = """Ashcombe Borough Council
Planning Committee
Minutes of the meeting held on 4 June 2025

Site visits

The Chair asked Members if they wished to hold a site visit before the next meeting but there was no support for a visit.
"""


def test_ask_answered_in_its_own_sentence_was_outstanding(tmp_path: Path) -> None:
    """Real planning minutes: "The Chairman asked Members if … but there was no support for the proposal"
    was one request, outstanding; the meeting answered it in the same sentence."""
    assert linked_rows(tmp_path, "ashcombe-2025-06-planning-minutes.txt", ASK_ANSWERED_IN_ITS_OWN_SENTENCE) == [
        ("Site visits#1/c1", "request", "The Chair asked Members if they wished to hold a site visit before the next "
         "meeting", "", "answered"),
        ("Site visits#1/c2", "assurance", "but there was no support for a visit.", "Site visits#1/c1", ""),
    ]
