"""The CLI end to end with click's test runner."""

import json

from click.testing import CliRunner

from minutemine.cli import main


def test_run_writes_the_tables_and_a_rerun_is_byte_identical(corpus_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    first = runner.invoke(main, ["run", str(corpus_dir), "--out", str(out), "--quiet"])
    assert first.exit_code == 0, first.output
    names = ["documents", "items", "commitments", "links"]
    before = {n: (out / f"{n}.csv").read_bytes() for n in names}
    assert before["documents"].count(b"\n") == 1 + 14  # header + 5 text + 9 PDF papers
    second = runner.invoke(main, ["run", str(corpus_dir), "--out", str(out), "--quiet"])
    assert second.exit_code == 0, second.output
    assert {n: (out / f"{n}.csv").read_bytes() for n in names} == before


def test_schema_prints_every_table():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert set(json.loads(result.output)) == {"documents", "items", "commitments", "links"}


def test_run_with_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4 not really")
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "no file could be processed" in result.output


def test_notes_beside_the_papers_listed_in_minutemineignore_are_not_mined(tmp_path):
    """Regression: corpus/gold/GUIDE.md was mined as a fifteenth paper."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "GUIDE.md").write_text("# Annotation guide\nCabinet agrees to note it.\n")
    (tmp_path / "NOTES.md").write_text("Officers will report back by 1 May 2018.\n")
    (tmp_path / "minute.txt").write_text("Cabinet agrees the report.\n")
    (tmp_path / ".minutemineignore").write_text("# not papers\ngold/\nNOTES.md\n")
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    documents = (tmp_path / "o" / "documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [row.split(",")[1] for row in documents[1:]] == [str(tmp_path / "minute.txt")]
