"""Date normaliser: labelled examples from the corpus papers, bugs caught, and a no-crash property."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutemine.dates import find_dates


@dataclass(frozen=True)
class Example:
    text: str
    iso: list[str]
    meeting_date: str = ""
    source: str = ""


DEV = [
    Example("Torbay Council will now consider their options at an Extraordinary Council Meeting on 27 September 2017.",
            ["2017-09-27"], source="plymouth cabinet minute 36"),
    Example("with the aim of commencing with an initial operating capability from 1st April, 2018.",
            ["2018-04-01"], source="torbay schools forum 3.1"),
    Example("£1.418m to be paid in 2 tranches 50% Dec 17/ 50% Feb 18", ["2017-12", "2018-02"],
            "2017-12-13", "plymouth deck, transitional funding"),
    Example("Shadow Cabinet Member for Finance wk1 Jan 18", ["2018-01-01/2018-01-07"], "2017-12-13", "plymouth deck timeline"),
    Example("Cabinet 16th Jan", ["2018-01-16"], "2017-12-13", "plymouth deck timeline: next year, looking forward"),
    Example("Wellbeing Overview & Scrutiny Committee 13th Dec", ["2017-12-13"], "2017-12-13", "plymouth deck timeline"),
    Example("In the Cross Party Meeting on 13 November, this subject was discussed", ["2017-11-13"], "2017-12-13"),
    Example("will become clearer during February 2018.", ["2018-02"], source="torbay 3.4"),
    Example("Receives a further report later in 2017 following the 'due diligence' exercise", ["2017"]),
    Example("the full business case being submitted by 31 March 2018", ["2018-03-31"]),
    Example("not included in the budget for 2018/19.", ["2018-04-01/2019-03-31"], source="worcestershire"),
    Example("the 2025-26 budget", ["2025-04-01/2026-03-31"]),
    Example("Full Council in January", ["2018-01"], "2017-12-13", "plymouth deck communication 2"),
    Example("Decision determined on 12 September 2024; deadline 19/09/2024", ["2024-09-12", "2024-09-19"]),
]

NEVER_DATES = [
    "We bid for £1.518m which included £0.100m contingency",  # money
    "the amount of Government funding which may be received",  # "may" the verb
    "Contractual Partnership in place for minimum 3 years",  # bare numbers
    "Recommendations 4c and 5 were not approved.",
    "the Children's & Young Peoples Act 2014 and the Statutory Guidance (2013)",  # years of a title
    "over £500k and affected 2 or more wards",
]


@pytest.mark.parametrize("example", DEV, ids=lambda e: e.text[:40])
def test_dev_examples(example: Example) -> None:
    found = find_dates(example.text, meeting_date=example.meeting_date)
    assert [d.iso for d in found] == example.iso


@pytest.mark.parametrize("text", NEVER_DATES)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, 2017) == []


def test_spans_point_at_the_date_in_the_text() -> None:
    text = "Programme costs to go-live 1st April 2018"
    (span,) = find_dates(text)
    assert text[span.start:span.end] == span.text == "1st April 2018"


def test_a_yearless_date_without_a_meeting_keeps_no_year() -> None:
    assert [d.iso for d in find_dates("Cabinet 16th Jan")] == ["--01-16"]


def test_regression_may_as_a_verb_is_not_a_month() -> None:
    assert find_dates("it may lead to a requirement by that body", 2018) == []


def test_regression_iso_date_is_not_a_financial_year() -> None:
    assert [d.iso for d in find_dates("met on 2024-09-12")] == ["2024-09-12"]


def test_month_and_year_spans_are_ranges() -> None:
    text = "Supporting studies (April to June 2025); WPL scheme development (October 2025 – March 2026); OBC (2025–2026)"
    assert [d.iso for d in find_dates(text)] == ["2025-04/2025-06", "2025-10/2026-03", "2025/2026"]


def test_regression_bare_year_before_target_is_a_date() -> None:
    # once a known miss: a bare year is a date when it names a target or deadline, never a count
    assert [d.iso for d in find_dates("the approach to future delivery and 2030 installation target")] == ["2030"]
    assert [d.iso for d in find_dates("to meet the 2027 deadline for CRSTS funding; 2025 responses")] == ["2027"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_and_spans_are_inside_the_text(text: str) -> None:
    for d in find_dates(text, 2017, meeting_date="2017-12-13"):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end] == d.text
        assert d.iso
