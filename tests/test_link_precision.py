"""Regression tests for wrong links in the Bristol and Worcestershire minutes (issue #4, precision): each a tiny
fixture in the minutes' wording, then the real papers that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_link import Paper, run

from minutemine.link import link_commitments

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
COMMITTEE = "Transport and Connectivity Policy Committee"


def _same_item(paper: Paper, item_id: str, text: str, kind: str, **fields) -> str:
    """A second commitment read in the item `item_id` (a bullet of two sentences)."""
    last = paper.commitments[-1]
    start = last.char_end + 1
    commitment_id = f"c:{item_id}#2"
    paper.commitments.append(last.model_copy(update={"commitment_id": commitment_id, "kind": kind, "text": text,
                                                     "char_start": start, "char_end": start + len(text), **fields}))
    return commitment_id


def test_they_after_an_ask_is_the_askers_speaking_not_a_reply():
    """Regression: "Members highlighted the potential impacts on workers … They stressed that any proposed exemptions
    … would need to be communicated early" (Bristol minutes 2026-03-19, one bullet) was read as officers' reply to
    the members' concern; "They" goes on in the members' voice.  "They were advised that …" is a reply."""
    minutes = Paper("m26", "2026-03-19", body="Bristol City Council")
    points = minutes.add("10#2", "During discussion, Members raised the following points:")
    bullet = minutes.add("10#2#4", "Members highlighted the potential impacts on workers, including any risk to jobs "
                                   "or business relocation.", "bullet", "request", parent=points, actor=COMMITTEE)
    stressed = _same_item(minutes, bullet, "They stressed that any proposed exemptions or boundary changes would "
                                           "need to be communicated early.", "assurance", actor="Officers")
    advised = minutes.add("10#2#5", "Members asked how many businesses had replied to the survey.", "bullet", "request",
                          parent=points, actor=COMMITTEE)
    were_advised = _same_item(minutes, advised, "They were advised that ninety-two businesses had replied.",
                              "assurance", actor="Officers")
    linked, _ = run(minutes)
    assert linked[stressed].answers == ""
    assert linked[were_advised].answers == f"c:{advised}"


def test_a_new_bullet_does_not_go_on_with_the_unpunctuated_bullet_above():
    """Regression: Worcestershire's minute ends no bullet with a full stop, so the bullet "there were two main
    options which would be considered for the Director of Children's Services role" was read as the rest of the
    bullet above ("in terms of how long … the Statutory Direction would remain in force"), split by layout, and as
    its answer.  A layout split goes on in a paragraph with no bullet of its own."""
    minutes = Paper("wor", "2018-02-21", body="Worcestershire County Council")
    points = minutes.add("3", "In the ensuing discussion, the following main points were made:")
    asked = minutes.add("3#7", "in terms of how long it was envisaged that the Statutory Direction would remain in "
                               "force, the Assistant Director advised that it would remain in place whilst the "
                               "Authority were inadequate", "bullet", "request", parent=points, actor="Scrutiny Panel")
    minutes.commitments[-1] = minutes.commitments[-1].model_copy(update={
        "text": "in terms of how long it was envisaged that the Statutory Direction would remain in force"})
    _same_item(minutes, asked, "the Assistant Director advised that it would remain in place whilst the Authority "
                               "were inadequate", "assurance", actor="Assistant Director")
    minutes.add("3#8", "there were two main options which would be considered for the Director of Children's "
                       "Services role", "bullet", "assurance", parent=points, actor="Officers")
    linked, _ = run(minutes)
    assert linked["c:wor/3#7#2"].answers == "c:wor/3#7"
    assert linked["c:wor/3#8"].answer_method != "tree"


def test_one_councillors_amendment_does_not_restate_anothers():
    """Regression: "An amendment was moved by Councillor Coombes as follows:" (Bristol minutes 2025-05-15) was taken
    for a restatement of "Councillor Rippington moved an amendment to the report as follows" (minutes 2024-09-12):
    two councillors named by title and surname alone, two amendments."""
    earlier = Paper("m24", "2024-09-12", body="Bristol City Council")
    earlier.add("7#4", "Councillor Rippington moved an amendment to the report as follows", "paragraph",
                "recommendation", actor="Councillor Rippington")
    later = Paper("m25", "2025-05-15", body="Bristol City Council")
    later.add("10#6", "An amendment was moved by Councillor Coombes as follows:", "paragraph", "recommendation",
              actor="Councillor Coombes")
    linked, _ = run(earlier, later)
    assert linked["c:m25/10#6"].answers == ""


def test_a_later_ask_of_the_committee_does_not_reply_to_a_recommendation_put_to_it():
    """Regression: "Members suggested CAZ funds could alternatively support subsidised bus services and a timeframe
    was requested for when the funds could be repaid" (Bristol minutes 2025-10-23) was linked as the committee's
    reply to the 2024 report's recommendation "Stage One Development and OBC costs to be funded through CAZ funding to
    be repaid from subsequent income" put to it: a proposal is answered by the decision on it."""
    report = Paper("rep", "2024-09-12", body="Bristol City Council")
    report.add("2", "Stage One Development and OBC costs to be funded through CAZ funding to be repaid from "
                    "subsequent income generated from the scheme.", "recommendation", "recommendation",
               addressee=COMMITTEE)
    report.add("3", "Authorises the Executive Director to procure and award the contracts for Stage One.",
               "recommendation", "recommendation", addressee=COMMITTEE)
    report.add("4", "Notes the feasibility study of a Workplace Parking Levy for the city.", "recommendation",
               "recommendation", addressee=COMMITTEE)
    minutes = Paper("m2510", "2025-10-23", body="Bristol City Council")
    minutes.add("10#3", "Members asked about the engagement with employers on the survey.", "bullet", "request",
                actor=COMMITTEE)
    minutes.add("10#4#1", "Members suggested CAZ funds could alternatively support subsidised bus services and a "
                          "timeframe was requested for when the funds could be repaid.", "bullet", "request",
                actor=COMMITTEE)
    # The real pair is alike enough in the corpus's vocabulary (0.25 and more); with a bar this tiny fixture's
    # wording passes too, the rule alone must keep them apart.
    linked, _ = link_commitments([report.row, minutes.row], report.items + minutes.items,
                                 report.commitments + minutes.commitments, restatement_min=0.2)
    assert {c.commitment_id: c.answers for c in linked}["c:m2510/10#4#1"] == ""


