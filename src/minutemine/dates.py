"""Find dates in council prose and normalise them to ISO 8601, UK order (day first).

The date *shapes* are regular expressions kept as data in `patterns/dates.jsonl`
(one shape a line; `MONTH`/`MONABBR` stand for the month names).  Where a
library fits, it does the normalising: `dateparser` (DMY order, no network)
turns "1st April, 2018" into 2018-04-01 and says whether the text named a day
or only a month.  Our own small functions cover what it gets wrong for council
papers: "Dec 17" means December 2017 (dateparser reads 17 December), "wk1 Jan
18" is a week, and "2018/19" is a financial year (1 April to 31 March).

Precision is kept: "2018-02-01" only when a day was written, "2018-02" for
"February 2018", "2017" for "later in 2017", and a range as "start/end".
Bare numbers, the verb "may" and money are never dates.
"""

from __future__ import annotations

import calendar
import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel

_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]
_ABBRS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
# Month names must be capitalised (or upper case): "may" the verb is never a month.
_MONTH_ALT = "|".join([m for m in _MONTH_NAMES] + [m.upper() for m in _MONTH_NAMES] + _ABBRS
                      + [a.upper() for a in _ABBRS])
_ABBR_ALT = "|".join(_ABBRS + [a.upper() for a in _ABBRS])


class DateSpan(BaseModel):
    start: int
    end: int
    text: str
    iso: str  # "2017-12-13", "2018-02", "2018", or a range "2018-04-01/2019-03-31"


