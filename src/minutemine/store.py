"""Store: write the dataset tables atomically, byte-identical for the same input.

Each table is written to a temporary file in the output folder and renamed over
the old one, so a crash or a kill never leaves a half-written file: readers see
the previous complete file or the new complete one.  CSV is always written (for
spreadsheets), `minutemine.sqlite` always (for `datasette` and full-text search),
Parquet when asked.  `connect_duckdb` reads the files back in place for `--sql`.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import types
import typing
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from .models import TABLES

LIST_SEP = ";"
# A cell starting with one of these can run as a formula in Excel/LibreOffice/Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 (and so show "£") correctly
SQLITE_NAME = "minutemine.sqlite"
SQLITE_BATCH = 500  # rows per transaction at most
SQLITE_MAX_VARS = 999  # sqlite-utils' limit of parameters per statement, which sets its batch size
PRIMARY_KEYS = {"documents": "doc_id", "items": "item_id", "commitments": "commitment_id"}
FTS_COLUMNS = {"commitments": ["text", "obligation", "actor"], "items": ["text", "heading"]}
# Files are shared with colleagues and web servers: 0644 (less any umask), never mkstemp's 0600.
FILE_MODE = 0o644


def cell(value: object) -> str:
    """The text of one CSV cell: lists joined with ';', None empty, formulas neutralised.

    >>> cell(["2017-12-13", "2018-01-29"])
    '2017-12-13;2018-01-29'
    >>> cell(None)
    ''
    >>> cell(0.5)
    '0.5'
    >>> cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> cell(["=cmd|' /C calc'!A0", "Bob"])
    "'=cmd|' /C calc'!A0;Bob"
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        # neutralise the joined text: the first element becomes the cell's first characters
        return neutralise_formula(LIST_SEP.join(str(v).replace(LIST_SEP, ",") for v in value))
    if isinstance(value, float):
        return repr(round(value, 4))
    return neutralise_formula(str(value))


def neutralise_formula(text: str) -> str:
    """Prefix a leading formula trigger with an apostrophe so a spreadsheet shows it as text.

    Text that already starts with apostrophes before a trigger gets one more, so
    `restore_formula` can always tell our prefix from the author's own apostrophe.

    >>> neutralise_formula("@SUM(A1)")
    "'@SUM(A1)"
    >>> neutralise_formula("Cabinet agrees")
    'Cabinet agrees'
    >>> neutralise_formula("'=quoted formula")
    "''=quoted formula"
    """
    if text.lstrip("'").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """Undo `neutralise_formula` when reading our own CSVs back.

    >>> restore_formula(neutralise_formula("=1+1"))
    '=1+1'
    >>> restore_formula("'quoted'")
    "'quoted'"
    >>> restore_formula(neutralise_formula("'-1"))
    "'-1"
    """
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def column_kind(model: type[BaseModel], field: str) -> str:
    """'str', 'int', 'float' or 'list': how a model field is typed in SQLite, Parquet and DuckDB.

    >>> from .models import Commitment
    >>> [column_kind(Commitment, f) for f in ("text", "page", "answer_score", "dates", "kind")]
    ['str', 'int', 'float', 'list', 'str']
    """
    annotation = model.model_fields[field].annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        return "list"
    if annotation in (int, float):
        return annotation.__name__
    return "str"


def table_csv(rows: Iterable[BaseModel], model: type[BaseModel]) -> bytes:
    """Serialise rows as CSV bytes with the model's fields as the header, in order."""
    return csv_header(model) + rows_csv(rows, model)


def csv_header(model: type[BaseModel]) -> bytes:
    """The first bytes of a table's CSV: the byte-order mark and the header line."""
    return csv_line(list(model.model_fields)).encode(CSV_ENCODING)


def rows_csv(rows: Iterable[BaseModel], model: type[BaseModel]) -> bytes:
    """The CSV lines of `rows`, without header or byte-order mark: `csv_header` + these = the table.

    Each column gets the converter its type needs (`cell` is the general case),
    so a large table is not paying for type checks on every one of its cells.
    """
    fields = list(model.model_fields)
    converters = [_CELL_CONVERTERS[column_kind(model, f)] for f in fields]
    columns = list(zip(fields, converters))
    lines = []
    for row in rows:
        values = row.__dict__  # the validated field values; getattr per field is slower
        lines.append(csv_line([convert(values[f]) for f, convert in columns]))
    return "".join(lines).encode("utf-8")


