"""The tables assembled one story block at a time, reusing the last run's rows: the same
tables a run from nothing writes, and only the changed block's papers loaded again."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from minutemine import assemble
from minutemine.pipeline import Settings, run
from minutemine.store import FTS_COLUMNS, SQLITE_NAME

CSVS = ("documents", "items", "commitments", "links")
NEW_PAPER = ("Worcestershire County Council\nCabinet minutes\n"
             "1. The Cabinet noted the update on the alternative delivery model and confirmed that the "
             "business case will be reported by 30 September 2018.\n"
             "2. Members requested an update on the recruitment of social workers.\n")


def csvs(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in CSVS}


def database(out: Path) -> dict[str, list]:
    """Every table's rows in a fixed order, and what full-text search finds: the content, not the bytes."""
    con = sqlite3.connect(out / SQLITE_NAME)
    content = {name: sorted(map(repr, con.execute(f"SELECT * FROM [{name}]"))) for name in CSVS}
    for name in FTS_COLUMNS:
        assert con.execute(f"INSERT INTO [{name}_fts]([{name}_fts]) VALUES('integrity-check')") is not None
        key = "item_id" if name == "items" else "commitment_id"
        for word in ("assurance", "update", "budget"):
            content[f"{name} MATCH {word}"] = [r[0] for r in con.execute(
                f"SELECT t.{key} FROM [{name}_fts] f JOIN [{name}] t ON t.rowid = f.rowid "
                f"WHERE [{name}_fts] MATCH ? ORDER BY 1", (word,))]
        assert con.execute(f"SELECT count(*) FROM [{name}_fts]").fetchone() == \
            con.execute(f"SELECT count(*) FROM [{name}]").fetchone()
    con.close()
    return content


@pytest.fixture
def papers(text_corpus) -> Path:
    return text_corpus


def cold(papers: Path, out: Path, formats=("csv",)) -> Path:
    run([papers], out, Settings(workers=1, use_cache=False, quiet=True, formats=formats))
    return out


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The papers whose full results the assembly loads (one block's worth on a warm re-run)."""
    loaded: list[str] = []
    real = assemble._write_block

    def counting(group, load, *args):
        def counted(paper):
            loaded.append(paper.path.name)
            return load(paper)
        return real(group, counted, *args)

    monkeypatch.setattr(assemble, "_write_block", counting)
    return loaded


def test_block_by_block_tables_equal_the_all_in_memory_ones(papers, tmp_path):
    by_block = cold(papers, tmp_path / "blocks")
    in_memory = cold(papers, tmp_path / "memory", formats=("csv", "parquet"))
    assert csvs(by_block) == csvs(in_memory)
    assert database(by_block) == database(in_memory)


def test_warm_rerun_with_a_new_paper_loads_only_its_block_and_equals_a_cold_run(papers, tmp_path, loads):
    out = tmp_path / "out"
    run([papers], out, Settings(workers=1, quiet=True))
    loads.clear()
    (papers / "worcestershire-2018-06-cabinet-minute.txt").write_text(NEW_PAPER, encoding="utf-8")
    summary = run([papers], out, Settings(workers=1, quiet=True))
    assert sorted(loads) == sorted(p.name for p in papers.glob("worcestershire*"))  # not the Plymouth–Torbay block
    reference = cold(papers, tmp_path / "cold")
    assert csvs(out) == csvs(reference)
    assert database(out) == database(reference)
    assert summary.files_cached == 5


def test_rerun_after_a_paper_is_removed_or_changed_equals_a_cold_run(papers, tmp_path):
    out = tmp_path / "out"
    run([papers], out, Settings(workers=1, quiet=True))
    torbay = next(papers.glob("torbay*.txt"))
    torbay.unlink()
    plymouth = sorted(papers.glob("plymouth*.txt"))[0]
    plymouth.write_bytes(plymouth.read_bytes().replace(b"assurance", b"reassurance", 1))
    run([papers], out, Settings(workers=1, quiet=True))
    reference = cold(papers, tmp_path / "cold")
    assert csvs(out) == csvs(reference)
    assert database(out) == database(reference)


def test_a_second_copy_of_a_paper_is_one_error_row_as_before(papers, tmp_path):
    out = tmp_path / "out"
    run([papers], out, Settings(workers=1, quiet=True))
    original = sorted(papers.glob("*.txt"))[0]
    shutil.copy(original, papers / f"zz-copy-{original.name}")
    run([papers], out, Settings(workers=1, quiet=True))
    assert csvs(out) == csvs(cold(papers, tmp_path / "cold", formats=("csv", "parquet")))
    assert b"same content as" in csvs(out)["documents"]


def test_nothing_reused_when_the_tables_were_edited_by_hand(papers, tmp_path, loads):
    out = tmp_path / "out"
    run([papers], out, Settings(workers=1, quiet=True))
    (out / "items.csv").write_text("edited\n")
    (papers / "worcestershire-2018-06-cabinet-minute.txt").write_text(NEW_PAPER, encoding="utf-8")
    loads.clear()
    run([papers], out, Settings(workers=1, quiet=True))
    assert len(loads) == 6  # every paper loaded again: the old rows cannot be trusted
    assert csvs(out) == csvs(cold(papers, tmp_path / "cold"))


def test_regression_when_the_first_copy_goes_the_second_becomes_the_paper(papers, tmp_path):
    """The last run's row of a second copy ('same content as …; skipped') must not be reused
    once the first copy is gone: the copy is then the paper, as a run from nothing says."""
    out = tmp_path / "out"
    original = sorted(papers.glob("*.txt"))[0]
    shutil.copy(original, papers / f"zz-copy-{original.name}")
    run([papers], out, Settings(workers=1, quiet=True))
    original.unlink()
    run([papers], out, Settings(workers=1, quiet=True))
    assert b"same content as" not in csvs(out)["documents"]
    assert csvs(out) == csvs(cold(papers, tmp_path / "cold"))
