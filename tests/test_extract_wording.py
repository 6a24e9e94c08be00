"""Ask and answer wordings real councils use (issue #4; classes found by tests/fixtures/heldout3).

Each class has a tiny paper of its own, worded differently from the held-out set (other verbs,
subjects and topics), run through ingest, segment and extract as `minutemine run` does; the
expected rows are written out by hand and checked exactly.
"""

from __future__ import annotations

from pathlib import Path

from minutemine.extract import extract_commitments
from minutemine.ingest import ingest_file
from minutemine.segment import segment_document


def rows_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    """(kind, text) of every commitment extracted from a tiny paper written to `name`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = ingest_file(path)
    return [(c.kind, c.text) for c in extract_commitments([(doc, segment_document(doc))])[0]]


MINUTES_HEAD = """ASHCOMBE BOROUGH COUNCIL

MINUTES of a meeting of the COMMUNITIES SCRUTINY PANEL held on Monday 3 March 2025 at 6.00 pm

PRESENT: The Chair and six members of the Panel.

"""


def test_members_wishing_to_know_or_inviting_someone_to_act_are_requests(tmp_path):
    """'Members wished to know…' came out as nothing and 'Members invited the … to report…' as a
    decision: minutes report what members asked for in these words as often as with "asked"."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-03-panel-minutes.txt", MINUTES_HEAD + """7. LIBRARY SERVICES

Councillors wanted to know how many volunteers staffed the mobile library in 2024.

The Panel invited the Head of Libraries to bring the draft opening hours to its June meeting.

A member enquired whether the reading challenge would run again in the summer.
""")
    assert rows == [
        ("request", "Councillors wanted to know how many volunteers staffed the mobile library in 2024."),
        ("request", "The Panel invited the Head of Libraries to bring the draft opening hours to its June meeting."),
        ("request", "A member enquired whether the reading challenge would run again in the summer."),
    ]


def test_reply_reported_as_an_office_holder_saying_that_is_an_assurance(tmp_path):
    """'The Chief Finance Officer said that the audit had found no evidence…' after a minuted question
    was not extracted: minutes report most replies as '<office holder> said/explained that …'."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-03-panel-minutes.txt", MINUTES_HEAD + """8. STREET LIGHTING

A member asked whether the switch to LED lanterns had been finished in the rural parishes.

The Director of Highways explained that 1,204 of the 1,310 lanterns had been replaced, and the rest would follow by May.

The members present said that the new lights were too bright.
""")
    assert rows == [
        ("request", "A member asked whether the switch to LED lanterns had been finished in the rural parishes."),
        ("assurance", "The Director of Highways explained that 1,204 of the 1,310 lanterns had been replaced, and the "
                      "rest would follow by May."),
    ]


def test_petition_asks_after_calls_on_the_council_are_requests(tmp_path):
    """A petition's numbered asks ('This petition calls on the Council to: 1. … 2. …', quoted) and a
    petition summarised in one sentence ('It calls on the Council to …') were not extracted."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-20-council-minutes.txt", """ASHCOMBE BOROUGH COUNCIL

MINUTES OF THE MEETING OF THE COUNCIL held on Thursday 20 March 2025

12. PETITIONS

(a) Save the Orchard Road allotments

A resident presented a petition of 812 signatures, which reads:

"We are dismayed by the plan to sell the allotments. This petition calls upon the Council to:

1. withdraw the allotments from the list of assets for disposal;

2. offer the plot holders a lease of at least ten years."

(b) Hill Street crossing

A petition of 230 signatures was presented. It urges the Council to install a zebra crossing outside the surgery.
""")
    assert ("request", "withdraw the allotments from the list of assets for disposal") in rows
    assert ("request", 'offer the plot holders a lease of at least ten years."') in rows
    assert ("request", "It urges the Council to install a zebra crossing outside the surgery.") in rows