@pytest.fixture(scope="module")
def corpus_papers():
    from minutemine.pipeline import process_file

    names = ["pdf/bristol-tcpc-minutes-2024-09-12.pdf", "pdf/bristol-tcpc-minutes-2025-05-15.pdf",
             "pdf/bristol-tcpc-minutes-2025-10-23.pdf", "pdf/bristol-tcpc-minutes-2026-03-19.pdf",
             "pdf/bristol-wpl-committee-report-2024-09-12.pdf", "worcestershire-2018-alternative-delivery-model-minute.txt"]
    results = [process_file(CORPUS / name) for name in names]
    linked, _ = link_commitments([r.document for r in results], [i for r in results for i in r.items],
                                 [c for r in results for c in r.commitments])
    return {c.commitment_id: c for c in linked}


def _answers(linked: dict, start: str) -> str:
    hits = [c for c in linked.values() if c.text.startswith(start)]
    assert len(hits) == 1, (start, len(hits))
    return linked[hits[0].answers].text if hits[0].answers else ""


@pytest.mark.slow
def test_the_minutes_wrong_links_stay_unmade(corpus_papers):
    linked = corpus_papers
    assert _answers(linked, "They streesed that any proposed exemptions") == ""  # sic: the minutes' spelling
    assert not _answers(linked, "there were two main options").startswith("in terms of how long")
    assert _answers(linked, "An amendment was moved by Councillor Coombes") == ""
    assert _answers(linked, "Members suggested CAZ funds could alternatively") == ""
    # the links next to them are kept
    assert _answers(linked, "the Assistant Director advised that it would remain in place").startswith(
        "in terms of how long it was envisaged")


def _library_petition() -> tuple[Paper, Paper]:
    """A petition about one library and the reply that names the meeting it was presented to: every ask and every
    reply paragraph names the library."""
    council = Paper("pet", "2024-03-07", body="Ashcombe Borough Council")
    council.add("9", "A petition was presented asking the Council to:", "paragraph")
    for label, text in (("9.1", "keep Marsh Lane Library and Community Hall open on Sunday afternoons"),
                        ("9.2", "bring back the after-school homework club at Marsh Lane Library and Community Hall"),
                        ("9.3", "publish how much of the £400,000 library saving is to come from Marsh Lane "
                                "Library and Community Hall")):
        council.add(label, text, "bullet", "request", parent="pet/9", actor="Petitioners")
    reply = Paper("rep", "2024-05-16", body="Ashcombe Borough Council")
    reply.add("1", "This report responds to the petition presented to Council on 7 March 2024.", "paragraph")
    reply.add("2", "Marsh Lane Library and Community Hall will stay open on Sunday afternoons.", "paragraph",
              "assurance")
    reply.add("3", "The after-school homework club will return to Marsh Lane Library and Community Hall in "
                   "September.", "paragraph", "assurance")
    reply.add("4", "The car park of Marsh Lane Library and Community Hall will stay open to library users.",
              "paragraph", "assurance")
    return council, reply


