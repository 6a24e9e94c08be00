"""Store: write the dataset tables atomically, byte-identical for the same input.

Each table is written to a temporary file in the output folder and renamed over
the old one, so a crash or a kill never leaves a half-written CSV: readers see
the previous complete file or the new complete file.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from .models import TABLES

LIST_SEP = ";"
# A cell starting with one of these can run as a formula in Excel/LibreOffice/Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 (and so show "£") correctly


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
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v).replace(LIST_SEP, ",") for v in value)
    if isinstance(value, float):
        return repr(round(value, 4))
    return neutralise_formula(str(value))


def neutralise_formula(text: str) -> str:
    """Prefix a leading formula trigger with an apostrophe so a spreadsheet shows it as text.

    >>> neutralise_formula("@SUM(A1)")
    "'@SUM(A1)"
    >>> neutralise_formula("Cabinet agrees")
    'Cabinet agrees'
    """
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """Undo `neutralise_formula` when reading our own CSVs back.

    >>> restore_formula(neutralise_formula("=1+1"))
    '=1+1'
    >>> restore_formula("'quoted'")
    "'quoted'"
    """
    if len(text) > 1 and text[0] == "'" and text[1] in "".join(FORMULA_TRIGGERS):
        return text[1:]
    return text


def table_csv(rows: Iterable[BaseModel], model: type[BaseModel]) -> bytes:
    """Serialise rows as CSV bytes with the model's fields as the header, in order."""
    fields = list(model.model_fields)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([cell(getattr(row, f)) for f in fields])
    return buf.getvalue().encode(CSV_ENCODING)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that `path` is always either the old or the new content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(out_dir: str | Path, tables: dict[str, list[BaseModel]]) -> list[Path]:
    """Write each named table (see models.TABLES) as out_dir/NAME.csv; returns the paths."""
    out = Path(out_dir)
    written = []
    for name, rows in tables.items():
        path = out / f"{name}.csv"
        atomic_write(path, table_csv(rows, TABLES[name]))
        written.append(path)
    return written


def read_table(out_dir: str | Path, name: str):
    """Read one of our CSVs back into a pandas DataFrame of strings, formulas restored."""
    import pandas as pd

    df = pd.read_csv(Path(out_dir) / f"{name}.csv", dtype=str, keep_default_na=False, encoding=CSV_ENCODING)
    return df.map(restore_formula)
