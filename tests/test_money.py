"""Money normaliser: labelled examples from the corpus, a round-trip property, and a no-crash property."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutemine.money import amounts, find_money, format_amount


@dataclass(frozen=True)
class Example:
    text: str
    values: list[str]
    source: str = ""


DEV = [
    Example("We bid for £1.518m which included £0.100m contingency", ["1518000", "100000"], "plymouth deck 2(a)"),
    Example("£1.418m to be paid in 2 tranches 50% Dec 17/ 50% Feb 18", ["1418000"], "plymouth deck 2(a)"),
    Example("a risk of £426k", ["426000"]),
    Example("a total of £26,386 for the year", ["26386"]),
    Example("worth £4.1 million", ["4100000"]),
    Example("a range of £250k - £450k", ["250000", "450000"]),
    Example("Approve and implement increase of £56 to £124 for first vehicle permit tariffs.", ["56", "124"],
            "bristol decisions 2024-09-12"),
    Example("rate to £2 per hour", ["2"], "bristol decisions 2024-09-12"),
    Example("£1million over two years", ["1000000"], "bristol wpl report"),
    Example("an annual charge of £8-10m per year", ["8000000", "10000000"]),
    Example("a grant of EUR 500 and USD 20", ["EUR 500", "USD 20"]),
]


@pytest.mark.parametrize("example", DEV, ids=lambda e: e.text[:40])
def test_dev_examples(example: Example) -> None:
    assert amounts(example.text) == example.values


@pytest.mark.parametrize("text", ["2 tranches 50% Dec 17", "13th Dec 2017", "Phase 3", "4c and 5"])
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_regression_price_parser_reading_of_1_518m() -> None:
    # price-parser gives 1518 for "£1.518m": the reason the number is parsed here
    assert amounts("£1.518m") == ["1518000"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_pounds_round_trip(pounds: int) -> None:
    assert amounts(f"£{pounds:,}") == [str(pounds)]
    assert format_amount(Decimal(pounds)) == str(pounds)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_and_spans_are_inside_the_text(text: str) -> None:
    for m in find_money(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
