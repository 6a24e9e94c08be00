"""Asks a later paper restates (issue #4, recall): tiny fixtures in our own wording, then the real case."""

from __future__ import annotations

from test_link import Paper, run


def test_a_time_counted_from_this_report_does_not_make_an_ask_about_its_own_paper():
    """Regression: "publish, within six months of this report, a register of every location …" (a select
    committee's recommendation) was read as an ask about the paper it is printed in ("notes this report"), so
    the Executive response table's "Conclusion 2: publish, within six months of the report, a register …"
    restated nothing and the answer under it reached no recommendation (held-out set 5)."""
    inquiry = Paper("inquiry", "2025-02-03", body="Kelby District Council")
    inquiry.add("1", "We recommend that the Cabinet publish, within three months of this report, a list of every "
                     "footbridge closed for repairs, with the date each will reopen.", "recommendation",
                "recommendation")
    inquiry.add("2", "We recommend that the Cabinet restore the footway gritting budget to £300,000.",
                "recommendation", "recommendation")
    response = Paper("response", "2025-06-10", body="Kelby District Council")
    response.add("5", "Recommendation 1: publish, within three months of the report, a list of every footbridge "
                      "closed for repairs, with the date each will reopen.", "table_row", "request")
    linked, _ = run(inquiry, response)
    assert (linked["c:response/5"].answers, linked["c:response/5"].answer_method) == ("c:inquiry/1", "restatement")


def test_a_paper_noting_this_report_still_restates_nothing():
    """Guard: an ask about its own paper ("notes this update report") still restates no other paper's."""
    first = Paper("first", "2025-01-10", body="Kelby District Council")
    first.add("3", "That the Committee notes this update report on the footbridge repairs.", "recommendation",
              "recommendation")
    second = Paper("second", "2025-04-10", body="Kelby District Council")
    second.add("3", "That the Committee notes this update report on the footbridge repairs.", "recommendation",
               "recommendation")
    linked, _ = run(first, second)
    assert linked["c:second/3"].answers == ""
