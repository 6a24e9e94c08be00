"""Second held-out link test (issue #4): three chains written blind, in other layouts.

`tests/fixtures/heldout2/` holds papers of three fictional councils that nobody tuning
minutemine had seen (see the folder's SOURCES.md): a scrutiny review answered months later
by an executive response printed as a bordered table in a PDF (accepted, partially accepted
and rejected recommendations); a full council "Questions from members of the public" paper
and a residents' forum minute with an "Issue raised | Response" table (PDF); a scrutiny
minute's "RESOLVED – (a) … (g)" answered in part by an officers' action tracker four months
later, with a licensing committee minute of the same council as a distractor.
`expected.csv` was annotated, and committed, before minutemine was first run on them.

Row types as in `test_link_heldout.py`: `link` (the answer reaches the request, directly or
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

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "heldout2"

# Which papers form one chain: an answer may only reach a request of its own chain.
CHAINS = {
    "tansfield-2024-10-08-scrutiny-review-school-transport.txt": "tansfield school transport",
    "tansfield-2025-02-18-executive-response-school-transport.pdf": "tansfield school transport",
    "rudleigh-2025-01-29-full-council-public-questions.txt": "rudleigh public questions",
    "rudleigh-2025-03-12-eastside-residents-forum-minutes.pdf": "rudleigh residents' forum",
    "ashmere-2024-09-17-communities-scrutiny-minutes.txt": "ashmere antisocial behaviour",
    "ashmere-2025-01-14-communities-scrutiny-action-tracker.txt": "ashmere antisocial behaviour",
    "ashmere-2024-11-26-licensing-committee-minutes.txt": "ashmere licensing",
}

EXPECTED = read_expected(FIXTURE)

# Cases that fail with today's code: (type, answer_quote, request_quote) → the stage that fails.
XFAIL: dict[tuple[str, str, str], str] = {}

pytest_generate_tests = parametrize_cases(EXPECTED, XFAIL)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Outputs:
    return run_fixture(FIXTURE, tmp_path_factory)


def test_fixture_is_read_as_seven_papers(outputs: Outputs):
    assert outputs.papers == set(CHAINS)


def test_expected_rows_and_xfails_refer_to_the_fixture():
    check_expected_rows(EXPECTED, XFAIL, CHAINS)


def test_no_answer_leaves_its_chain(outputs: Outputs):
    crossings = chain_crossings(outputs, CHAINS)
    assert not crossings, "answers linked to a request of an unrelated paper:\n" + "\n".join(crossings)
