"""Fifth held-out link test (issue #4): three chains written blind, in layouts the earlier sets lack.

`tests/fixtures/heldout5/` holds papers of three fictional public bodies that nobody tuning
minutemine had seen (see the folder's SOURCES.md): a select committee inquiry report whose
"Conclusions and recommendations" ("We recommend that …", then information asked for as (a)–(c))
are answered four months later by an Executive response table printed WITHOUT ruling lines
(columns set only by position, cells wrapping, a row breaking across the page end, PDF); a Police
and Crime Panel's written questions ("Question 4, from the councillor member for …") answered in
the next meeting's papers ("Q4 - Eastbrook custody suite"); a combined authority committee's
minutes answered by an "Actions arising" sheet, a six-column ruled PDF grid with status words
(Complete, Closed, On track, Superseded, Overdue).  Each body has a distractor paper (another
topic, similar words and sums, requests nothing answers).  `expected.csv` was annotated, and
committed, before minutemine was first run on them.

Row types as in `test_link_heldout4.py`: `link` (the answer reaches the request, directly or
through restated requests), `status`, `no_link`.  Cases the code gets wrong are strict xfails
(the `XFAIL` table) naming the stage that fails, so a fix shows up as XPASS: then delete its
entry.  A `no_link` case whose end is not extracted is skipped, visibly.  The pipeline runs once
per module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heldout_common import (Outputs, chain_crossings, check_expected_rows, parametrize_cases, read_expected,
                            run_fixture)
# The three case tests, collected here and parametrized with this module's rows.
from heldout_common import test_answer_reaches_its_request, test_no_link, test_request_status  # noqa: F401

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "heldout5"

# Which papers form one chain: an answer may only reach a request of its own chain.
CHAINS = {
    "hallowmere-2024-01-17-select-committee-report-surface-water-flooding.txt": "hallowmere flooding",
    "hallowmere-2024-05-21-cabinet-executive-response-surface-water-flooding.pdf": "hallowmere flooding",
    "hallowmere-2024-03-12-cabinet-minutes-highways-maintenance.txt": "hallowmere highways",
    "mardenshire-2024-06-27-police-crime-panel-written-questions.txt": "mardenshire written questions",
    "mardenshire-2024-09-19-police-crime-panel-responses-written-questions.txt": "mardenshire written questions",
    "mardenshire-2024-02-06-police-crime-panel-report-proposed-precept.txt": "mardenshire precept",
    "ravensholt-2024-04-11-transport-committee-minutes.txt": "ravensholt transport actions",
    "ravensholt-2024-07-18-transport-committee-actions-arising.pdf": "ravensholt transport actions",
    "ravensholt-2024-06-06-combined-authority-board-minutes-adult-skills.txt": "ravensholt adult skills",
}

EXPECTED = read_expected(FIXTURE)

# Reasons shared by several cases.
UNRULED_COLUMNS_INTERLEAVED = (
    "ingest: the table without ruling lines is read line by line straight across both columns, so a row's text "
    "interleaves the recommendation and the response ('Conclusion 4: agree a written protocol with Accepted in part. "
    "A draft protocol was sent to the the Environment Agency and Hallow Water Environment Age…') and the quoted "
    "response sentence is cut (most rows are still linked to their recommendation)")
Q_ANSWER_NOT_EXTRACTED = (
    "extraction missed it: the answer paragraph under a 'QN - topic (councillor member for …)' heading (read as a "
    "plain paragraph, not a question label) states facts with no cue word, and no commitment is extracted")
Q6_UNLINKED = (
    "linking: the sentence under 'Q6 - Sallowby front counter' is extracted (as an action) but linked to nothing, "
    "though the June paper's 'Question 6, from the councillor member for …' is extracted as a request")

# Cases that fail with the starting code: (type, answer_quote, request_quote) → the stage that fails.
# Each reason opens with that stage ("extraction", "extraction (kind)", "segmentation", "linking").
XFAIL: dict[tuple[str, str, str], str] = {
    # links: Hallowmere, select committee conclusions -> unruled Executive response table (PDF)
    ("link", "The emergency planning team wrote to the 47 parish councils",
     "every parish council in an area at risk of flooding be offered help to write a community flood plan"):
        UNRULED_COLUMNS_INTERLEAVED,
    # links: Mardenshire, written questions -> responses in the next meeting's papers
    ("link", "1.9 per cent of 999 calls and 17.4 per cent of 101 calls were abandoned",
     "What proportion of 999 calls and of 101 calls to Mardenshire Police were abandoned"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "The average time taken to answer a 101 call was 6 minutes 40 seconds",
     "What proportion of 999 calls and of 101 calls to Mardenshire Police were abandoned"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "Four four-wheel-drive vehicles were bought in November 2023",
     "How much of that money has been spent, and on what?"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "The remaining £38,000 was carried forward to 2024/25",
     "How much of that money has been spent, and on what?"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "The force publishes its stop and search figures, broken down by ethnicity, for the county as a whole",
     "stop and search figures, broken down by ethnicity, for each of the six districts"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "The Commissioner will not publish them district by district",
     "stop and search figures, broken down by ethnicity, for each of the six districts"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "The custody suite is expected to open to detainees in March 2025",
     "When will the new custody suite at Eastbrook open"): Q_ANSWER_NOT_EXTRACTED,
    ("link", "The Chief Constable is reviewing the use of every police front counter",
     "Does the Commissioner intend to consult the public before any decision is taken on its future?"): Q6_UNLINKED,
    ("link", "The Commissioner will decide what engagement with the public is needed",
     "Does the Commissioner intend to consult the public before any decision is taken on its future?"): Q6_UNLINKED,
    # statuses: Mardenshire
    ("status", "", "What proportion of 999 calls and of 101 calls to Mardenshire Police were abandoned"):
        "extraction missed the answer under 'Q1 - Call handling' (facts, no cue word), so it is 'outstanding'",
    ("status", "", "How much of that money has been spent, and on what?"):
        "extraction missed the answer under 'Q2 - Rural crime team vehicles' (facts, no cue word), so it is "
        "'outstanding'",
    ("status", "", "stop and search figures, broken down by ethnicity, for each of the six districts"):
        "extraction missed the answer under 'Q3 - Stop and search' (a fact and a refusal), so it is 'outstanding'",
    ("status", "", "When will the new custody suite at Eastbrook open"):
        "extraction missed the part answer under 'Q4 - Eastbrook custody suite' ('is expected to open …'), so it is "
        "'outstanding'",
    ("status", "", "Does the Commissioner intend to consult the public before any decision is taken on its future?"):
        "linking: 'outstanding': the two sentences under 'Q6 - Sallowby front counter' are extracted (as actions) "
        "but linked to nothing",
}

pytest_generate_tests = parametrize_cases(EXPECTED, XFAIL)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Outputs:
    return run_fixture(FIXTURE, tmp_path_factory)


def test_fixture_is_read_as_nine_papers(outputs: Outputs):
    assert outputs.papers == set(CHAINS)


def test_expected_rows_and_xfails_refer_to_the_fixture():
    check_expected_rows(EXPECTED, XFAIL, CHAINS)


def test_no_answer_leaves_its_chain(outputs: Outputs):
    crossings = chain_crossings(outputs, CHAINS)
    assert not crossings, "answers linked to a request of an unrelated paper:\n" + "\n".join(crossings)
