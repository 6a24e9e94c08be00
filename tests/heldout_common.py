"""Helpers shared by the held-out link tests (`test_link_heldout*.py`).

Each held-out fixture folder holds papers and an `expected.csv` of `link`, `status` and
`no_link` rows (see the folder's SOURCES.md).  These helpers read that file, turn its rows
into pytest parameters (strict xfails for the cases today's code gets wrong), and index a
run's `commitments.csv` so that a quote can be found and its links followed.  They import no
test module, so each test module runs the pipeline once, in its own fixture.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def read_expected(folder: Path) -> list[dict[str, str]]:
    with open(folder / "expected.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cases(expected: list[dict[str, str]], kind: str, xfail: dict[tuple[str, str, str], str]) -> list:
    """The rows of type `kind` as pytest params, strict-xfailed when keyed in `xfail`."""
    out = []
    for row in expected:
        if row["type"] != kind:
            continue
        key = (kind, row["answer_quote"], row["request_quote"])
        label = f"{row['answer_quote'][:28]}->{row['request_quote'][:28]}" if row["answer_quote"] \
            else row["request_quote"][:40]
        marks = [pytest.mark.xfail(strict=True, reason=xfail[key])] if key in xfail else []
        out.append(pytest.param(row, id=re.sub(r"\W+", "_", label).strip("_"), marks=marks))
    return out


class Outputs:
    """A run's commitments, indexed by id and by paper file name."""

    def __init__(self, out: Path):
        with open(out / "documents.csv", encoding="utf-8-sig", newline="") as f:
            docs = {row["doc_id"]: Path(row["source_path"]).name for row in csv.DictReader(f)}
        with open(out / "commitments.csv", encoding="utf-8-sig", newline="") as f:
            self.rows = list(csv.DictReader(f))
        self.by_id = {row["commitment_id"]: row for row in self.rows}
        # A collective acceptance ("accepted, save that …") answers several asks: `answers` holds the
        # first, links.csv the others by a method in ANSWERS_SEVERAL (docs/LINK_STATUS.md).
        from minutemine.link import ANSWERS_SEVERAL
        with open(out / "links.csv", encoding="utf-8-sig", newline="") as f:
            self.also_answers: dict[str, list[str]] = {}
            for link in csv.DictReader(f):
                if link["method"] in ANSWERS_SEVERAL and link["rank"] != "1":
                    self.also_answers.setdefault(link["answer_id"], []).append(link["request_id"])
        self.file_of = {row["commitment_id"]: docs[row["doc_id"]] for row in self.rows}
        self.papers = set(docs.values())

    def hits(self, file: str, quote: str) -> list[dict[str, str]]:
        return [row for row in self.rows
                if self.file_of[row["commitment_id"]] == file and norm(quote) in norm(row["text"])]

    def contains(self, file: str, quote: str) -> bool:
        return bool(self.hits(file, quote))

    def find(self, file: str, quote: str) -> dict[str, str]:
        """The commitment of `file` whose text contains `quote` (the shortest if several)."""
        hits = self.hits(file, quote)
        if not hits:
            pytest.fail(f"extraction missed it: no commitment of {file} contains {quote!r}")
        return min(hits, key=lambda row: len(row["text"]))

    def reach(self, cid: str) -> list[str]:
        """The requests `cid` answers (its `answers` and any further ask it accepts with them), following
        restated requests up to the original."""
        seen: list[str] = []
        for first in [self.by_id[cid]["answers"], *self.also_answers.get(cid, [])]:
            nxt = first
            while nxt and nxt not in seen and nxt in self.by_id:
                seen.append(nxt)
                nxt = self.by_id[nxt]["answers"]
        return seen

    def show(self, cid: str) -> str:
        row = self.by_id[cid]
        return f"{row['kind']} in {self.file_of[cid]}: {row['text'][:90]!r}"


def check_link(outputs: Outputs, case: dict[str, str]) -> None:
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


def check_status(outputs: Outputs, case: dict[str, str]) -> None:
    request = outputs.find(case["request_file"], case["request_quote"])
    answered_by = [outputs.show(cid) for cid in outputs.by_id
                   if request["commitment_id"] in outputs.reach(cid)]
    assert request["status"] == case["expected_status"], (
        f"{outputs.show(request['commitment_id'])} has status {request['status']!r}; "
        f"answered by {answered_by or 'nothing'}")


def check_no_link(outputs: Outputs, case: dict[str, str]) -> None:
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


def chain_crossings(outputs: Outputs, chains: dict[str, str]) -> list[str]:
    """Every answer linked to a request of a paper outside its own chain."""
    return [f"{outputs.show(row['commitment_id'])}\n  -> {outputs.show(row['answers'])}"
            for row in outputs.rows
            if row["answers"] in outputs.by_id
            and chains[outputs.file_of[row["commitment_id"]]] != chains[outputs.file_of[row["answers"]]]]


# The three case tests every held-out module runs.  A module imports them (pytest collects an
# imported test function as the module's own) and feeds them its rows with
# `pytest_generate_tests = parametrize_cases(EXPECTED, XFAIL)`, so only the data differs.
def test_answer_reaches_its_request(outputs: Outputs, case: dict[str, str]):
    check_link(outputs, case)


def test_request_status(outputs: Outputs, case: dict[str, str]):
    check_status(outputs, case)


def test_no_link(outputs: Outputs, case: dict[str, str]):
    check_no_link(outputs, case)


_CASE_TYPE = {test_answer_reaches_its_request.__name__: "link", test_request_status.__name__: "status",
              test_no_link.__name__: "no_link"}


def parametrize_cases(expected: list[dict[str, str]], xfail: dict[tuple[str, str, str], str]):
    """A module's `pytest_generate_tests`: each shared case test gets the module's rows of its type."""
    def pytest_generate_tests(metafunc) -> None:
        kind = _CASE_TYPE.get(metafunc.function.__name__)
        if kind:
            metafunc.parametrize("case", cases(expected, kind, xfail))
    return pytest_generate_tests


def run_fixture(fixture: Path, tmp_path_factory) -> Outputs:
    """Run the whole pipeline once on a held-out folder, uncached, into a fresh folder."""
    from minutemine.pipeline import Settings, run

    out = tmp_path_factory.mktemp(f"{fixture.name}-out")
    run([fixture], out, Settings(workers=1, use_cache=False, quiet=True))
    return Outputs(out)


def check_expected_rows(expected: list[dict[str, str]], xfail: dict[tuple[str, str, str], str],
                        chains: dict[str, str]) -> None:
    """Every row names papers of the fixture, all three case types occur, and no XFAIL entry is stale."""
    files = {row[key] for row in expected for key in ("answer_file", "request_file") if row[key]}
    assert files <= set(chains)
    assert {row["type"] for row in expected} == {"link", "status", "no_link"}
    keys = {(row["type"], row["answer_quote"], row["request_quote"]) for row in expected}
    assert set(xfail) <= keys, f"stale XFAIL entries: {sorted(set(xfail) - keys)}"