def test_written_question_could_you_tell_me_is_a_request(tmp_path):
    """'Could the Cabinet Member tell me how many …' and 'I would ask the Cabinet Member to consider …'
    ask, though neither ends in a question mark nor uses "asks"."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-20-council-minutes.txt", MINUTES_HEAD + """9. QUESTIONS FROM MEMBERS

Can the Leader tell me whether the bus station toilets will reopen this year.

I would ask the Leader to consider a second recycling centre in the north of the borough.
""")
    assert [kind for kind, _ in rows] == ["request", "request"]


def test_resolution_asking_another_body_to_consider_is_a_request(tmp_path):
    """'RESOLVED – That the decision be referred back …, and that Cabinet be asked to consider …' came out
    as a decision, so it had no status; asking another body to act is a request."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-03-panel-minutes.txt", MINUTES_HEAD + """10. CALL-IN: CLOSURE OF THE DEPOT

RESOLVED - That the decision be referred back to the Executive, and that the Executive be requested to consult the parish councils before the depot closes.

11. WORK PROGRAMME

RESOLVED - That the work programme be agreed.
""")
    assert rows == [
        ("request", "RESOLVED - That the decision be referred back to the Executive, and that the Executive be "
                    "requested to consult the parish councils before the depot closes."),
        ("decision", "RESOLVED - That the work programme be agreed."),
    ]


def test_recommendations_made_in_subjunctive_that_be_clauses_are_recommendations(tmp_path):
    """'RESOLVED – That the following recommendations be made to Cabinet: 1. That every … be inspected …'
    yielded nothing: the items carry no cue word, only "be" and a participle."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-03-panel-minutes.txt", MINUTES_HEAD + """12. FLOOD RESILIENCE

RESOLVED - That the following recommendations be made to the Executive:

1. That every culvert on the council's register be cleared before October each year.

2. That the Council appoint a flood warden in each of the five riverside wards.
""")
    assert rows == [
        ("recommendation", "That every culvert on the council's register be cleared before October each year."),
        ("recommendation", "That the Council appoint a flood warden in each of the five riverside wards."),
    ]


AUDIT_REPORT = """ASHCOMBE BOROUGH COUNCIL

AUDIT COMMITTEE - 10 FEBRUARY 2025

INTERNAL AUDIT REPORT: PAYROLL OVERTIME

1. KEY FINDINGS

1.1 Overtime claims should normally be approved within a week, but 31 were approved later.

2. RECOMMENDATIONS

2.1 Management should ensure that every overtime claim is approved before it is paid.

2.2 The payroll team should reconcile overtime paid with the rota each month.

3. CONCLUSION

3.1 Once these changes are made, overtime should be under control.
"""


def test_audit_recommendations_phrased_with_should_are_recommendations(tmp_path):
    """An audit report's recommendations ('The service should …', 'Management should ensure …') were
    not extracted: 'should' is read only under a Recommendations heading, never in the findings."""
    rows = rows_of(tmp_path, "ashcombe-2025-02-10-internal-audit-report-overtime.txt", AUDIT_REPORT)
    assert rows == [
        ("recommendation", "Management should ensure that every overtime claim is approved before it is paid."),
        ("recommendation", "The payroll team should reconcile overtime paid with the rota each month."),
    ]


def test_management_response_opening_with_its_verdict_is_one_answer(tmp_path):
    """A tracker's response cell ('Agreed. The card system has been set …') yielded only its last
    sentence, as a decision; the cell is one answer whatever its sentences say."""
    rows = rows_of(tmp_path, "ashcombe-2025-08-11-audit-follow-up.txt", """ASHCOMBE BOROUGH COUNCIL

Follow-up of internal audit report: payroll overtime

Recommendations tracker

Partially agreed. Claims are now approved in the rota system. Paper claims are noted and sent to the manager.

