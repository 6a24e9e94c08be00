"""store: Excel-safe CSV, SQLite with full-text search, Parquet, atomic writes, reading back."""

import csv
import sqlite3
import stat

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from outputs_fixture import synthetic_tables

from minutemine import store
from minutemine.models import Commitment, Link
from minutemine.pipeline import Settings, run
from minutemine.store import (FORMULA_TRIGGERS, SQLITE_NAME, connect_duckdb, read_table, table_csv,
                              write_tables)

NAMES = ["documents", "items", "commitments", "links"]


@pytest.fixture(scope="module")
def formula_out(tmp_path_factory, request):
    """The pipeline run on the formula paper (text starting with =, +, -, @)."""
    out = tmp_path_factory.mktemp("formula-out")
    paper_dir = request.path.parent / "data" / "formula"
    run([paper_dir], out, Settings(formats=("csv", "parquet"), use_cache=False, workers=1, quiet=True))
    return out


def csv_cells(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [c for row in csv.reader(fh) for c in row]


@pytest.mark.slow  # the fixture runs the whole pipeline (spaCy start-up) once for both tests
def test_formula_paper_no_csv_cell_starts_with_a_trigger(formula_out):
    cells = [c for n in NAMES for c in csv_cells(formula_out / f"{n}.csv")]
    assert any("HYPERLINK" in c for c in cells)  # the paper's text is really in the output
    assert [c for c in cells if c.startswith(FORMULA_TRIGGERS)] == []


@pytest.mark.slow
def test_formula_paper_reads_back_as_written_by_pandas_duckdb_sqlite_and_parquet(formula_out):
    hyperlink = '=HYPERLINK("http://evil.example","click") Scrutiny of the partnership contract'
    assert hyperlink in read_table(formula_out, "items")["text"].tolist()
    con = connect_duckdb(formula_out)
    assert con.execute("SELECT count(*) FROM items WHERE text = ?", [hyperlink]).fetchone() == (1,)
    db = sqlite3.connect(formula_out / SQLITE_NAME)
    assert db.execute("SELECT count(*) FROM items WHERE text = ?", [hyperlink]).fetchone() == (1,)
    assert hyperlink in pq.read_table(formula_out / "items.parquet").column("text").to_pylist()


def test_csv_has_a_bom_and_duckdb_sees_clean_column_names(formula_out):
    assert (formula_out / "commitments.csv").read_bytes().startswith(b"\xef\xbb\xbfcommitment_id,")
    columns = [r[0] for r in connect_duckdb(formula_out).execute("DESCRIBE commitments").fetchall()]
    assert columns == list(Commitment.model_fields)


# Text a council paper could hold: anything but NUL and lone surrogates (neither survives UTF-8 CSV).
paper_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
formula_like = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''=", "£", ";", '"', ",", "\n"])
cell_text = st.one_of(paper_text, st.tuples(formula_like, paper_text).map("".join))
list_item = cell_text.filter(lambda s: s != "" and ";" not in s)  # ';' is the list separator


def commitment_rows(cells: list[tuple[str, str, list[str]]]) -> list[Commitment]:
    return [Commitment(commitment_id=f"c{n}", doc_id="d", item_id="i", kind="action", text=text, actor=actor,
                       people=people, answer_score=0.5) for n, (text, actor, people) in enumerate(cells)]


# Many rows per example: one file write and one read check many cells (the readers are slow to start).
rows_of_cells = st.lists(st.tuples(cell_text, cell_text, st.lists(list_item, max_size=3)), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(cells=rows_of_cells)
def test_csv_round_trip_through_pandas(tmp_path_factory, cells):
    out = tmp_path_factory.mktemp("rt")
    (out / "commitments.csv").write_bytes(table_csv(commitment_rows(cells), Commitment))
    back = read_table(out, "commitments")
    assert list(zip(back["text"], back["actor"], back["people"])) == [(t, a, ";".join(p)) for t, a, p in cells]
    assert not any(c.startswith(FORMULA_TRIGGERS) for c in csv_cells(out / "commitments.csv"))


@settings(max_examples=30, deadline=None)
@given(cells=rows_of_cells)
def test_csv_round_trip_through_duckdb(tmp_path_factory, cells):
    out = tmp_path_factory.mktemp("rt")
    (out / "commitments.csv").write_bytes(table_csv(commitment_rows(cells), Commitment))
    back = connect_duckdb(out).execute("SELECT text, actor, people FROM commitments ORDER BY CAST(substr(commitment_id, 2) AS INT)").fetchall()
    assert back == [(t, a, p) for t, a, p in cells]


def test_author_apostrophe_before_a_formula_survives_the_round_trip_regression(tmp_path):
    # The first writer left "'=x" as it was and restore_formula turned it into "=x".
    row = Link(answer_id="'=x", request_id="'plain", score=1.0, method="''@y", rank=1)
    (tmp_path / "links.csv").write_bytes(table_csv([row], Link))
    back = read_table(tmp_path, "links").iloc[0]
    assert (back["answer_id"], back["request_id"], back["method"]) == ("'=x", "'plain", "''@y")


def test_list_cell_whose_first_item_is_a_formula_is_neutralised_regression(tmp_path):
    # The first writer neutralised plain cells only: people=["=cmd()"] went out as a live formula.
    row = Commitment(commitment_id="c", doc_id="d", item_id="i", kind="action", text="t",
                     people=["=cmd()", "Bob"], organisations=["@Org"])
    (tmp_path / "commitments.csv").write_bytes(table_csv([row], Commitment))
    cells = csv_cells(tmp_path / "commitments.csv")
    assert "'=cmd();Bob" in cells and "'@Org" in cells


def test_written_files_are_readable_by_others_not_private_regression(tmp_path):
    # mkstemp makes 0600 files; renamed into place they hid the dataset from colleagues and web servers.
    for path in write_tables(tmp_path, synthetic_tables(), formats=("csv", "parquet")):
        assert path.stat().st_mode & stat.S_IROTH, path


def test_same_input_gives_byte_identical_csv_and_parquet(tmp_path):
    files = [f"{n}.{ext}" for n in NAMES for ext in ("csv", "parquet")]
    write_tables(tmp_path / "a", synthetic_tables(), formats=("csv", "parquet"))
    write_tables(tmp_path / "b", synthetic_tables(), formats=("csv", "parquet"))
    assert [(tmp_path / "a" / f).read_bytes() for f in files] == [(tmp_path / "b" / f).read_bytes() for f in files]


def test_sqlite_has_every_table_and_full_text_search(tmp_path):
    write_tables(tmp_path, synthetic_tables())
    db = sqlite3.connect(tmp_path / SQLITE_NAME)
    counts = {n: db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in NAMES}
    assert counts == {"documents": 3, "items": 7, "commitments": 8, "links": 3}
    hits = db.execute("SELECT c.commitment_id FROM commitments c JOIN commitments_fts f ON f.rowid = c.rowid "
                      "WHERE commitments_fts MATCH 'staffing' ORDER BY 1").fetchall()
    assert hits == [("d1a2b3c4d5e6f/b#r",), ("d9f8e7d6c5b4a/2#a",)]
    assert db.execute("SELECT amounts_gbp, answer_score FROM commitments WHERE commitment_id = ?",
                      ["d9f8e7d6c5b4a/3#a"]).fetchone() == ("350000", 0.77)


def test_sqlite_is_replaced_atomically_and_a_failure_keeps_the_old_one(tmp_path, monkeypatch):
    write_tables(tmp_path, synthetic_tables())
    before = (tmp_path / SQLITE_NAME).read_bytes()

    def crash(path, tables):
        path.write_bytes(b"half a database")
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "build_sqlite", crash)
    with pytest.raises(RuntimeError):
        write_tables(tmp_path, {"documents": []})
    assert (tmp_path / SQLITE_NAME).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left


def test_parquet_keeps_real_types(tmp_path):
    write_tables(tmp_path, synthetic_tables(), formats=("csv", "parquet"))
    table = pq.read_table(tmp_path / "commitments.parquet")
    assert str(table.schema.field("amounts_gbp").type) == "list<element: string>"
    assert str(table.schema.field("page").type) == "int64"
    rows = {r["commitment_id"]: r for r in table.to_pylist()}
    assert rows["d9f8e7d6c5b4a/3#a"]["amounts_gbp"] == ["350000"]


def test_duckdb_prefers_fresh_parquet_and_types_match_the_csv_views(tmp_path):
    write_tables(tmp_path / "csv", synthetic_tables())
    write_tables(tmp_path / "pq", synthetic_tables(), formats=("csv", "parquet"))
    query = "SELECT commitment_id, dates, page, answer_score FROM commitments ORDER BY 1"
    from_csv = connect_duckdb(tmp_path / "csv").execute(query).fetchall()
    assert from_csv == connect_duckdb(tmp_path / "pq").execute(query).fetchall()
    assert from_csv[0] == ("d1a2b3c4d5e6f/a#r", ["2017-12-13"], 1, None)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="xlsx"):
        write_tables(tmp_path, {}, formats=("xlsx",))


