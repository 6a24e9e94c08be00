"""report: one self-contained HTML tracker of requests and their answers, for scrutiny officers.

The page is built from the tables in the outputs folder and the templates beside
this module (HTML, CSS and JS are inlined, so the file opens from disk with no
server and no network).  It carries no timestamp: the same tables give the same file.
"""

from __future__ import annotations

import math
import os
import statistics
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

import click

from . import __version__
from .query import format_gbp, load_commitments, sort_in_reading_order
from .store import LIST_SEP, atomic_write, read_table
from .stories import meeting_day_range

STATUS_ORDER = ("answered", "partly answered", "outstanding")
DAY_BUCKETS = [(0, 30, "≤ 30"), (31, 90, "31–90"), (91, 180, "91–180"), (181, 365, "181–365"), (366, None, "> 365")]


def anchor(prefix: str, ident: str) -> str:
    """An HTML id for a commitment id (which holds '/' and '#'), unique and readable.

    >>> anchor("r", "d1a2/3.b#r")
    'r-d1a2_2f3.b_23r'
    """
    return prefix + "-" + "".join(c if c.isalnum() or c in "-." else f"_{ord(c):02x}" for c in ident)


def answers_reaching(request_id: str, answers_of: dict[str, list[dict]]) -> list[tuple[dict, str]]:
    """The answers of a request, best first, each followed by the answers of it when it is a
    restatement of the request; paired with the id of the restatement they answer ("" if direct).

    A restated request carries no substance of its own: the officer reading the original
    request needs the bullets that answer the restatement.

    >>> rows = {"R": [{"commitment_id": "S", "kind": "request", "answer_score": "0.4"}],
    ...         "S": [{"commitment_id": "A", "kind": "assurance", "answer_score": "1.0"}]}
    >>> [(a["commitment_id"], via) for a, via in answers_reaching("R", rows)]
    [('S', ''), ('A', 'S')]
    """
    out: list[tuple[dict, str]] = []
    seen = {request_id}
    stack: list[tuple[dict, str]] = [(a, "") for a in _best_first(answers_of.get(request_id, []))][::-1]
    while stack:
        answer, via = stack.pop()
        if answer["commitment_id"] in seen:
            continue
        seen.add(answer["commitment_id"])
        out.append((answer, via))
        if answer["kind"] == "request":
            restated = answer["commitment_id"]
            stack.extend((a, restated) for a in _best_first(answers_of.get(restated, []))[::-1])
    return out


def _best_first(answers: list[dict]) -> list[dict]:
    return sorted(answers, key=lambda a: (-float(a["answer_score"] or 0), a["commitment_id"]))


def days_between(start: str, end: str) -> int | None:
    """Whole days from one ISO date to another, each taken at the first day it may mean (a
    meeting dated only by its month or year still has a place on the time line); None if
    either is missing.

    >>> days_between("2017-09-20", "2017-12-13")
    84
    >>> days_between("2017-09", "2017-12-13")
    103
    >>> days_between("", "2017-12-13") is None
    True
    """
    first = meeting_day_range(start.split("/")[0])[0]
    last = meeting_day_range(end.split("/")[0])[0]
    if math.isinf(first) or math.isinf(last):
        return None
    return int(last - first)


def paper_href(source_path: str, out_dir: Path, html_dir: Path) -> str:
    """A link to the source paper relative to the report (add #page=N for a PDF).

    source_path is as it was given to `minutemine run` (usually relative to where it ran);
    we look for it from the current folder, then beside the outputs folder.
    """
    path = Path(source_path)
    if not path.is_absolute():
        candidates = [Path.cwd() / path, out_dir.resolve().parent / path]
        path = next((c for c in candidates if c.exists()), candidates[0])
    rel = os.path.relpath(path, html_dir.resolve())
    return quote(Path(rel).as_posix())


def status_chart(counts: dict[str, int]) -> str:
    """An inline SVG bar chart of requests by status."""
    bars = [(s, counts.get(s, 0), "bar-" + s.split()[0]) for s in STATUS_ORDER]
    return bar_chart([(label, n, css) for label, n, css in bars])


def days_chart(days: list[int]) -> str:
    """An inline SVG histogram of days from request to first answer."""
    bars = []
    for low, high, label in DAY_BUCKETS:
        n = sum(1 for d in days if d >= low and (high is None or d <= high))
        bars.append((label, n, "bar-days"))
    return bar_chart(bars, empty="No answered request has dates on both papers." if not days else "")


