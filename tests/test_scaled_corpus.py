"""The scaled corpus is many councils telling the sample's stories (tests/scaled_corpus.py):
one story block per copy and original block, and per copy the sample's work.

Rows of a copy are compared with the sample's by paper and text (invented places named
back), not by label path: the council line that opens each copied paper is an item of
its own, so the "#N" labels of the unlabelled items after it shift by one.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from scaled_corpus import (CORPUS, corpus_words, invented_places, new_paper, place_councils, renamed,
                           replicate_corpus)

from minutemine.meta import _COUNCIL
from minutemine.pipeline import Settings, run
from minutemine.stories import story_blocks

COPIES = 2
TABLES = ("documents", "items", "commitments", "links")


def rows(out: Path, table: str) -> list[dict[str, str]]:
    with open(out / f"{table}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def blocks(tables: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """doc_id -> story block, from the tables as written (story_blocks reads only these fields)."""
    return story_blocks([SimpleNamespace(**d) for d in tables["documents"]],
                        [SimpleNamespace(**i) for i in tables["items"]])


def work(tables: dict[str, list[dict[str, str]]], docs: set[str], paper_of: dict[str, str],
         names: dict[str, str] | None = None) -> dict[str, Counter]:
    """The rows of papers `docs`, each named by (sample paper, text with the real places)."""
    back = {invented.lower(): place.title() for place, invented in (names or {}).items()}

    def text(s: str) -> str:
        return renamed(s, back)

    items = {i["item_id"]: (paper_of[i["doc_id"]], text(i["text"])) for i in tables["items"]}
    said = {c["commitment_id"]: (paper_of[c["doc_id"]], text(c["text"]), c["kind"]) for c in tables["commitments"]}
    return {
        "items": Counter(items[i["item_id"]] for i in tables["items"] if i["doc_id"] in docs),
        "item kinds": Counter((items[i["item_id"]], i["kind"]) for i in tables["items"] if i["doc_id"] in docs),
        "commitments": Counter((said[c["commitment_id"]], c["status"], said.get(c["answers"]), c["answer_method"],
                                text(c["actor"]), text(c["addressee"]))
                               for c in tables["commitments"] if c["doc_id"] in docs),
        "requests": Counter((said[c["commitment_id"]], c["status"])
                            for c in tables["commitments"] if c["doc_id"] in docs and c["kind"] == "request"),
        "links": Counter((said[k["answer_id"]], said[k["request_id"]], k["method"], k["rank"])
                         for k in tables["links"] if k["answer_id"].partition("/")[0] in docs),
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scaled")
    papers = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in {".txt", ".pdf"})
    written = replicate_corpus(tmp / "papers", COPIES)
    run([CORPUS], tmp / "original", Settings(workers=1, quiet=True))
    run([tmp / "papers"], tmp / "scaled", Settings(workers=1, quiet=True))
    original = {t: rows(tmp / "original", t) for t in TABLES}
    scaled = {t: rows(tmp / "scaled", t) for t in TABLES}
    # replicate_corpus writes copy by copy, each in the sample's paper order
    copy_of_path = {str(path): (n // len(papers), papers[n % len(papers)].name) for n, path in enumerate(written)}
    copy_of = {d["doc_id"]: copy_of_path[d["source_path"]] for d in scaled["documents"]}
    return SimpleNamespace(original=original, scaled=scaled, copy_of=copy_of, names=invented_places(COPIES),
                           paper_of={d["doc_id"]: Path(d["source_path"]).name for d in original["documents"]})


def copy_work(runs, copy: int) -> dict[str, Counter]:
    docs = {doc for doc, (n, _) in runs.copy_of.items() if n == copy}
    return work(runs.scaled, docs, {doc: paper for doc, (_, paper) in runs.copy_of.items()}, runs.names[copy])


def sample_work(runs) -> dict[str, Counter]:
    return work(runs.original, set(runs.paper_of), runs.paper_of)


@pytest.mark.slow
def test_every_paper_belongs_to_its_copys_invented_council(runs):
    councils = place_councils()
    titles = {Path(d["source_path"]).name: d["title"] for d in runs.original["documents"]}
    assert len(runs.scaled["documents"]) == COPIES * len(titles)
    for d in runs.scaled["documents"]:
        copy, paper = runs.copy_of[d["doc_id"]]
        place = next(p for p in councils if paper.startswith(p))
        invented = runs.names[copy][place]
        assert d["status"] == "ok", d
        assert d["body"] == councils[place].replace(place.title(), invented), d["source_path"]
        assert Path(d["source_path"]).name.startswith(invented.lower())
        assert d["title"] == renamed(titles[paper], runs.names[copy])


@pytest.mark.slow
def test_one_story_block_per_copy_and_original_block(runs):
    original = {runs.paper_of[doc]: block for doc, block in blocks(runs.original).items()}
    scaled = blocks(runs.scaled)
    members: dict[str, set] = {}
    for doc, block in scaled.items():
        copy, paper = runs.copy_of[doc]
        members.setdefault(block, set()).add((copy, original[paper]))
    assert all(len(m) == 1 for m in members.values()), members  # no block mixes copies or stories
    assert len(members) == COPIES * len(set(original.values()))  # nor is a story split


@pytest.mark.slow
def test_each_copy_has_the_samples_items_plus_its_council_line(runs):
    sample = sample_work(runs)["items"]
    for copy in range(COPIES):
        mine = copy_work(runs, copy)["items"]
        extra = mine - sample
        assert not sample - mine, f"copy {copy}"
        assert sorted(paper for paper, _ in extra.elements()) == sorted(runs.paper_of.values()), f"copy {copy}"
        assert {text for _, text in extra} <= set(place_councils().values()), f"copy {copy}: {extra}"


@pytest.mark.slow
def test_each_copy_leaves_the_samples_requests_in_the_same_status(runs):
    sample = sample_work(runs)
    for copy in range(COPIES):
        assert copy_work(runs, copy)["requests"] == sample["requests"], f"copy {copy}"


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason=(
    "not the same work yet: (1) the pattern files know the real places only, so under an invented "
    "name 'Torbay will make…' has no actor (one action fewer) and 'PCC', 'Torbay S151', 'Torbay Full "
    "Council' resolve to other actors; (2) extract._paper's committee regex runs across a line break, "
    "so the council line over 'Committee Report' makes the addressee '<Place> City Council Committee' "
    "and five decisions lose their structure evidence (tfidf+structure -> tfidf), one re-targeted; "
    "(3) the council line over the due-diligence paper's run of cover lines flips their kinds "
    "(section <-> paragraph)"))
def test_each_copy_does_exactly_the_samples_work(runs):
    sample = sample_work(runs)
    for copy in range(COPIES):
        mine = copy_work(runs, copy)
        assert not sample["item kinds"] - mine["item kinds"], f"copy {copy}"
        assert mine["commitments"] == sample["commitments"], f"copy {copy}"
        assert mine["links"] == sample["links"], f"copy {copy}"


@pytest.mark.slow
def test_copies_never_link_across_copies(runs):
    copy = {doc: n for doc, (n, _) in runs.copy_of.items()}
    for link in runs.scaled["links"]:
        assert copy[link["answer_id"].partition("/")[0]] == copy[link["request_id"].partition("/")[0]], link
    for c in runs.scaled["commitments"]:
        if c["answers"]:
            assert copy[c["answers"].partition("/")[0]] == copy[c["doc_id"]], c


def test_invented_places_read_as_councils_and_occur_nowhere_in_the_corpus():
    names = [name for copy in invented_places(100) for name in copy.values()]
    assert len(set(names)) == len(names) == 100 * len(place_councils())
    assert not {name.lower() for name in names} & corpus_words()
    for name in names:
        assert _COUNCIL.fullmatch(f"{name} City Council"), name
        assert not name.lower().startswith(tuple(place_councils())), name


def test_new_paper_is_copy_0s_first_text_paper_with_other_bytes(tmp_path):
    written = replicate_corpus(tmp_path, 1)
    new = new_paper(tmp_path)
    [same] = [p for p in written if p.name == new.name]
    assert new.parent == tmp_path / "new"
    assert new.read_bytes() != same.read_bytes()
    assert new.read_bytes().rstrip() == same.read_bytes().rstrip()


def test_same_arguments_give_the_same_bytes(tmp_path):
    first = replicate_corpus(tmp_path / "a", 1)
    second = replicate_corpus(tmp_path / "b", 1)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_without_distinct_councils_copies_are_the_samples_papers_again(tmp_path):
    copy = next(p for p in replicate_corpus(tmp_path, 1, distinct_councils=False) if p.suffix == ".txt")
    assert copy.read_bytes().rstrip() == (CORPUS / copy.name).read_bytes().rstrip()
