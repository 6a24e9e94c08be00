"""query and show: filter the commitments, run SQL over the tables, show one row in its source.

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


def find_commitment(df, ident: str):
    """The one row whose id is `ident`, or starts with it; a ClickException otherwise."""
    exact = df[df["commitment_id"] == ident]
    if len(exact) == 1:
        return exact.iloc[0]
    matches = df[df["commitment_id"].str.startswith(ident)]
    if len(matches) == 1:
        return matches.iloc[0]
    if matches.empty:
        raise click.ClickException(f"no commitment with id {ident!r} (see `minutemine query` for ids)")
    shown = ", ".join(matches["commitment_id"].head(5))
    raise click.ClickException(f"id prefix {ident!r} matches {len(matches)} commitments ({shown}…): give more of it")


MONEY_RE = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?\s?(?:bn|billion|m|million|k)?\b", re.I)
DATE_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*,?\s+\d{4}\b"
                     r"|\b\d{4}/\d{2}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


def value_spans(text: str, row) -> list[tuple[int, int]]:
    """Where the extracted values (names, money, dates) appear in `text`, merged and sorted."""
    spans = [m.span() for m in MONEY_RE.finditer(text)] + [m.span() for m in DATE_RE.finditer(text)]
    names = [row["actor"], row["addressee"]] + row["people"].split(LIST_SEP) + row["organisations"].split(LIST_SEP)
    for name in filter(None, (n.strip() for n in names)):
        spans += [m.span() for m in re.finditer(re.escape(name), text)]
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def mark_values(text: str, row, bold: bool) -> str:
    """`text` with each extracted value marked: ANSI bold on a terminal, [[value]] otherwise.

    >>> mark_values("Torbay will fund £350k", {"actor": "Torbay", "addressee": "", "people": "",
    ...             "organisations": ""}, bold=False)
    '[[Torbay]] will fund [[£350k]]'
    """
    out, pos = [], 0
    for s, e in value_spans(text, row):
        value = text[s:e]
        out += [text[pos:s], click.style(value, bold=True) if bold else f"[[{value}]]"]
        pos = e
    return "".join(out) + text[pos:]


def source_line(row) -> str:
    """'paper, page N (meeting date, body)' for one joined commitment row."""
    where = f"{row['source_path']}, page {row['page']}" if row["source_path"] else f"document {row['doc_id']}"
    about = ", ".join(filter(None, [row["meeting_date"], row["body"]]))
    return f"{where} ({about})" if about else where


def describe(row, items, bold: bool, indent: str = "") -> list[str]:
    """The lines that show one commitment in its paragraph, with its values."""
    label = f"{row['kind']}" + (f", {row['status']}" if row["status"] else "")
    lines = [f"{indent}{click.style(row['commitment_id'], bold=True) if bold else row['commitment_id']}  [{label}]",
             f"{indent}  {'source:':<15}{source_line(row)}"]
    item = items.get(row["item_id"])
    paragraph = item["text"] if item is not None else row["text"]
    if item is not None and item["heading"]:
        lines.append(f"{indent}  {'under:':<15}{item['heading']}" + (f" › {item['label']}" if item["label"] else ""))
    lines.append(f"{indent}  {'paragraph:':<15}{mark_values(' '.join(paragraph.split()), row, bold)}")
    if row["text"].strip() and " ".join(row["text"].split()) not in " ".join(paragraph.split()):
        lines.append(f"{indent}  {'sentence:':<15}{mark_values(' '.join(row['text'].split()), row, bold)}")
    facts = [("actor", row["actor"]), ("addressee", row["addressee"]), ("modality", row["modality"]),
             ("deadline", row["deadline"]), ("dates", row["dates"].replace(LIST_SEP, ", ")),
             ("money", format_gbp(row["amounts_gbp"])), ("people", row["people"].replace(LIST_SEP, ", ")),
             ("organisations", row["organisations"].replace(LIST_SEP, ", "))]
    lines += [f"{indent}  {k + ':':<15}{v}" for k, v in facts if v]
    return lines


@click.command()
@click.argument("ident", metavar="ID")
@out_option
@click.option("--plain", is_flag=True, help="Mark values with [[...]] instead of bold, even on a terminal.")
def show_command(ident, out, plain) -> None:
    """Show one commitment in its source, with the request it answers and the answers it got.

    ID is a commitment_id from `minutemine query`, or any unique prefix of one.
    Extracted values (names, money, dates) are shown in bold on a terminal and
    as [[value]] when piped or with --plain.

    Example:

        minutemine show d1a2b3c4d5e6f/a
    """
    df = load_commitments(out)
    row = find_commitment(df, ident)
    items = {r["item_id"]: r for r in read_table(out, "items").to_dict("records")} \
        if Path(out, "items.csv").exists() else {}
    links = read_table(out, "links") if Path(out, "links.csv").exists() else None
    bold = not plain and sys.stdout.isatty()
    by_id = {r["commitment_id"]: r for r in df.to_dict("records")}
    lines = describe(row, items, bold)
    if row["answers"]:
        lines += ["", f"Answers request (score {row['answer_score'] or '?'}, {row['answer_method'] or 'method ?'}):"]
        request = by_id.get(row["answers"])
        lines += describe(request, items, bold, "  ") if request else [f"  {row['answers']} (not in this dataset)"]
    answers = [r for r in by_id.values() if r["answers"] == row["commitment_id"]]
    seen = {a["commitment_id"] for a in answers}
    if links is not None:  # candidates that lost to a better answer are worth seeing too
        for link in links[links["request_id"] == row["commitment_id"]].to_dict("records"):
            if link["answer_id"] not in seen and link["answer_id"] in by_id:
                answers.append(by_id[link["answer_id"]] | {"answer_score": link["score"],
                                                            "answer_method": f"candidate rank {link['rank']}, {link['method']}"})
                seen.add(link["answer_id"])
    if row["kind"] == "request" or answers:
        lines += ["", f"Answered by {len(answers)}:" if answers else "Answered by: nothing yet"]
        for a in answers:
            lines += [f"  (score {a['answer_score'] or '?'}, {a['answer_method'] or 'method ?'})"]
            lines += describe(a, items, bold, "  ")
    click.echo("\n".join(lines))
