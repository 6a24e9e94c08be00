"""query and show on the synthetic dataset (tests/outputs_fixture.py), through the CLI."""

import csv
import io
import json

import pytest
from click.testing import CliRunner
from outputs_fixture import MINUTE, UPDATE, synthetic_tables

from minutemine.cli import main
from minutemine.store import write_tables


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outputs")
    write_tables(folder, synthetic_tables())
    return folder


def invoke(*args, env=None):
    result = CliRunner().invoke(main, list(args), env=env)
    return result


def ids(out, *args):
    result = invoke("query", "--out", str(out), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [r["commitment_id"] for r in json.loads(result.output)]


def test_outstanding_shows_only_the_unanswered_request(out):
    assert ids(out, "--outstanding") == [f"{MINUTE}/d#r"]
    assert ids(out, "--status", "outstanding") == ids(out, "--outstanding")


def test_filters_by_kind_actor_body_status_text_and_amount(out):
    assert ids(out, "--kind", "assurance", "--actor", "northey") == [f"{UPDATE}/{n}#a" for n in "123"]
    assert ids(out, "--body", "scrutiny", "--status", "partly answered") == [f"{MINUTE}/b#r"]
    assert ids(out, "--text", "staffing") == [f"{MINUTE}/b#r", f"{UPDATE}/2#a"]
    assert ids(out, "--text", "STAFFING shortfalls") == [f"{MINUTE}/b#r"]  # every word, any case
    assert ids(out, "--min-amount", "1000000") == [f"{MINUTE}/c#r"]
    assert ids(out, "--min-amount", "300000") == [f"{MINUTE}/c#r", f"{UPDATE}/3#a"]


def test_since_and_until_match_the_meeting_date_or_the_deadline(out):
    # the minute met in 2017-09, but request (d) has a deadline of 2018-03-31
    assert ids(out, "--since", "2018-01-01") == [f"{MINUTE}/d#r"]
    assert ids(out, "--until", "2017-09") == [f"{MINUTE}/{x}" for x in ("a#r", "e#d", "b#r", "c#r", "d#r")]
    assert ids(out, "--since", "2017-10-01", "--until", "2017-12-31") == [f"{UPDATE}/{n}#a" for n in "123"]


def test_json_has_typed_values_and_the_paper(out):
    result = invoke("query", "--out", str(out), "--format", "json", "--text", "£350k")
    [row] = json.loads(result.output)
    assert (row["page"], row["answer_score"], row["amounts_gbp"]) == (3, 0.77, ["350000"])
    assert (row["body"], row["meeting_date"]) == ("Plymouth City Council", "2017-12-13")


def test_csv_format_gives_every_column_and_restores_the_formula_text(out):
    result = invoke("query", "--out", str(out), "--format", "csv", "--kind", "decision")
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert row["text"].startswith('=HYPERLINK("http://evil.example"')  # what the paper says, for scripts
    assert row["source_path"] == "papers/wellbeing-osc-minute.txt"


def test_table_fits_the_terminal_and_never_cuts_the_id(out):
    result = invoke("query", "--out", str(out), env={"COLUMNS": "90"})
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["commitment_id", "kind", "status"]
    assert max(map(len, lines)) <= 90
    assert [line.split()[0] for line in lines[2:]][:1] == [f"{MINUTE}/a#r"]
    assert any(line.rstrip().endswith("…") for line in lines[2:])


def test_sql_over_the_tables_joins_and_keeps_types(out):
    sql = ("SELECT c.status, count(*) AS n FROM commitments c JOIN documents d USING (doc_id) "
           "WHERE c.kind = 'request' AND d.body LIKE '%Scrutiny%' GROUP BY 1 ORDER BY 1")
    result = invoke("query", "--out", str(out), "--sql", sql, "--format", "json")
    assert json.loads(result.output) == [{"status": "answered", "n": 2}, {"status": "outstanding", "n": 1},
                                         {"status": "partly answered", "n": 1}]
    result = invoke("query", "--out", str(out), "--sql",
                    "SELECT text FROM commitments WHERE text LIKE '=HYPERLINK%'", "--format", "csv")
    assert result.output.startswith('text\n"=HYPERLINK(')


def test_sql_error_and_missing_outputs_are_clear_one_line_errors(out, tmp_path):
    result = invoke("query", "--out", str(out), "--sql", "SELEC 1")
    assert result.exit_code == 1 and "SQL error" in result.output
    result = invoke("query", "--out", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "run `minutemine run" in result.output


def test_show_a_request_with_its_answers_and_marked_values(out):
    result = invoke("show", "--out", str(out), f"{MINUTE}/c")  # a unique prefix
    assert result.exit_code == 0, result.output
    text = result.output
    assert f"{MINUTE}/c#r  [request, answered]" in text
    assert "papers/wellbeing-osc-minute.txt, page 1 (2017-09-20, Wellbeing Overview and Scrutiny Committee)" in text
    assert "including the [[£1.518m]] contribution" in text
    assert "Answered by 1:" in text and f"{UPDATE}/3#a  [assurance]" in text
    assert "papers/pdf/due-diligence-update.pdf, page 3" in text
    assert "Torbay will fund [[£350k]] of the costs" in text


def test_show_an_answer_with_the_request_it_answers(out):
    result = invoke("show", "--out", str(out), f"{UPDATE}/2#a")
    assert "Answers request (score 0.55, tfidf):" in result.output
    assert f"{MINUTE}/b#r  [request, partly answered]" in result.output


def test_show_unknown_or_ambiguous_id_is_a_clear_error(out):
    result = invoke("show", "--out", str(out), "nope")
    assert result.exit_code == 1 and "no commitment with id 'nope'" in result.output
    result = invoke("show", "--out", str(out), MINUTE)
    assert result.exit_code == 1 and "matches 5 commitments" in result.output


@pytest.mark.parametrize("command", ["query", "show", "report"])
def test_every_command_has_help_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output


def test_query_and_sql_on_a_run_that_found_nothing(tmp_path):
    write_tables(tmp_path, {"documents": [], "items": [], "commitments": [], "links": []})
    assert invoke("query", "--out", str(tmp_path)).output.strip() == "(no rows)"
    assert json.loads(invoke("query", "--out", str(tmp_path), "--format", "json").output) == []
    result = invoke("query", "--out", str(tmp_path), "--sql", "SELECT count(*) AS n FROM links", "--format", "json")
    assert json.loads(result.output) == [{"n": 0}]


def test_since_keeps_a_paper_dated_by_month_only_regression(tmp_path):
    # A minute dated "2017-09" compared as text was before "2017-09-01", so --since 2017-09-01 dropped it.
    tables = synthetic_tables()
    tables["documents"] = [d.model_copy(update={"meeting_date": "2017-09"}) if d.doc_id == MINUTE else d
                           for d in tables["documents"]]
    write_tables(tmp_path, tables)
    assert f"{MINUTE}/a#r" in ids(tmp_path, "--since", "2017-09-01", "--until", "2017-09-30")
    assert ids(tmp_path, "--since", "2017-10-01", "--kind", "request") == [f"{MINUTE}/d#r"]  # by its deadline
