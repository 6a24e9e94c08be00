"""query: filter the commitments and run SQL over the tables (`show` is in show.py).

The filters are plain pandas over the CSVs read back by `store.read_table`; `--sql`
hands the question to DuckDB over views of the same files (see `store.connect_duckdb`).
Each command's docstring is its --help.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import click

from .store import LIST_SEP, connect_duckdb, read_table

STATUSES = ("answered", "partly answered", "outstanding")
KINDS = ("request", "assurance", "recommendation", "decision", "action")
DROP_WHEN_NARROW = ("body", "amounts_gbp", "meeting_date", "actor", "deadline")
TABLE_COLUMNS = ["commitment_id", "kind", "status", "body", "meeting_date", "deadline", "actor", "amounts_gbp", "text"]


def load_commitments(out_dir: str | Path):
    """commitments.csv joined with the paper each row came from (body, meeting date, title, path)."""
    out = Path(out_dir)
    for name in ("commitments", "documents"):
        if not (out / f"{name}.csv").exists():
            raise click.ClickException(f"no {name}.csv in {out}/ (run `minutemine run --out {out}` first)")
    docs = read_table(out, "documents")[["doc_id", "body", "meeting_date", "title", "source_path", "format"]]
    return read_table(out, "commitments").merge(docs, on="doc_id", how="left").fillna("")


def largest_amount(cell: str) -> float:
    """The largest GBP amount in an `amounts_gbp` cell; other currencies count as 0.

    >>> largest_amount("350000;1518000")
    1518000.0
    >>> largest_amount("EUR 500")
    0.0
    >>> largest_amount("")
    0.0
    """
    values = [float(v) for v in cell.split(LIST_SEP) if re.fullmatch(r"-?\d+(\.\d+)?", v.strip())]
    return max(values, default=0.0)


def format_gbp(cell: str) -> str:
    """An `amounts_gbp` cell as a person reads it.

    >>> format_gbp("1518000;350000.5")
    '£1,518,000; £350,000.50'
    >>> format_gbp("EUR 500")
    'EUR 500'
    """
    parts = []
    for v in filter(None, cell.split(LIST_SEP)):
        if re.fullmatch(r"-?\d+", v):
            parts.append(f"£{int(v):,}")
        elif re.fullmatch(r"-?\d+\.\d+", v):
            parts.append(f"£{float(v):,.2f}")
        else:
            parts.append(v)
    return "; ".join(parts)


def filter_commitments(df, kind=(), actor="", body="", status="", since="", until="", text="", min_amount=None):
    """The rows of `df` (from load_commitments) that pass every given filter."""
    keep = df.index == df.index
    if kind:
        keep &= df["kind"].isin(kind)
    if actor:
        who = df["actor"] + " " + df["addressee"] + " " + df["people"]
        keep &= who.str.contains(actor, case=False, regex=False)
    if body:
        keep &= (df["body"] + " " + df["title"]).str.contains(body, case=False, regex=False)
    if status:
        keep &= df["status"] == status
    if since or until:
        keep &= in_range(df["meeting_date"], since, until) | in_range(df["deadline"], since, until)
    if text:
        haystack = (df["text"] + " " + df["obligation"] + " " + df["actor"] + " " + df["addressee"] + " "
                    + df["people"] + " " + df["organisations"]).str.lower()
        for word in text.lower().split():
            keep &= haystack.str.contains(word, regex=False)
    if min_amount is not None:
        keep &= df["amounts_gbp"].map(largest_amount) >= min_amount
    return df[keep]


def sort_in_reading_order(df):
    """Rows by meeting date, then paper, then position in the paper (numerically: 900 before 1000)."""
    position = df["char_start"].map(lambda v: int(v) if str(v).isdigit() else 0)
    return df.assign(_pos=position).sort_values(["meeting_date", "doc_id", "_pos", "commitment_id"],
                                                kind="stable").drop(columns="_pos")


def in_range(dates, since: str, until: str):
    """Which ISO dates (or 'start/end' ranges) fall in [since, until]; empty dates never do.

    A partial date ("2017-09") or a partial bound ("--until 2018-03") stands for its whole
    month or year, so it is padded past any day in it before comparing.

    >>> import pandas as pd
    >>> in_range(pd.Series(["2017-09", "2017-08-31", "2018-04-01/2019-03-31", ""]), "2017-09-01", "2018-03").tolist()
    [True, False, False, False]
    """
    start = dates.str.split("/").str[0]
    end = dates.str.split("/").str[-1]
    ok = dates != ""
    if since:
        ok &= end + "\uffff" >= since
    if until:
        ok &= start <= until + "\uffff"
    return ok


def truncate(text: str, width: int) -> str:
    """One line of at most `width` characters, cut at a word with an ellipsis.

    >>> truncate("The Committee requests further scrutiny", 25)
    'The Committee requests…'
    >>> truncate("short\\ntext", 20)
    'short text'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 1)]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def aligned_table(rows: list[dict], columns: list[str], width: int, droppable: tuple[str, ...] = ()) -> str:
    """Rows as a text table that fits `width`: the last column takes what is left and is truncated.

    On a narrow terminal the `droppable` columns are left out, in that order, before others are squeezed.
    """
    if not rows:
        return "(no rows)"
    for name in droppable:
        if 11 * (len(columns) - 2) + len(columns[0]) + 2 * len(columns) + MIN_LAST_COLUMN <= width:
            break
        columns = [c for c in columns if c != name]
    cells = [[" ".join(as_text(r.get(c)).split()) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    widths[1:-1] = [min(w, MAX_COLUMN) for w in widths[1:-1]]
    gaps = 2 * (len(columns) - 1)
    squeezable = range(1, len(columns) - 1)  # never the id (people copy it into `show`) nor the text
    while sum(widths[:-1]) + gaps + MIN_LAST_COLUMN > width and any(widths[i] > 10 for i in squeezable):
        widest = max(squeezable, key=lambda i: widths[i])  # squeeze the widest column first
        widths[widest] -= 1
    widths[-1] = min(widths[-1], max(MIN_LAST_COLUMN, width - sum(widths[:-1]) - gaps))
    lines = ["  ".join(truncate(c, w).ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(truncate(v, w).ljust(w) for v, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


MAX_COLUMN = 28  # a table column wider than this is truncated, so the text column keeps its room
MIN_LAST_COLUMN = 30


def as_text(value) -> str:
    """A cell as text for a table or CSV: lists ';'-joined, None empty.

    >>> as_text(["2018-03-31", "2018-04-01"]), as_text(None), as_text(3)
    ('2018-03-31;2018-04-01', '', '3')
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(map(str, value))
    return str(value)


def typed(row: dict) -> dict:
    """A joined commitments row with its numbers as numbers and lists as lists, for JSON."""
    from .models import Commitment
    from .store import column_kind

    out = dict(row)
    for f in Commitment.model_fields:
        if f not in out:
            continue
        kind, v = column_kind(Commitment, f), out[f]
        if kind == "list":
            out[f] = [x for x in v.split(LIST_SEP) if x] if isinstance(v, str) else v
        elif kind in ("int", "float") and isinstance(v, str):
            out[f] = (int(v) if kind == "int" else float(v)) if v else None
    return out


def emit(rows: list[dict], columns: list[str], fmt: str, droppable: tuple[str, ...] = ()) -> None:
    """Print rows as an aligned table, CSV or JSON."""
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([as_text(r.get(c)) for c in columns] for r in rows)
    else:
        click.echo(aligned_table(rows, columns, shutil.get_terminal_size((160, 24)).columns, droppable))


out_option = click.option("--out", "out", default="outputs", show_default=True,
                          type=click.Path(file_okay=False), help="Folder of the dataset tables.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True, help="Output format. Example: --format csv > requests.csv")


@click.command()
@out_option
@click.option("--kind", multiple=True, type=click.Choice(KINDS),
              help="Only this kind of commitment (repeatable). Example: --kind request --kind action")
@click.option("--actor", default="", help="Actor, addressee or person named contains this. Example: --actor Northey")
@click.option("--body", default="", help="The council or committee whose paper it is contains this. "
                                         "Example: --body 'Scrutiny Committee'")
@click.option("--status", type=click.Choice(STATUSES), default=None,
              help="Only requests with this status. Example: --status outstanding")
@click.option("--outstanding", is_flag=True, help="Shortcut for --kind request --status outstanding.")
@click.option("--since", default="", help="Meeting date or deadline on or after this ISO date. Example: --since 2017-10-01")
@click.option("--until", default="", help="Meeting date or deadline on or before this ISO date. Example: --until 2018-03")
@click.option("--text", default="", help="Every word appears in the text, actor or names. Example: --text 'exit strategy'")
@click.option("--min-amount", type=float, default=None, help="Mentions at least this many GBP. Example: --min-amount 100000")
@click.option("--sql", default="", help="Run SQL over the tables documents, items, commitments, links "
                                        "(DuckDB). Example: --sql \"SELECT kind, count(*) FROM commitments GROUP BY 1\"")
@click.option("--limit", type=int, default=0, help="Show at most this many rows (0: all). Example: --limit 20")
@format_option
def query_command(out, kind, actor, body, status, outstanding, since, until, text, min_amount, sql, limit, fmt) -> None:
    """Filter the commitments, or run SQL over the tables.

    Filters combine (all must hold). On a terminal the result is an aligned table
    with long text truncated; --format csv or json gives every column in full.

    Examples:

        minutemine query --outstanding

        minutemine query --kind request --body Wellbeing --since 2017-09-01 --format csv

        minutemine query --text "capacity" --min-amount 100000

        minutemine query --sql "SELECT status, count(*) AS n FROM commitments WHERE kind = 'request' GROUP BY 1"
    """
    if sql:
        if any([kind, actor, body, status, outstanding, since, until, text, min_amount is not None]):
            raise click.ClickException("--sql cannot be combined with the filter options")
        rows, columns = run_sql(out, sql)
    else:
        if outstanding:
            kind, status = kind or ("request",), "outstanding"
        df = filter_commitments(load_commitments(out), kind, actor, body, status or "", since, until, text, min_amount)
        df = sort_in_reading_order(df)
        columns = TABLE_COLUMNS if fmt == "table" else list(df.columns)
        rows = df.to_dict("records")
        if fmt == "json":
            rows = [typed(r) for r in rows]
        if fmt == "table":
            for r in rows:
                r["amounts_gbp"] = format_gbp(r["amounts_gbp"])
    emit(rows[:limit] if limit else rows, columns, fmt, droppable=DROP_WHEN_NARROW)


def run_sql(out: str | Path, sql: str) -> tuple[list[dict], list[str]]:
    """Rows and column names of a DuckDB query over the tables in `out`."""
    import duckdb

    if not Path(out, "commitments.csv").exists():
        raise click.ClickException(f"no commitments.csv in {out}/ (run `minutemine run --out {out}` first)")
    try:
        cursor = connect_duckdb(out).execute(sql)
    except duckdb.Error as exc:
        raise click.ClickException(f"SQL error: {exc}") from None
    if cursor.description is None:
        return [], []
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return rows, columns