def test_a_reply_paragraph_sharing_only_the_topic_is_not_aligned_with_the_next_ask():
    """Regression: in the Pellbury petition response, "The car park at Brook Street Pool will remain free for pool
    users." was aligned in order with the petition's fifth ask ("publish how much of the £1.2m saving … is to come
    from Brook Street Pool"), which nothing answers: the pair cleared the alignment's floor only on the pool's name,
    which every ask and paragraph share, and the paragraph was more like the first ask (0.32 against 0.23).  A
    paragraph is aligned only with the ask it is most like."""
    linked, _ = run(*_library_petition())
    assert (linked["c:rep/2"].answers, linked["c:rep/3"].answers) == ("c:pet/9.1", "c:pet/9.2")
    assert linked["c:rep/4"].answers == ""
    assert linked["c:pet/9.3"].status == "outstanding"


def test_an_officers_reply_reported_after_a_minuted_question_answers_it():
    """Regression: in the Stourmere minutes "A member asked whether any of the card spending in 2023/24 had been
    fraudulent." is followed by the paragraph "The Chief Finance Officer said that the audit had found no evidence
    of fraud …", an assurance that linked to nothing (so the question stayed outstanding); likewise the fuel-card
    question in the Cabinet minutes.  A paragraph that reports an officer's answer answers the ask minuted just
    before it; one that reports no one's answer does not."""
    minutes = Paper("mins", "2024-09-10", body="Ashcombe Borough Council")
    item = minutes.add("7", "7. Library Van Replacement", "agenda_item")
    asked = minutes.add("7#1", "A member asked whether the old library van would be sold at auction.", "paragraph",
                        "request", parent=item, actor="Committee")
    minutes.add("7#2", "The Head of Cultural Services explained that the van would be given to a village hall "
                       "charity.", "paragraph", "assurance", parent=item, actor="Head of Cultural Services")
    minutes.add("7#3", "A member asked how many stops the new van would serve.", "paragraph", "request",
                        parent=item, actor="Committee")
    minutes.add("7#4", "The new van will be delivered in March.", "paragraph", "assurance", parent=item)
    linked, _ = run(minutes)
    assert (linked["c:mins/7#2"].answers, linked["c:mins/7#2"].answer_method) == (f"c:{asked}", "sequence")
    assert linked[f"c:{asked}"].status != "outstanding"
    assert linked["c:mins/7#4"].answer_method != "sequence"  # no one's answer reported: not placed by sequence


def test_a_concern_raised_by_members_does_not_restate_a_recommendation():
    """Regression: "Members were concerned that seven waivers had been signed after the order was placed." (Stourmere
    audit committee minutes) was linked as a restatement of the internal audit's recommendation R4 ("No waiver of
    the contract procedure rules should be accepted after an order has been placed"): a worry the committee voices
    about what happened does not put again a recommendation made to management, however alike the words."""
    audit = Paper("aud", "2024-06-01", body="Ashcombe Borough Council")
    audit.add("5", "Recommendation 2: Library fines should no longer be written off without the approval of the "
                   "library manager.", "recommendation", "recommendation", actor="Internal Audit")
    minutes = Paper("com", "2024-06-20", body="Ashcombe Borough Council")
    minutes.add("8", "Members were concerned that library fines had been written off without the approval of the "
                     "library manager.", "paragraph", "request", actor="Committee", modality="concern")
    linked, _ = run(audit, minutes)
    assert linked["c:com/8"].answers == ""
    minutes.row = minutes.row.model_copy(update={"meeting_date": audit.row.meeting_date})  # one day: either way
    linked, _ = run(audit, minutes)
    assert (linked["c:com/8"].answers, linked["c:aud/5"].answers) == ("", "")


