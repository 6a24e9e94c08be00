"""Held-out link test (issue #4): two chains of council papers nobody tuned on.

`tests/fixtures/heldout/` holds, for two councils, a paper that asks (scrutiny
recommendations and numbered requests for information, or questions resolved in
minutes), a response months later that answers them point by point in its own
numbering and words, and a distractor paper of the same council on another topic
with requests of its own.  `expected.csv` was annotated by reading the papers,
before minutemine was run on them (see the folder's SOURCES.md):

- `link`: the commitment holding `answer_quote` answers the one holding
  `request_quote` (its `answers` reaches it directly or through restated requests);
- `status`: the request holding `request_quote` has `expected_status`;
- `no_link`: the answer does not reach that request; with no answer given,
  nothing in the fixture answers it.

Cases today's code gets wrong are strict xfails (the `XFAIL` table, keyed by the
row's type and quotes) saying which stage goes wrong, so a fix shows up as XPASS:
then delete its entry.  A `no_link` case whose answer or request is not extracted
is skipped, visibly, since it cannot be judged.  The pipeline runs once per module
(about 10 s).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from heldout_common import Outputs
from minutemine.pipeline import Settings, run

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "heldout"

# Which papers form one chain: an answer may only reach a request of its own chain.
CHAINS = {
    "harbridge-2025-03-11-damp-mould-task-group-report.txt": "harbridge damp and mould",
    "harbridge-2025-07-16-cabinet-response-damp-mould.txt": "harbridge damp and mould",
    "harbridge-2025-09-23-overview-scrutiny-minutes-car-parking.txt": "harbridge car parking",
    "wexcombe-2025-01-22-health-scrutiny-minutes.txt": "wexcombe health scrutiny",
    "wexcombe-2025-06-11-icb-response-fernley-unit.txt": "wexcombe health scrutiny",
    "wexcombe-2025-03-19-adult-social-care-committee-minutes.txt": "wexcombe adult social care",
    "calderbrook-2024-11-28-scrutiny-letter-libraries.txt": "calderbrook libraries",
    "calderbrook-2025-02-10-cabinet-member-reply-libraries.txt": "calderbrook libraries",
}


def read_expected() -> list[dict[str, str]]:
    with open(FIXTURE / "expected.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


EXPECTED = read_expected()

# Cases that fail with today's code: (type, answer_quote, request_quote) → why.  Empty since
# 23 Nov 2026: the rules that made its 22 strict xfails pass were written with this set in
# view, so it no longer measures what is unseen; tests/test_link_heldout2.py does.
XFAIL: dict[tuple[str, str, str], str] = {}


def cases(kind: str) -> list:
    out = []
    for row in EXPECTED:
        if row["type"] != kind:
            continue
        key = (kind, row["answer_quote"], row["request_quote"])
        label = f"{row['answer_quote'][:28]}->{row['request_quote'][:28]}" if row["answer_quote"] \
            else row["request_quote"][:40]
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[key])] if key in XFAIL else []
        out.append(pytest.param(row, id=re.sub(r"\W+", "_", label).strip("_"), marks=marks))
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Outputs:
    out = tmp_path_factory.mktemp("heldout-out")
    run([FIXTURE], out, Settings(workers=1, use_cache=False, quiet=True))
    return Outputs(out)


def test_fixture_is_read_as_eight_papers(outputs: Outputs):
    assert set(outputs.file_of.values()) == set(CHAINS)


@pytest.mark.parametrize("case", cases("link"))
def test_answer_reaches_its_request(outputs: Outputs, case: dict[str, str]):
    answer = outputs.find(case["answer_file"], case["answer_quote"])
    request = outputs.find(case["request_file"], case["request_quote"])
    assert answer["commitment_id"] != request["commitment_id"], (
        "segmentation/extraction merged the answer and the request into one commitment: "
        + outputs.show(answer["commitment_id"]))
    reached = outputs.reach(answer["commitment_id"])
    assert request["commitment_id"] in reached, (
        f"answer {outputs.show(answer['commitment_id'])}\n reaches "
        f"{[outputs.show(cid) for cid in reached] or 'nothing'}\n expected "
        f"{outputs.show(request['commitment_id'])}")


@pytest.mark.parametrize("case", cases("status"))
def test_request_status(outputs: Outputs, case: dict[str, str]):
    request = outputs.find(case["request_file"], case["request_quote"])
    answered_by = [outputs.show(cid) for cid, row in outputs.by_id.items()
                   if request["commitment_id"] in outputs.reach(cid)]
    assert request["status"] == case["expected_status"], (
        f"{outputs.show(request['commitment_id'])} has status {request['status']!r}; "
        f"answered by {answered_by or 'nothing'}")


@pytest.mark.parametrize("case", cases("no_link"))
def test_no_link(outputs: Outputs, case: dict[str, str]):
    # A missing end cannot be linked wrongly, but nor can the case be judged: skip, visibly.
    for file, quote in ((case["request_file"], case["request_quote"]),
                        (case["answer_file"], case["answer_quote"])):
        if quote and not outputs.contains(file, quote):
            pytest.skip(f"cannot be judged until extraction finds {quote!r} in {file}")
    request = outputs.find(case["request_file"], case["request_quote"])
    if case["answer_quote"]:
        answers = [outputs.find(case["answer_file"], case["answer_quote"])["commitment_id"]]
    else:  # nothing in the fixture answers this request
        answers = list(outputs.by_id)
    wrong = [outputs.show(cid) for cid in answers
             if cid != request["commitment_id"] and request["commitment_id"] in outputs.reach(cid)]
    assert not wrong, f"{outputs.show(request['commitment_id'])} is wrongly answered by {wrong}"


def test_no_answer_leaves_its_chain(outputs: Outputs):
    crossings = [f"{outputs.show(row['commitment_id'])}\n  -> {outputs.show(row['answers'])}"
                 for row in outputs.rows
                 if row["answers"] in outputs.by_id
                 and CHAINS[outputs.file_of[row["commitment_id"]]] != CHAINS[outputs.file_of[row["answers"]]]]
    assert not crossings, "answers linked to a request of an unrelated paper:\n" + "\n".join(crossings)