def bar_chart(bars: list[tuple[str, int, str]], empty: str = "") -> str:
    """Horizontal bars with their labels and counts, sized to the largest; hand-made SVG."""
    from html import escape

    row_h, label_w, bar_w = 26, 120, 260
    top = max((n for _, n, _ in bars), default=0) or 1
    height = row_h * len(bars) + (20 if empty else 0)
    parts = [f'<svg viewBox="0 0 {label_w + bar_w + 50} {height}" width="100%" role="img" '
             f'preserveAspectRatio="xMinYMin meet" style="max-height:{height}px">']
    for i, (label, n, css) in enumerate(bars):
        y = i * row_h
        w = round(bar_w * n / top)
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>'
                     f'<rect class="{css}" x="{label_w}" y="{y + 5}" width="{w}" height="16" rx="2"><title>'
                     f'{escape(label)}: {n}</title></rect>'
                     f'<text x="{label_w + w + 6}" y="{y + 17}">{n}</text>')
    parts.append(f'<line class="axis" x1="{label_w}" y1="0" x2="{label_w}" y2="{row_h * len(bars)}"/>')
    if empty:
        parts.append(f'<text x="0" y="{height - 4}" style="fill:#616e7c">{escape(empty)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def request_status(row: dict, n_answers: int) -> str:
    """The status linking gave a request, or one inferred from its answers if it gave none."""
    if row["status"] in STATUS_ORDER:
        return row["status"]
    return "answered" if n_answers else "outstanding"


def search_text(*parts: str) -> str:
    """Lower-case text the filter box searches, whitespace collapsed."""
    return " ".join(" ".join(parts).lower().split())


def report_data(out_dir: str | Path, html_path: str | Path) -> dict:
    """Everything the template shows, computed from the tables in `out_dir`."""
    out, html_dir = Path(out_dir), Path(html_path).parent
    df = sort_in_reading_order(load_commitments(out))
    documents = read_table(out, "documents")
    rows = df.to_dict("records")
    by_id = {r["commitment_id"]: r for r in rows}
    hrefs = {p: paper_href(p, out, html_dir) for p in documents["source_path"]}  # once per paper, not per row
    names = {p: Path(p).name for p in hrefs}

    def view(r: dict) -> dict:
        href = hrefs.get(r["source_path"]) or paper_href(r["source_path"], out, html_dir)
        return r | {
            "anchor": anchor("c", r["commitment_id"]),
            "href": f"{href}#page={r['page']}" if r["format"] == "pdf" and r["page"] else href,
            "paper": names.get(r["source_path"]) or r["doc_id"],
            "money": format_gbp(r["amounts_gbp"]).split("; ") if r["amounts_gbp"] else [],
            "dates": [d for d in r["dates"].split(LIST_SEP) if d],
            "search": search_text(r["commitment_id"], r["text"], r["actor"], r["addressee"], r["people"],
                                  r["organisations"], r["title"], Path(r["source_path"]).name),
        }

    answers_of: dict[str, list[dict]] = {}
    for r in rows:
        if r["answers"] in by_id:
            answers_of.setdefault(r["answers"], []).append(r)
    requests, answers, others, days = [], [], [], []
    for r in rows:
        if r["kind"] != "request":
            continue
        linked = answers_reaching(r["commitment_id"], answers_of)
        status = request_status(r, len(linked))
        req = view(r) | {"status": status, "status_class": status.replace(" ", "-"), "answers": []}
        req["anchor"] = anchor("r", r["commitment_id"])
        for a, via in linked:
            method = a["answer_method"] or "?"
            a_view = view(a) | {"days": days_between(r["meeting_date"], a["meeting_date"]),
                                "score": a["answer_score"] or "?",
                                "method": f"{method}, answering its restatement {via}" if via else method}
            req["answers"].append(a_view)
            req["search"] += " " + a_view["search"]
        first = [a["days"] for a in req["answers"] if a["days"] is not None]
        if first:
            days.append(min(first))
        requests.append(req)
    requests_by_id = {r["commitment_id"]: r for r in requests}
    for r in rows:
        request = requests_by_id.get(r["answers"])
        if request is not None:
            answers.append(view(r) | {"request_anchor": request["anchor"], "request_status": request["status"],
                                      "request_status_class": request["status_class"],
                                      "request_short": short(request["text"], 90)})
        elif r["kind"] != "request":
            others.append(view(r))
    counts = {s: sum(r["status"] == s for r in requests) for s in STATUS_ORDER} | {"requests": len(requests)}
    meeting_dates = sorted(d for d in documents["meeting_date"] if d)
    return {
        "title": "Scrutiny tracker: requests and answers",
        "version": __version__,
        "n_papers": int((documents["status"] == "ok").sum()),
        "date_range": f"{meeting_dates[0]} to {meeting_dates[-1]}" if meeting_dates else "",
        "counts": counts,
        "median_days": round(statistics.median(days)) if days else None,
        "status_chart": status_chart(counts),
        "days_chart": days_chart(days),
        "bodies": sorted({r["body"] for r in requests + answers + others if r["body"]}),
        "requests": requests,
        "answers": answers,
        "others": others,
    }


def short(text: str, width: int) -> str:
    """Text cut to `width` characters at a word.

    >>> short("The Committee requests further scrutiny of the contract", 30)
    'The Committee requests…'
    """
    from .query import truncate

    return truncate(text, width)


def render_report(out_dir: str | Path, html_path: str | Path) -> str:
    """The report page as one HTML string with its CSS and JS inlined."""
    import jinja2

    templates = files("minutemine") / "templates"
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = env.from_string((templates / "report.html.j2").read_text(encoding="utf-8"))
    return template.render(css=(templates / "report.css").read_text(encoding="utf-8"),
                           js=(templates / "report.js").read_text(encoding="utf-8"),
                           **report_data(out_dir, html_path))


@click.command()
@click.option("--out", "out", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the dataset tables. Example: --out outputs/")
@click.option("--html", "html", default=None, type=click.Path(dir_okay=False),
              help="Where to write the page [default: OUT/report.html]. Example: --html ~/shared/tracker.html")
def report_command(out: str, html: str | None) -> None:
    """Write the scrutiny tracker: one HTML file to open in a browser or share.

    Every request with its status, who asked whom and when, the answers it got
    quoted with their paper and page, money and deadlines; filters by body,
    status and text; charts of requests by status and days to an answer.

    Example:

        minutemine report --out outputs/ --html outputs/report.html
    """
    html_path = Path(html) if html else Path(out) / "report.html"
    page = render_report(out, html_path)
    atomic_write(html_path, page.encode("utf-8"))
    click.echo(f"wrote {html_path}", err=True)