def test_asked_to_note_the_progress_does_not_restate_asked_to_note_the_findings():
    """Regression: a recommendations tracker's "The Committee is asked to note the progress made on the
    recommendations." was linked as a restatement of the audit report's "The Committee is asked to note the
    findings of the audit." (third held-out set): a paper asking its committee only to note something asks
    nothing that could be asked again or answered.  Asked to note *and approve* is still an ask."""
    report = Paper("rep", "2024-06-01", body="Ashcombe Borough Council")
    report.add("6.1", "The Committee is asked to note the findings of the review of library fines.", "paragraph",
               "recommendation", actor="Internal Audit")
    report.add("6.2", "The Committee is asked to note the review of library fines and to approve the new "
                      "write-off limits.", "paragraph", "recommendation", actor="Internal Audit")
    tracker = Paper("trk", "2024-12-01", body="Ashcombe Borough Council")
    tracker.add("1.1", "The Committee is asked to note the progress made on the review of library fines.",
                "paragraph", "request", actor="Internal Audit")
    tracker.add("1.2", "The Committee is asked to approve the new write-off limits for library fines.",
                "paragraph", "request", actor="Internal Audit")
    linked, _ = run(report, tracker)
    assert linked["c:trk/1.1"].answers == ""


def _two_recommendation_lists(fleet: list[str], halls: list[str], opening: str = "") -> tuple[Paper, Paper]:
    audit = Paper("audit", "2025-01-14", body="Kelby District Council")
    lead = audit.add("3", "The Committee recommends to Cabinet:", "paragraph")
    for n, text in enumerate(fleet, start=1):
        audit.add(f"3.{n}", text, "recommendation", "recommendation", parent=lead)
    panel = Paper("panel", "2025-02-11", body="Kelby District Council")
    if opening:
        panel.add("1", opening, "paragraph")
    lead = panel.add("2", "The Panel recommends to Cabinet:", "paragraph")
    for n, text in enumerate(halls, start=1):
        panel.add(f"2.{n}", text, "recommendation", "recommendation", parent=lead)
    return audit, panel


FLEET = ["That every pool car journey be logged with its mileage and purpose.",
         "That the Council publishes the annual fleet emissions figures.",
         "That the Council reviews the charges for servicing other councils' vehicles."]
HALLS = ["That a community toilet scheme be launched with local cafes and shops.",
         "That the Council publishes the condition survey of its eight community halls.",
         "That the Council reviews the hire charges for community halls, with a discount for charities."]


def test_two_asks_worded_alike_by_chance_do_not_make_one_paper_restate_another():
    """Regression: a scrutiny panel's "That the Council publishes the condition survey of its eight community
    halls" restated an audit committee's "That the Council publishes the annual fleet emissions figures" (0.32),
    and "reviews the hire charges for community halls" its "reviews the charges for servicing other councils'
    vehicles" (0.39): two papers of one council on other matters, sharing two asks' framing by chance."""
    linked, _ = run(*_two_recommendation_lists(FLEET, HALLS))
    assert not any(c.answer_method == "restatement" for c in linked.values())


def test_a_paper_restating_several_asks_or_naming_the_earlier_meeting_still_restates_them():
    """Guard: three restated asks are a paper taking up another's; so is one, in a paper that names the day of
    the earlier meeting."""
    restated = [text.replace("That the Council", "That the Executive") for text in FLEET]
    linked, _ = run(*_two_recommendation_lists(FLEET, restated))
    assert [linked[f"c:panel/2.{n}"].answers for n in (1, 2, 3)] == [f"c:audit/3.{n}" for n in (1, 2, 3)]
    one = [HALLS[0], FLEET[1].replace("That the Council", "That the Executive"), HALLS[2]]
    named = run(*_two_recommendation_lists(FLEET, one, opening="Further to the Audit Committee's recommendations "
                                                                "of 14 January 2025, the Panel reviewed them."))[0]
    assert named["c:panel/2.2"].answers == "c:audit/3.2"


def test_a_reply_naming_the_letter_it_answers_does_not_answer_another_papers_ask_by_wording():
    """Regression: a reply paper that opens by naming the day of the letter it answers still answered, by wording
    alone, an ask of another paper of the same council worded like one of its paragraphs (a leisure committee's
    question on the hours cut at the leisure centre): the reply says what it replies to."""
    from test_link_numbered import letter_and_reply

    letter, reply = letter_and_reply("Thank you for your letter of 28 November 2024 following the Panel's meeting.")
    leisure = Paper("leisure", "2024-10-02", body="")
    leisure.add("4", "Members asked whether the opening hours cut were those in which fewer than eight visitors "
                     "were recorded on average.", "paragraph", "request")
    linked, _ = run(letter, reply, leisure)
    assert linked["c:reply/r#2"].answers == ""
    assert linked["c:leisure/4"].status == "outstanding"
    assert linked["c:reply/r#3"].answers == "c:letter/m#1"  # the letter's own ask is still answered