def test_lone_carriage_return_in_a_cell_does_not_split_the_row_regression(tmp_path):
    # csv.writer(lineterminator="\n") left "p\rq" unquoted; pandas then read two rows.
    rows = [Link(answer_id="p\rq", request_id="r", score=1.0, method="m", rank=1),
            Link(answer_id="a", request_id="\r", score=1.0, method="m", rank=2)]
    (tmp_path / "links.csv").write_bytes(table_csv(rows, Link))
    back = read_table(tmp_path, "links")
    assert back[["answer_id", "request_id"]].values.tolist() == [["p\rq", "r"], ["a", "\r"]]


def _reference_csv(rows, model):
    """The CSV as the first store wrote it: `cell` on every field, every cell checked for quoting."""
    fields = list(model.model_fields)
    lines = [fields] + [[store.cell(getattr(r, f)) for f in fields] for r in rows]
    return "".join(",".join('"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n\r') else c
                            for c in cells) + "\n" for cells in lines).encode(store.CSV_ENCODING)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(alphabet="=+-@'\t\r\n,\";ab £", max_size=8), min_size=1, max_size=6),
       page=st.integers(-3, 3))
def test_fast_csv_writer_slow_table_writing_regression_same_bytes_as_cell_by_cell(texts, page):
    """Regression: writing the tables took 6 s at 10x the corpus; the per-column fast path
    must give exactly the bytes of `cell` + quoting applied to every field."""
    rows = [Commitment(commitment_id=f"d/{i}#r", doc_id="d", item_id=f"d/{i}", kind="request", text=t,
                       actor=t[::-1], page=page, dates=[t, "2018-01-29"] if i % 2 else [], answer_score=0.5)
            for i, t in enumerate(texts)]
    assert table_csv(rows, Commitment) == _reference_csv(rows, Commitment)


def test_sqlite_rows_inserted_in_bulk_give_the_database_insert_all_gave_regression(tmp_path):
    """Regression (slow table writing): rows go in with executemany now; the file must stay
    byte-identical to the one sqlite-utils' insert_all(batch_size=500) built."""
    import sqlite_utils

    tables = synthetic_tables()
    store.build_sqlite(tmp_path / "fast.sqlite", tables)
    db = sqlite_utils.Database(tmp_path / "reference.sqlite")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    sql_types = {"str": str, "int": int, "float": float, "list": str}
    for name, model in store.TABLES.items():
        rows = tables.get(name, [])
        table = db.table(name)
        columns = {f: sql_types[store.column_kind(model, f)] for f in model.model_fields}
        pk = store.PRIMARY_KEYS.get(name)
        table.create(columns, pk=pk) if pk else table.create(columns)
        table.insert_all([dict(zip(model.model_fields, values)) for values in store.sqlite_rows(rows, model)],
                         batch_size=500)
        if name in store.FTS_COLUMNS:
            table.enable_fts(store.FTS_COLUMNS[name])
    db.close()
    assert (tmp_path / "fast.sqlite").read_bytes() == (tmp_path / "reference.sqlite").read_bytes()