Implemented.
""")
    assert rows == [("assurance", "Partially agreed. Claims are now approved in the rota system. Paper claims are "
                                  "noted and sent to the manager.")]


def test_matters_arising_paragraphs_state_answers_without_cue_words(tmp_path):
    """Paragraphs under 'Matters arising from the meeting of …' answer the questions of that meeting in
    plain statements of fact ('The bank's fees … were £18,400'); none was extracted."""
    rows = rows_of(tmp_path, "ashcombe-2025-08-11-audit-follow-up.txt", """ASHCOMBE BOROUGH COUNCIL

AUDIT COMMITTEE - 11 AUGUST 2025

4. Matters arising from the meeting of 10 February 2025

4.1 Overtime paid in 2024/25 totalled £612,000, of which £48,000 was paid to agency staff.

4.2 The list of late claims was emailed to members on 3 March 2025.
""")
    assert rows == [
        ("assurance", "Overtime paid in 2024/25 totalled £612,000, of which £48,000 was paid to agency staff."),
        ("assurance", "The list of late claims was emailed to members on 3 March 2025."),
    ]


def test_minute_on_another_bodys_recommendations_reports_answers_of_fact(tmp_path):
    """A Cabinet minute headed with the scrutiny committee's recommendations reports what was done
    ('The guidance … was sent to all 1,140 landlords on 2 December') with no cue word; its courtesy
    and procedure lines stay out."""
    rows = rows_of(tmp_path, "ashcombe-2025-06-04-executive-minutes.txt", """ASHCOMBE BOROUGH COUNCIL

EXECUTIVE

MINUTES of the meeting held on Wednesday 4 June 2025

21. FLOOD RESILIENCE: RECOMMENDATIONS OF THE COMMUNITIES SCRUTINY PANEL

The Portfolio Holder for Environment presented the report on the Panel's recommendations.

Flood wardens were appointed in all five riverside wards in May 2025.

The Chair of the Panel welcomed the progress.
""")
    assert rows == [("assurance", "Flood wardens were appointed in all five riverside wards in May 2025.")]


def test_audit_recommendations_printed_as_bullets_are_recommendations(tmp_path):
    """The same class printed as bullets under 'Audit recommendations:' (no numbers)."""
    rows = rows_of(tmp_path, "ashcombe-2025-02-10-internal-audit-report-grants.txt", """ASHCOMBE BOROUGH COUNCIL

INTERNAL AUDIT REPORT: COMMUNITY GRANTS

Audit recommendations:

- The grants team should check each applicant's bank details before the first payment.
- Monitoring returns should be chased within a month of their due date.
""")
    assert rows == [
        ("recommendation", "The grants team should check each applicant's bank details before the first payment."),
        ("recommendation", "Monitoring returns should be chased within a month of their due date."),
    ]


def test_no_matters_arising_is_not_an_answer(tmp_path):
    """Minutes print 'MATTERS ARISING' with 'There were no matters arising.': reporting nothing answers nothing."""
    rows = rows_of(tmp_path, "ashcombe-2025-03-03-panel-minutes.txt", MINUTES_HEAD + """3. MATTERS ARISING

There were no matters arising from the minutes of 3 February 2025.

4. MINUTES

The minutes of the meeting held on 3 February 2025 were agreed as a correct record.
""")
    assert rows == [("decision", "The minutes of the meeting held on 3 February 2025 were agreed as a correct record.")]


def test_matter_arising_about_staff_who_moved_post_is_not_procedure(tmp_path):
    """'… cards held by staff who had moved post had been cancelled' was dropped as procedure ("moved", as
    in moving a motion): only moving a motion, an amendment or a recommendation is procedure."""
    rows = rows_of(tmp_path, "ashcombe-2025-08-11-audit-follow-up.txt", """ASHCOMBE BOROUGH COUNCIL

AUDIT COMMITTEE - 11 AUGUST 2025

4. Matters arising from the meeting of 10 February 2025

4.1 The Head of HR wrote to members on 3 March 2025 confirming that the passes of the 9 staff who had moved post were cancelled.
""")
    assert [kind for kind, _ in rows] == ["assurance"]