def test_an_ask_sharing_one_rare_word_with_another_does_not_restate_it():
    """Regression: the deck's "Provides clarity about the communications approach to the people of Plymouth"
    restated the scrutiny minute's "how this was being communicated to our staff" (0.30): one rare stem,
    'communic', weighed high by TF-IDF; the public is not the staff.  An ask put again names at least two of the
    things it was about."""
    osc = Paper("osc", "2017-09-25")
    osc.add("q.i", "how this was being communicated to our staff", "question", "request")
    deck = Paper("deck", "2017-12-13")
    deck.add("0", "Due diligence update following the Committee's meeting of 25 September 2017", "paragraph")
    deck.add("C1", "Provides clarity about the communications approach to the people of Plymouth", "request",
             "request")
    # The pair is alike enough in the corpus's vocabulary; with a bar this tiny fixture's wording passes too.
    linked, _ = link_commitments([osc.row, deck.row], osc.items + deck.items, osc.commitments + deck.commitments,
                                 restatement_min=0.05)
    linked = {c.commitment_id: c for c in linked}
    assert linked["c:deck/C1"].answers == ""
    assert linked["c:osc/q.i"].status == "outstanding"


def test_the_decks_communications_ask_restates_nothing_in_the_scrutiny_minute():
    """The real case (corpus, Plymouth deck and scrutiny minute): the deck's Communication 1 restates no ask of the
    minute, whose staff-communications question stays outstanding (corpus/gold/request_status.csv)."""
    from minutemine.pipeline import process_file

    names = ["plymouth-2017-09-wellbeing-osc-minute-torbay-partnership.txt",
             "plymouth-2017-12-13-due-diligence-assurance-update.txt"]
    results = [process_file(CORPUS / name) for name in names]
    linked, _ = link_commitments([r.document for r in results], [i for r in results for i in r.items],
                                 [c for r in results for c in r.commitments])
    linked = {c.commitment_id: c for c in linked}
    assert _answers(linked, "Provides clarity about the communications approach") == ""
    staff = [c for c in linked.values() if c.text.startswith("how this was being communicated to our staff")]
    assert [c.status for c in staff] == ["outstanding"]
    # "To review and map existing ICT systems across … Torbay Council" names two things again: systems, Torbay
    assert _answers(linked, "To review and map existing ICT systems") == "Torbay’s IT systems"


def test_a_paper_named_further_on_in_a_reply_is_answered_too():
    """Guard for keep_to_cited_papers: a reply that opens with one letter and, further on (past its opening), names
    the day of another meeting ("At its meeting on 2 October 2024 the Leisure Committee asked …") may answer that
    meeting's asks by wording, as a tracker answers the actions of each meeting it lists."""
    from test_link_numbered import letter_and_reply

    letter, reply = letter_and_reply("Thank you for your letter of 28 November 2024 following the Panel's meeting.")
    reply.add("pad", "Background. " + "The library service review has run since 2023. " * 70, "paragraph")
    reply.add("lc", "At its meeting on 2 October 2024 the Leisure Committee asked about the hours cut.", "paragraph")
    leisure = Paper("leisure", "2024-10-02", body="")
    leisure.add("4", "Members asked whether the opening hours cut were those in which fewer than eight visitors "
                     "were recorded on average.", "paragraph", "request")
    linked, _ = run(letter, reply, leisure)
    assert linked["c:reply/r#2"].answers == "c:leisure/4"


def _minutes_citing_an_earlier_meeting(section_title: str, later_ask: str) -> tuple[Paper, Paper]:
    """January minutes resolving to ask for waiting times by ward; March minutes confirming them, then under
    `section_title` one ask worded like January's."""
    january = Paper("jan", "2025-01-14", body="Kelby District Council")
    january.add("12", "ADULT SOCIAL CARE PERFORMANCE", "section")
    january.add("12.b", "That the Director of Adult Care be asked to circulate to members the waiting times for an "
                        "occupational therapy assessment, broken down by ward.", "paragraph", "request", parent="jan/12")
    march = Paper("mar", "2025-03-11", body="Kelby District Council")
    march.add("1", "The minutes of the meeting held on 14 January 2025 were confirmed as a correct record.")
    march.add("5", section_title, "section")
    march.add("5#1", later_ask, "paragraph", "request", parent="mar/5")
    return january, march


