"""Third held-out link test (issue #4): three chains written blind, in layouts the first two sets lack.

`tests/fixtures/heldout3/` holds papers of three fictional councils that nobody tuning
minutemine had seen (see the folder's SOURCES.md): an internal audit report's prioritised
recommendations and the committee's questions, answered six months later by a
recommendations tracker printed as a bordered PDF table whose rows wrap and cross page
breaks (with a Cabinet minute on fuel cards as a distractor); a petition to full council
answered by the Cabinet Member's "Response to petition" report in prose; a "Questions from
Councillors – written answers" paper laid out as a "Question | Answer" PDF table; a scrutiny
committee's call-in and recommendations to Cabinet, answered by a Cabinet minute that accepts
them "save that" the second, third and fifth (cited in words).  `expected.csv` was annotated,
and committed, before minutemine was first run on them.

Row types as in `test_link_heldout2.py`: `link` (the answer reaches the request, directly or
through restated requests), `status`, `no_link`.  Cases today's code gets wrong are strict
xfails (the `XFAIL` table) naming the stage that fails, so a fix shows up as XPASS: then
delete its entry.  A `no_link` case whose end is not extracted is skipped, visibly.  The
pipeline runs once per module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heldout_common import (Outputs, chain_crossings, check_expected_rows, parametrize_cases, read_expected,
                            run_fixture)
# The three case tests, collected here and parametrized with this module's rows.
from heldout_common import test_answer_reaches_its_request, test_no_link, test_request_status  # noqa: F401

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "heldout3"

# Which papers form one chain: an answer may only reach a request of its own chain.
CHAINS = {
    "stourmere-2024-07-23-internal-audit-report-purchasing-cards.txt": "stourmere purchasing cards",
    "stourmere-2024-07-23-audit-governance-committee-minutes.txt": "stourmere purchasing cards",
    "stourmere-2025-01-28-audit-committee-recommendations-tracker.pdf": "stourmere purchasing cards",
    "stourmere-2024-11-19-cabinet-minutes-fleet-fuel-cards.txt": "stourmere fleet fuel cards",
    "pellbury-2024-06-20-full-council-minutes.txt": "pellbury brook street pool",
    "pellbury-2024-11-14-cabinet-response-to-petition-brook-street-pool.txt": "pellbury brook street pool",
    "norrington-2024-09-25-council-written-questions.pdf": "norrington written questions",
    "norrington-2024-10-16-overview-scrutiny-committee-minutes.txt": "norrington private rented housing",
    "norrington-2025-01-15-cabinet-minutes.txt": "norrington private rented housing",
}

EXPECTED = read_expected(FIXTURE)

# Cases that fail with today's code: (type, answer_quote, request_quote) → the stage that fails.
# Each reason opens with that stage ("extraction", "extraction (kind)", "segmentation", "linking").
XFAIL: dict[tuple[str, str, str], str] = {}

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