@lru_cache(maxsize=1)
def _shapes() -> list[tuple[str, re.Pattern[str]]]:
    """The date shapes of patterns/dates.jsonl, compiled once per process."""
    path = resources.files("minutemine") / "patterns" / "dates.jsonl"
    shapes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            regex = rec["regex"].replace("MONABBR", f"(?:{_ABBR_ALT})").replace("MONTH", f"(?:{_MONTH_ALT})")
            shapes.append((rec["shape"], re.compile(regex)))
    return shapes


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation, 0 if it is none.

    >>> month_number("Sept"), month_number("DECEMBER"), month_number("may"), month_number("Foo")
    (9, 12, 5, 0)
    """
    key = name.strip(".").lower()[:3]
    for i, month in enumerate(_MONTH_NAMES, start=1):
        if month.lower()[:3] == key:
            return i
    return 0


def century(year: str) -> int:
    """A four-digit year from a two- or four-digit one (council papers are all after 2000).

    >>> century("18"), century("2019"), century("99")
    (2018, 2019, 2099)
    """
    return int(year) if len(year) == 4 else 2000 + int(year)


def financial_year(first: str, second: str) -> str:
    """A UK financial year as an ISO range, or "" when the two years do not follow on.

    >>> financial_year("2018", "19")
    '2018-04-01/2019-03-31'
    >>> financial_year("2025", "2026")
    '2025-04-01/2026-03-31'
    >>> financial_year("2018", "12")
    ''
    """
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if end != start + 1:
        return ""
    return f"{start}-04-01/{end}-03-31"


def week_of_month(week: int, month: int, year: int) -> str:
    """ "wk1 Jan 18": the n-th seven days of a month, as a range.

    >>> week_of_month(1, 1, 2018)
    '2018-01-01/2018-01-07'
    >>> week_of_month(5, 2, 2018)
    '2018-02-28/2018-02-28'
    """
    last = calendar.monthrange(year, month)[1]
    start = min((week - 1) * 7 + 1, last)
    end = min(start + 6, last)
    return f"{year}-{month:02d}-{start:02d}/{year}-{month:02d}-{end:02d}"


def month_span(first: int, first_year: str | None, last: int, last_year: int) -> str:
    """ "April to June 2025" and "October 2025 – March 2026" as a range of months.

    >>> month_span(4, None, 6, 2025), month_span(10, "2025", 3, 2026), month_span(12, None, 4, 2026)
    ('2025-04/2025-06', '2025-10/2026-03', '2025-12/2026-04')
    """
    year = int(first_year) if first_year else (last_year if first <= last else last_year - 1)
    return f"{year}-{first:02d}/{last_year}-{last:02d}"


@lru_cache(maxsize=4096)
def parse_day_or_month(text: str) -> str:
    """Normalise "25 September 2017" or "February 2018" with dateparser, keeping precision.

    >>> parse_day_or_month("1st April, 2018"), parse_day_or_month("February 2018")
    ('2018-04-01', '2018-02')
    >>> parse_day_or_month("31 February 2018")
    ''
    """
    parser = _date_parser()
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return ""
    if data.period == "month":
        return data.date_obj.strftime("%Y-%m")
    if data.period == "year":
        return data.date_obj.strftime("%Y")
    return data.date_obj.strftime("%Y-%m-%d")


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False,
        "RETURN_TIME_AS_PERIOD": False})


def _normalise(shape: str, m: re.Match[str], default_year: int | None, reference_month: int = 0) -> str:
    g = m.groupdict()
    if shape == "iso":
        return m.group(0)
    if shape == "numeric_dmy":
        return f"{century(g['year'])}-{int(g['month']):02d}-{int(g['day']):02d}"
    if shape == "financial_year":
        return financial_year(g["year"], g["next"])
    if shape == "week_of_month":
        return week_of_month(int(g["week"]), month_number(g["month"]), century(g["year"]))
    if shape == "month_short_year":
        return f"{century(g['year'])}-{month_number(g['month']):02d}"
    if shape in ("year_after_cue", "year_before_noun"):
        return g["year"]
    if shape == "year_span":
        return f"{g['year']}/{g['year2']}" if int(g["year2"]) > int(g["year"]) else ""
    if shape == "month_span":
        return month_span(month_number(g["month"]), g["year"], month_number(g["month2"]), int(g["year2"]))
    month = month_number(g["month"])
    year = g.get("year") or default_year
    if not g.get("year") and year and reference_month:
        # a yearless date well before the meeting is in the next year: "Cabinet 16th Jan" on a December agenda
        if month < reference_month - 3:
            year = int(year) + 1
    if g.get("day"):
        if not year:
            return f"--{month:02d}-{int(g['day']):02d}"  # ISO 8601 for a day with no year
        return parse_day_or_month(f"{int(g['day'])} {calendar.month_name[month]} {year}")
    return parse_day_or_month(f"{calendar.month_name[month]} {year}") if year else ""


def find_dates(text: str, default_year: int | None = None, meeting_date: str = "") -> list[DateSpan]:
    """Every date in `text`, in order, with its ISO value; a date with no year takes `default_year`.

    With `meeting_date` (ISO), the year of a yearless date is the meeting's, or the
    next one when the month is more than three months before the meeting's month.

    >>> [d.iso for d in find_dates("Cross Party Meeting on 13 November; Cabinet 16th Jan; Full Council in January", meeting_date="2017-12-13")]
    ['2017-11-13', '2018-01-16', '2018-01']

    >>> [d.iso for d in find_dates("by 31 March 2018, go-live 1st April, 2018 and 13th Dec", 2017)]
    ['2018-03-31', '2018-04-01', '2017-12-13']
    >>> [d.iso for d in find_dates("50% Dec 17/ 50% Feb 18; wk1 Jan 18")]
    ['2017-12', '2018-02', '2018-01-01/2018-01-07']
    >>> [(d.text, d.iso) for d in find_dates("the 2030 installation target and the 2027 deadline, 2025 residents")]
    [('2030', '2030'), ('2027', '2027')]
    >>> [(d.text, d.iso) for d in find_dates("the budget for 2018/19 and later in 2017")]
    [('2018/19', '2018-04-01/2019-03-31'), ('2017', '2017')]
    >>> find_dates("£1.518m in 2 tranches; officers may attend on 3 occasions")
    []
    """
    found: list[tuple[int, int, str]] = []
    reference_month = 0
    if re.match(r"\d{4}-\d{2}", meeting_date):
        default_year = default_year or int(meeting_date[:4])
        reference_month = int(meeting_date[5:7])
    for shape, regex in _shapes():
        for m in regex.finditer(text):
            start, end = m.span()
            if shape in ("year_after_cue", "month_after_cue", "year_before_noun"):
                start, end = m.span(shape.split("_")[0])  # the date, not the word that makes it one
            iso = _normalise(shape, m, default_year, reference_month)
            if iso:
                found.append((start, end, iso))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    spans: list[DateSpan] = []
    for start, end, iso in found:
        if spans and start < spans[-1].end:
            continue  # a shorter reading inside a date already taken
        spans.append(DateSpan(start=start, end=end, text=text[start:end], iso=iso))
    return spans