def test_a_like_worded_ask_under_another_topic_restated_an_ask_of_the_meeting_the_minutes_confirm():
    """Regression: minutes confirming the March minutes asked, under "NHS dental services", for dental waiting times
    "broken down by locality" (fourth held-out set, June minute 33, seen); they were taken as restating March's
    mental health waiting times "broken down by locality" (0.29), kept only because the paper names March's
    meeting day, and left that request `partly answered`.  Under a section on its own topic the ask still
    restates it."""
    ask = ("Members asked that the waiting times for an occupational therapy assessment in Hollin ward, broken down by "
           "ward, be circulated to members.")
    elsewhere = run(*_minutes_citing_an_earlier_meeting("NHS DENTAL SERVICES", ask.replace(
        "an occupational therapy assessment", "dental treatment")))[0]
    assert elsewhere["c:mar/5#1"].answers == ""
    own_topic = run(*_minutes_citing_an_earlier_meeting("OCCUPATIONAL THERAPY", ask))[0]
    assert own_topic["c:mar/5#1"].answers == "c:jan/12.b"
    business = run(*_minutes_citing_an_earlier_meeting("MATTERS ARISING", ask))[0]
    assert business["c:mar/5#1"].answers == "c:jan/12.b"


def test_a_weak_second_restatement_of_an_ask_another_restates_closely_was_kept():
    """Regression: the deck's Finance 3 "Torbay's Medium Term Financial Planning makes sufficient provision …"
    restated OSC 2.d at 0.37 (over RESTATEMENT_SURE, 0.35), beside Finance 4's "There is sufficient ongoing
    visibility of Torbay Council's overall budget and financial planning" at 0.56: a wrong link (gold: Finance 3
    restates 2.c).  A second restatement of one ask, outside the one-to-one assignment, must be about as like it as
    the assigned one (the deck's two restatements of 2.e, 0.40 and 0.37, both stay)."""
    from minutemine.link_choose import assign_restatements
    from minutemine.link_rows import Candidate, Rows
    from minutemine.models import Commitment

    def kept(first: float, second: float) -> set[int]:
        commitments = [Commitment(commitment_id=f"c{n}", doc_id=doc, item_id=f"i{n}", kind="request", text="t")
                       for n, doc in enumerate(("osc", "deck", "deck"))]
        rows = Rows(commitments, ["request"] * 3, [None] * 3)
        candidates = {1: [Candidate(0, first, "restatement")], 2: [Candidate(0, second, "restatement")]}
        return {s for s, cands in assign_restatements(rows, candidates, sure=0.35).items() if cands}

    assert kept(0.5635, 0.366) == {1}
    assert kept(0.403, 0.3747) == {1, 2}
    assert kept(0.5635, 0.30) == {1}  # under `sure`, as before


def action_log_story() -> tuple[Paper, ...]:
    march = Paper("march", "2024-03-05", body="Ellby County Council")
    item = march.add("23", "23. COMMUNITY MENTAL HEALTH SERVICES", "agenda_item")
    march.add("23#3", "whether the Council would continue to fund the respite centre at Oak Lodge after March 2025",
              "paragraph", "request", parent=item)
    march.add("d", "(d) the Scrutiny Officer arrange a visit by members to the day centre in Mill Street",
              "recommendation", "request")
    letter = Paper("letter", "2024-04-19", body="Ellby County Council")
    letter.add("1", "You asked whether the Council will fund the respite centre at Oak Lodge and visits to it.",
               "paragraph", "request")
    june = Paper("june", "2024-06-11", body="Ellby County Council")
    log = june.add("32", "32. ACTION LOG", "agenda_item")
    june.add("32#4", "Minute 23(d): visit to the respite centre at Oak Lodge", "paragraph", "request", parent=log)
    return march, letter, june


def test_an_action_log_line_restated_an_ask_of_another_paper_than_the_minute_it_cites():
    """Regression: the fourth held-out set's action log "Minute 23(d): visit to the crisis house at Fenwick Lodge" was
    scored as restating (0.51) the director's letter "You asked whether the Council will continue to fund the crisis
    house": like in words, but a line that cites a minute restates only an ask of that minute."""
    linked, links = run(*action_log_story())
    line = "c:june/32#4"
    assert all(not l.request_id.startswith("c:letter/") for l in links if l.answer_id == line)
    assert not linked[line].answers.startswith("c:letter/")
