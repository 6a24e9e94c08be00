"""show: one commitment in its source paragraph, with the request it answers and its answers."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from .query import format_gbp, load_commitments, out_option
from .store import LIST_SEP, read_table


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
