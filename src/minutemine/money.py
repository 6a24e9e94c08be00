"""Find sums of money and normalise them: pounds to a whole number of GBP, others kept with their currency.

Currencies and magnitude suffixes are data in `patterns/money.jsonl`.  The
number itself is parsed here rather than with price-parser, because
price-parser reads "£1.518m" as 1518 (it takes ".518" for a thousands group),
the commonest shape in council finance slides.

"£1.518m" → "1518000", "£426k" → "426000", "£26,386" → "26386",
"£250k - £450k" → both ends, "£250 - 450k" → 250000 and 450000,
"EUR 500" → "EUR 500" (not converted).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel


class MoneySpan(BaseModel):
    start: int
    end: int
    text: str
    value: str  # "1518000" for pounds; "EUR 500" for another currency


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, int]]:
    path = resources.files("minutemine") / "patterns" / "money.jsonl"
    symbols: dict[str, str] = {}
    suffixes: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        for s in rec.get("symbols", []):
            symbols[s] = rec["currency"]
        for s in rec.get("suffixes", []):
            suffixes[s] = rec["multiplier"]
    return symbols, suffixes


@lru_cache(maxsize=1)
def _regex() -> re.Pattern[str]:
    symbols, suffixes = _tables()
    sym = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    suf = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

    def amount(num: str, suffix: str) -> str:
        return rf"(?P<{num}>{number})(?:\s?(?P<{suffix}>{suf})(?![A-Za-z]))?"

    return re.compile(
        rf"(?<![\w£$€])(?P<sym>{sym})\s?{amount('num', 'suf')}"
        # a range whose second end may repeat the symbol: "£250k - £450k", "£250 - 450k", "£56 to £124"
        rf"(?:\s?(?:-|–|to)\s?(?P<sym2>{sym})?\s?{amount('num2', 'suf2')})?"
    )


def scale(number: str, suffix: str | None = None) -> Decimal | None:
    """The amount a number and its magnitude suffix stand for.

    >>> scale("1.518", "m"), scale("26,386"), scale("0.100", "m"), scale("4.1", "million")
    (Decimal('1518000.000'), Decimal('26386'), Decimal('100000.000'), Decimal('4100000.0'))
    >>> scale("1..2") is None
    True
    """
    _, suffixes = _tables()
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    return value * suffixes.get(suffix or "", 1)


def format_amount(value: Decimal, currency: str = "GBP") -> str:
    """A plain number for pounds ("1518000"), currency code first for the others.

    >>> format_amount(Decimal("1518000.000")), format_amount(Decimal("2.50")), format_amount(Decimal("500"), "EUR")
    ('1518000', '2.5', 'EUR 500')
    """
    text = f"{value.normalize():f}" if value != value.to_integral_value() else str(int(value))
    return text if currency == "GBP" else f"{currency} {text}"


def find_money(text: str) -> list[MoneySpan]:
    """Every sum of money in `text`, in order; a range gives both ends.

    >>> [m.value for m in find_money("We bid for £1.518m which included £0.100m contingency")]
    ['1518000', '100000']
    >>> [m.value for m in find_money("£250k - £450k, £250 - 450k, £26,386 and EUR 500")]
    ['250000', '450000', '250000', '450000', '26386', 'EUR 500']
    >>> find_money("2 tranches 50% Dec 17")
    []
    """
    symbols, _ = _tables()
    out: list[MoneySpan] = []
    for m in _regex().finditer(text):
        currency = symbols[m["sym"]]
        # "£250 - 450k": the second end's magnitude also applies to the first
        first_suffix = m["suf"] or (m["suf2"] if m["num2"] and not m["sym2"] else None)
        ends = [(m.span("num"), scale(m["num"], first_suffix))]
        if m["num2"]:
            ends.append((m.span("num2"), scale(m["num2"], m["suf2"])))
        for (_s, _e), value in ends:
            if value is not None:
                out.append(MoneySpan(start=m.start(), end=m.end(), text=m.group(0),
                                     value=format_amount(value, currency)))
    return out


def amounts(text: str) -> list[str]:
    """The normalised values of `find_money`, for a commitment's `amounts_gbp` cell.

    >>> amounts("£426k and £4.1 million")
    ['426000', '4100000']
    """
    return [m.value for m in find_money(text)]
