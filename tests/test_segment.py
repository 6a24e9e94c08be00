"""Segment: the item tree of every corpus paper (golden files) and of tiny fixtures per numbering scheme.

Golden files: tests/golden/segment/<paper-stem>.txt, one line per item,
`label_path<TAB>kind<TAB>page<TAB>first 60 chars of text`, checked exactly.
After a deliberate change, regenerate them and READ the diff against the paper
before committing:

    .venv/bin/python tests/test_segment.py --regen          # all papers
    .venv/bin/python tests/test_segment.py --regen torbay   # papers whose name contains "torbay"
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from minutemine.ingest import ingest_file, join_lines, lines_from_text
from minutemine.labels import parse_label
from minutemine.models import Document
from minutemine.segment import MAX_DEPTH, segment_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden" / "segment"
PAPERS = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "pdf").glob("*.pdf"))


def golden_lines(path: Path) -> list[str]:
    items = segment_document(ingest_file(path))
    return [f"{it.label_path}\t{it.kind}\t{it.page}\t{it.text[:60]}" for it in items]


def doc_from_text(text: str, fmt: str = "txt") -> Document:
    lines = lines_from_text(text)
    return Document(doc_id="dtest", source_path=f"fixture.{fmt}", sha256="0" * 64, format=fmt,
                    n_pages=1, text=join_lines(lines), lines=lines)


def tree(text: str, fmt: str = "txt") -> list[tuple[str, str, str]]:
    """(label_path, kind, parent label_path) for each item of a fixture."""
    items = segment_document(doc_from_text(text, fmt))
    path_of = {it.item_id: it.label_path for it in items}
    return [(it.label_path, it.kind, path_of.get(it.parent_id, "")) for it in items]


# -- the corpus, checked exactly ---------------------------------------------------------

@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.stem)
def test_segment_tree_matches_golden(paper: Path):
    golden = GOLDEN / f"{paper.stem}.txt"
    assert golden.exists(), f"no golden file for {paper.name}: run tests/test_segment.py --regen"
    assert golden_lines(paper) == golden.read_text(encoding="utf-8").splitlines()


def test_every_corpus_paper_has_a_golden_file():
    assert {p.stem for p in PAPERS} == {g.stem for g in GOLDEN.glob("*.txt")}


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.stem)
def test_item_ids_are_unique_parents_come_first_and_offsets_point_into_the_text(paper: Path):
    doc = ingest_file(paper)
    items = segment_document(doc)
    ids = [it.item_id for it in items]
    assert len(ids) == len(set(ids))
    seen: set[str] = set()
    for it in items:
        assert it.item_id == f"{doc.doc_id}/{it.label_path}"
        assert it.parent_id == "" or it.parent_id in seen
        seen.add(it.item_id)
        assert 0 <= it.char_start <= it.char_end <= len(doc.text)
    assert [it.item_id for it in segment_document(ingest_file(paper))] == ids  # stable across runs


def test_osc_minute_questions_recommendations_and_requests():
    items = segment_document(ingest_file(CORPUS / "plymouth-2017-09-wellbeing-osc-minute-torbay-partnership.txt"))
    by_path = {it.label_path: it for it in items}
    assert [by_path[k].kind for k in "abcdefghij"] == ["question"] * 10
    assert by_path["i"].label == "(i)"  # a letter after (h), not roman one
    assert [by_path[k].kind for k in "1234"] == ["recommendation"] * 4
    assert [p for p in by_path if p.startswith(("2.", "3."))] == \
        ["2.a", "2.b", "2.c", "2.d", "2.e", "3.a", "3.b", "3.c", "3.d"]
    assert {by_path[p].kind for p in ("2.a", "2.e", "3.a", "3.d")} == {"request"}
    assert by_path["2.c"].parent_id == by_path["2"].item_id


def test_deck_work_streams_take_their_titles_even_when_printed_below_or_missing():
    items = segment_document(ingest_file(CORPUS / "plymouth-2017-12-13-due-diligence-assurance-update.txt"))
    requests = [it.label_path for it in items if it.kind == "request"]
    assert requests == (
        [f"Leadership, Capacity & Maintaining Focus/{n}" for n in range(1, 8)]
        + [f"Roles and Responsibilities/{n}" for n in range(8, 14)]
        + [f"Finance/{n}" for n in range(1, 5)]
        + [f"Political, Legal and Governance/{n}" for n in range(1, 5)]
        + [f"Communication/{n}" for n in range(1, 4)] + [f"ICT/{n}" for n in range(1, 4)])
    by_path = {it.label_path: it for it in items}
    assert by_path["Finance/2.a"].parent_id == by_path["Finance/2"].item_id
    assert by_path["Finance/4#1"].kind == "response"
    confirms = [p for p in by_path if p.startswith("Political, Legal and Governance/") and p[-1] in "abcdef"]
    assert confirms == [f"Political, Legal and Governance/{c}" for c in "abcdef"]
    assert by_path["Political, Legal and Governance/d"].label == ""  # restored from the sequence


def test_cabinet_roman_looking_I_before_2_is_resolution_1():
    items = segment_document(ingest_file(CORPUS / "plymouth-2017-09-25-council-cabinet-minute-36.txt"))
    resolutions = [(it.label, it.label_path) for it in items if it.kind == "resolution"]
    assert resolutions == [("I.", "1"), ("2.", "2"), ("3.", "3"), ("4.", "4"), ("5.", "5")]


# -- numbering schemes, one tiny fixture each ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1. The council agrees.\n2. The council notes.\n", [("1", "paragraph", ""), ("2", "paragraph", "")]),
    ("1.1 The purpose is this.\n1.2 The scope is that.\n1.2.1 A detail of it.\n",
     [("1.1", "paragraph", ""), ("1.2", "paragraph", ""), ("1.2.1", "paragraph", "1.2")]),
    ("It notes that:\na. one thing is done;\nb. another is done.\n",
     [("#1", "paragraph", ""), ("a", "paragraph", "#1"), ("b", "paragraph", "#1")]),
    ("It notes that:\n(a) one thing is done;\n(b) another is done.\n",
     [("#1", "paragraph", ""), ("a", "paragraph", "#1"), ("b", "paragraph", "#1")]),
    ("It notes that:\na) one thing is done;\nb) another is done.\n",
     [("#1", "paragraph", ""), ("a", "paragraph", "#1"), ("b", "paragraph", "#1")]),
    ("It notes that:\n(i) one thing is done;\n(ii) another;\n(iv) a fourth.\n",
     [("#1", "paragraph", ""), ("i", "paragraph", "#1"), ("ii", "paragraph", "#1"), ("iv", "paragraph", "#1")]),
    ("- 1. Ask something\n - answer\n- 9.. Ask again\n- 8.Confirm that\n",
     [("1", "paragraph", ""), ("1#1", "bullet", "1"), ("9", "paragraph", ""), ("8", "paragraph", "")]),
    ("2. Funding will be found.\n2(a) Transitional Funding approved\n2(b) Transitional Funding covers 3 phases\n",
     [("2", "paragraph", ""), ("2.a", "paragraph", "2"), ("2.b", "paragraph", "2")]),
    ("Decision taken today.\nThe Policy Committee:\n1. Residents Parking\na. Approve an increase.\nb. Approve more.\n",
     [("#1", "paragraph", ""), ("#2", "paragraph", ""), ("1", "resolution", "#2"), ("1.a", "resolution", "1"),
      ("1.b", "resolution", "1")]),
])
def test_numbering_scheme(text, expected):
    assert tree(text) == expected


def test_letter_i_after_h_is_a_letter_and_roman_i_before_ii_is_roman():
    letters = tree("List:\n(g) g\n(h) h\n(i) i\n(j) j\n")
    assert [p for p, _, _ in letters][1:] == ["g", "h", "i", "j"]
    romans = tree("List:\n(i) one\n(ii) two\n")
    assert [p for p, _, _ in romans][1:] == ["i", "ii"]


def test_capital_I_before_2_means_1_but_before_II_is_roman():
    assert [p for p, _, _ in tree("Cabinet -\nI. Agrees\n2. Delegates\n")] == ["Cabinet", "1", "2"]
    assert [p for p, _, _ in tree("Parts:\nI. First\nII. Second\n")][1:] == ["i", "ii"]


def test_sub_bullets_nest_by_bullet_depth():
    got = tree("The update is:\n- Phased approach agreed\n - Phase 1\n- Outputs defined\n")
    assert got == [("#1", "paragraph", ""), ("#1#1", "bullet", "#1"), ("#1#1#1", "bullet", "#1#1"),
                   ("#1#2", "bullet", "#1")]


def test_repeated_slide_title_continues_its_section():
    got = tree("\nFinance\n\n- 1. Ask\n - answer\n\nFinance\n\n- 2. Ask more\n - answer\n - answer\n")
    assert got == [("Finance", "section", ""), ("1", "paragraph", "Finance"), ("1#1", "bullet", "1"),
                   ("2", "paragraph", "Finance"), ("2#1", "bullet", "2"), ("2#2", "bullet", "2")]


def test_numbering_restarting_per_section_puts_the_section_in_the_path():
    got = tree("\nFinance\n\n- 1. Ask\n - answer\n\nICT\n\n- 1. Ask more\n - answer\n")
    assert [p for p, _, _ in got] == ["Finance", "Finance/1", "Finance/1#1", "ICT", "ICT/1", "ICT/1#1"]


def test_minute_and_question_headings():
    assert parse_label("CABINET MINUTE 36 (29 August 2017)").style == "word:minute"
    got = tree("## Minute 36\nThe Leader introduced it.\nQuestion 3 – Steve Duddell\nQuestion 4 - Ann Other\n")
    assert [(p, k) for p, k, _ in got] == [("Minute 36", "agenda_item"), ("Minute 36#1", "paragraph"),
                                           ("Question 3", "question"), ("Question 4", "question")]


def test_duplicate_section_names_get_numbered_suffixes():
    got = tree("\nRisks\n\nOne.\n\nOther\n\nTwo.\n\nRisks\n\nThree.\n")
    assert [p for p, _, _ in got] == ["Risks", "Risks#1", "Other", "Other#1", "Risks~2", "Risks~2#1"]


def test_wrapped_pdf_lines_join_into_one_item():
    got = segment_document(doc_from_text(
        "1. It was APPROVED that a Task and Finish Group be initiated to be chaired by Cllr Rob Bryher, to\n"
        "make recommendations to the committee for a modern and holistic Parking and Kerbside Strategy.\n"
        "2. Residents Parking\n", fmt="pdf"))
    assert [it.label_path for it in got] == ["1", "2"]
    assert got[0].text.endswith("Parking and Kerbside Strategy.")


def test_empty_and_failed_documents_have_no_items():
    assert segment_document(Document(doc_id="d", source_path="x.txt", sha256="0", format="txt")) == []
    failed = Document(doc_id="d", source_path="x.txt", sha256="0", format="txt", status="error", error="bad")
    assert segment_document(failed) == []


# -- regressions: each named after what it caught ----------------------------------------------

def test_regression_meeting_date_line_is_not_item_12():
    # "12 September 2024 at 5.00 pm" under the Bristol minutes title was read as item 12
    assert parse_label("12 September 2024 at 5.00 pm") is None


def test_regression_month_prefix_in_a_heading_is_not_a_date():
    # "3 Declarations of Interest", "30 Mary Rivers" lost their numbers to a month check ("Dec", "Mar")
    assert parse_label("3 Declarations of Interest").value == 3
    assert parse_label("07 Julie Levers").value == 7


def test_regression_sentence_starting_recommendation_2A_is_prose():
    # "Recommendation 2A was moved by Councillor Plowden …" became a recommendation heading
    assert parse_label("Recommendation 2A was moved by Councillor Plowden") is None
    assert parse_label("Recommendation 2 – Residents Parking Scheme").style == "word:recommendation"


def test_regression_wrapped_lowercase_body_name_is_not_a_resolution_heading():
    # a PDF line "the Policy Committee" (a wrapped sentence) opened a resolution section
    got = tree("In response, the Chair gave assurances to\nthe Policy Committee\nthat work would continue.\n",
               fmt="pdf")
    assert [k for _, k, _ in got] == ["paragraph"]


def test_regression_members_present_intro_does_not_swallow_the_minute_headings():
    # "Members Present:-" / "Councillors: …" kept every numbered minute heading as its child
    got = tree("Members Present:-\nCouncillors: Ed Plowden (Chair), Graham Morris\n"
               "1 Welcome, Introductions and Safety Information\nThe Chair welcomed all attendees.\n"
               "2 Apologies for Absence\nThere were none.\n", fmt="pdf")
    assert [(p, k, parent) for p, k, parent in got if not p.startswith("#")] == [
        ("1", "agenda_item", ""), ("1#1", "paragraph", "1"), ("2", "agenda_item", ""), ("2#1", "paragraph", "2")]


def test_regression_parenthesised_subtitle_joins_its_title():
    # "Transitional Funding" / "(Approved)" were two items, the second closing Finance item 2
    got = tree("- 2. Sufficient funding will be made available\n - Funding bid approved\n\n"
               "Transitional Funding\n\n(Approved)\n\n2(a) Transitional Funding approved\n- We bid for it\n")
    assert [(p, parent) for p, _, parent in got] == [
        ("2", ""), ("2#1", "2"), ("2/Transitional Funding (Approved)", "2"), ("2.a", "2"), ("2.a#1", "2.a")]


def test_regression_statement_list_numbered_01_nests_under_its_intro_not_agenda_item_1():
    # "01 David Redgewell" after "Statements were received as follows:" was read as agenda item 1 again
    got = tree("1 Welcome\nThe Chair welcomed all.\n6 Public Forum\nStatements were received as follows:\n"
               "01 David Redgewell\n02 Ian Pond\n7 Annual Business Report\nThe report was noted.\n", fmt="pdf")
    paths = {p: parent for p, _, parent in got}
    assert paths["6.1"] == "6#1" and paths["6.2"] == "6#1" and paths["7"] == ""


# -- robustness ---------------------------------------------------------------------------------

def tree_depth(items) -> int:
    """Depth of the deepest item (top level is 1); parents come before their children."""
    depth: dict[str, int] = {"": 0}
    for it in items:
        depth[it.item_id] = depth[it.parent_id] + 1
    return max(depth.values())


def test_ten_thousand_nested_levels_do_not_recurse_and_are_capped():
    text = "".join(f"Step {n} leads on to:\n" for n in range(10_000))
    items = segment_document(doc_from_text(text))
    assert len(items) == 10_000
    assert tree_depth(items) <= MAX_DEPTH + 1
    assert max(len(it.label_path) for it in items) < 400


@pytest.mark.slow
def test_hundred_thousand_lines_segment_with_bounded_paths():
    text = "".join(f"{n % 90 + 1}. Item {n} is agreed.\n - answer {n}\n" for n in range(50_000))
    items = segment_document(doc_from_text(text))
    assert len(items) == 100_000
    assert tree_depth(items) <= 3  # "1." after "90." restarts the list at the same level


def _regen(argv: list[str]) -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    wanted = [a for a in argv if not a.startswith("--")]
    for paper in PAPERS:
        if wanted and not any(w in paper.name for w in wanted):
            continue
        (GOLDEN / f"{paper.stem}.txt").write_text("\n".join(golden_lines(paper)) + "\n", encoding="utf-8")
        print("wrote", GOLDEN / f"{paper.stem}.txt")


if __name__ == "__main__":
    if "--regen" in sys.argv:
        _regen(sys.argv[1:])
    else:
        print(__doc__)