def _text_cell(value: object) -> str:
    """`cell` for a text column, quick for the usual cell that cannot be a formula.

    >>> _text_cell("Cabinet"), _text_cell("=1+1"), _text_cell(None), _text_cell(""), _text_cell(-2)
    ('Cabinet', "'=1+1", '', '', "'-2")
    """
    if type(value) is not str:
        return cell(value)
    if value and value[0] in _FORMULA_OR_QUOTE:
        return neutralise_formula(value)
    return value


def _list_cell(value: object) -> str:
    """`cell` for a list column, quick for the usual empty list.

    >>> _list_cell([]), _list_cell(["a", "b;c"]), _list_cell(None)
    ('', 'a;b,c', '')
    """
    return "" if not value else cell(value)


_FORMULA_OR_QUOTE = frozenset("".join(FORMULA_TRIGGERS) + "'")
_CELL_CONVERTERS = {"str": _text_cell, "int": _text_cell, "float": cell, "list": _list_cell}
_NEEDS_QUOTES = re.compile('[,"\n\r]')
_QUOTE_OR_BREAK = re.compile('["\n\r]')


def csv_line(cells: list[str]) -> str:
    r'''One RFC 4180 CSV line ending in LF, quoting a cell that holds a comma, a quote, LF or CR.

    The csv module does not quote a lone CR when the line ends in LF; pandas,
    DuckDB and Excel then read it as a row break and shift every later cell.

    >>> csv_line(["a", "b,c", 'say "hi"', "x\ry"])
    'a,"b,c","say ""hi""","x\ry"\n'
    '''
    line = ",".join(cells)
    if line.count(",") == len(cells) - 1 and _QUOTE_OR_BREAK.search(line) is None:
        return line + "\n"  # no cell holds a comma, a quote or a line break: nothing to quote
    return ",".join('"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c for c in cells) + "\n"


def table_parquet(rows: list[BaseModel], model: type[BaseModel]) -> bytes:
    """Serialise rows as Parquet bytes with real types: ints, floats, lists of strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(f, arrow_types[column_kind(model, f)]) for f in model.model_fields])
    columns = {f: [getattr(r, f) for r in rows] for f in model.model_fields}
    buf = io.BytesIO()
    pq.write_table(pa.table(columns, schema=schema), buf)
    return buf.getvalue()


def sqlite_rows(rows: list[BaseModel], model: type[BaseModel]) -> list[tuple]:
    """Rows as tuples in field order for SQLite: lists ';'-joined like the CSV, no formula prefix."""
    fields = list(model.model_fields)
    lists = {f for f in fields if column_kind(model, f) == "list"}
    if not lists:
        return [tuple(r.__dict__[f] for f in fields) for r in rows]
    return [tuple(LIST_SEP.join(v) if f in lists else v for f, v in ((f, r.__dict__[f]) for f in fields))
            for r in rows]


def build_sqlite(path: Path, tables: dict[str, list[BaseModel]]) -> None:
    """Create a fresh SQLite database at `path` with every table and full-text search.

    sqlite-utils writes the schema and the FTS index (built once, after the rows);
    the rows go in with `executemany`, several times faster than `insert_all`
    (which builds one multi-row statement per batch in Python) for the same database.
    """
    db = open_sqlite(path)
    for name, model in TABLES.items():
        rows = tables.get(name, [])
        pk = PRIMARY_KEYS.get(name)
        if pk and len({getattr(r, pk) for r in rows}) != len(rows):
            pk = None  # duplicate ids are a bug upstream, but must not lose the whole database
        create_sqlite_table(db, name, pk)
        insert_sqlite_rows(db, name, rows)
        if name in FTS_COLUMNS:
            db.table(name).enable_fts(FTS_COLUMNS[name])
    close_sqlite(db, path)


def open_sqlite(path: Path):
    """A sqlite-utils Database on a private temporary file: no journal, one fsync at the end."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    # a private temporary file renamed into place at the end: no journal, one fsync at the end
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    return db


def close_sqlite(db, path: Path) -> None:
    db.close()
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def create_sqlite_table(db, name: str, pk: str | None) -> None:
    """Create table `name` with the columns and SQL types of its model."""
    sql_types = {"str": str, "int": int, "float": float, "list": str}
    model = TABLES[name]
    columns = {f: sql_types[column_kind(model, f)] for f in model.model_fields}
    table = db.table(name)
    table.create(columns, pk=pk) if pk else table.create(columns)


def insert_sqlite_rows(db, name: str, rows: list[BaseModel]) -> None:
    """Insert rows into table `name` with `executemany`, in transactions of insert_all's batch size."""
    model = TABLES[name]
    columns = list(model.model_fields)
    names = ", ".join(f"[{f}]" for f in columns)
    marks = ", ".join("?" for _ in columns)
    values = sqlite_rows(rows, model)
    # one transaction per batch of the size insert_all(batch_size=500) used: the file header
    # counts transactions, so the database stays byte-identical to what earlier versions wrote
    batch = max(1, min(SQLITE_BATCH, SQLITE_MAX_VARS // len(columns)))
    for start in range(0, len(values), batch):
        with db.conn:
            db.conn.executemany(f"INSERT INTO [{name}] ({names}) VALUES ({marks})", values[start:start + batch])


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that `path` is always either the old or the new content."""
    with _atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


class _atomic_path:
    """A temporary path beside `path`; renamed over `path` on success, removed on failure."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def __enter__(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.tmp.unlink(missing_ok=True)
            return
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, FILE_MODE & ~umask)
        os.replace(self.tmp, self.path)


def write_tables(out_dir: str | Path, tables: dict[str, list[BaseModel]],
                 formats: Iterable[str] = ("csv",)) -> list[Path]:
    """Write each table (see models.TABLES) as CSV (+ Parquet if asked) and the SQLite database.

    Returns the paths written.  CSV is written whatever `formats` says: it is the contract.
    """
    out = Path(out_dir)
    formats = set(formats) | {"csv"}
    unknown = formats - {"csv", "parquet"}
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(sorted(unknown))}")
    written = []
    for name, rows in tables.items():
        path = out / f"{name}.csv"
        atomic_write(path, table_csv(rows, TABLES[name]))
        written.append(path)
        if "parquet" in formats:
            path = out / f"{name}.parquet"
            atomic_write(path, table_parquet(list(rows), TABLES[name]))
            written.append(path)
    db_path = out / SQLITE_NAME
    with _atomic_path(db_path) as tmp:
        tmp.unlink()  # sqlite-utils creates the file itself
        build_sqlite(tmp, tables)
    written.append(db_path)
    return written


def read_table(out_dir: str | Path, name: str):
    """Read one of our CSVs back into a pandas DataFrame of strings, formulas restored."""
    import pandas as pd

    df = pd.read_csv(Path(out_dir) / f"{name}.csv", dtype=str, keep_default_na=False, encoding=CSV_ENCODING)
    return df.map(restore_formula)


# DuckDB's version of restore_formula, so SQL sees the text as written by the author.
_DUCKDB_RESTORE = (
    "CREATE OR REPLACE MACRO mm_restore(x) AS "
    "CASE WHEN left(x, 1) = '''' AND regexp_matches(ltrim(x, ''''), '^[=+\\-@\\t\\r]') "
    "THEN substr(x, 2) ELSE x END"
)


def duckdb_select(model: type[BaseModel], source: str) -> str:
    """The SELECT that gives typed, restored columns over one CSV read as all-VARCHAR."""
    cols = []
    for f in model.model_fields:
        kind = column_kind(model, f)
        raw = f"coalesce({f}, '')"  # DuckDB reads an empty cell as NULL; our text columns are never NULL
        if kind == "int":
            cols.append(f"TRY_CAST(NULLIF({raw}, '') AS BIGINT) AS {f}")
        elif kind == "float":
            cols.append(f"TRY_CAST(NULLIF({raw}, '') AS DOUBLE) AS {f}")
        elif kind == "list":
            cols.append(f"CASE WHEN {raw} = '' THEN []::VARCHAR[] "
                        f"ELSE string_split(mm_restore({f}), '{LIST_SEP}') END AS {f}")
        else:
            cols.append(f"mm_restore({raw}) AS {f}")
    return f"SELECT {', '.join(cols)} FROM {source}"


def connect_duckdb(out_dir: str | Path):
    """An in-memory DuckDB with a view per table over the files in `out_dir`, read in place.

    Parquet is used when it is at least as new as the CSV (it keeps its types);
    otherwise the CSV is read as text and typed here, BOM and formula prefixes undone.
    List columns are VARCHAR[] either way.
    """
    import duckdb

    out = Path(out_dir)
    con = duckdb.connect(config={"autoinstall_known_extensions": False})  # never download at run time
    con.execute(_DUCKDB_RESTORE)
    for name, model in TABLES.items():
        csv_path, pq_path = out / f"{name}.csv", out / f"{name}.parquet"
        if pq_path.exists() and (not csv_path.exists() or pq_path.stat().st_mtime >= csv_path.stat().st_mtime):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_sql_str(pq_path)})")
        elif csv_path.exists():
            source = (f"read_csv({_sql_str(csv_path)}, header=true, all_varchar=true, "
                      f"quote='\"', escape='\"', delim=',', encoding='utf-8')")
            con.execute(f"CREATE VIEW {name} AS {duckdb_select(model, source)}")
    return con


def _sql_str(path: Path) -> str:
    """A path as a SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"
