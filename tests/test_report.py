"""report: the HTML tracker built from the synthetic dataset, then driven in headless Chromium."""

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from outputs_fixture import MINUTE, UPDATE, synthetic_tables

from minutemine.cli import main
from minutemine.models import Commitment
from minutemine.report import anchor, render_report
from minutemine.store import write_tables

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """outputs/ and the papers it names side by side, as after `minutemine run papers --out outputs`."""
    root = tmp_path_factory.mktemp("project")
    for doc in synthetic_tables()["documents"]:
        (root / doc.source_path).parent.mkdir(parents=True, exist_ok=True)
        (root / doc.source_path).write_text("a paper", encoding="utf-8")
    write_tables(root / "outputs", synthetic_tables())
    result = CliRunner().invoke(main, ["report", "--out", str(root / "outputs")])
    assert result.exit_code == 0, result.output
    return root / "outputs" / "report.html"


def test_same_tables_give_a_byte_identical_report(report):
    assert render_report(report.parent, report) == report.read_text(encoding="utf-8")


def test_report_is_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html) == []  # no CDN, nothing remote
    assert "<link" not in html and "<script src" not in html
    assert "<style>" in html and "<script>" in html


def test_every_request_is_shown_with_its_status_and_answers(report):
    html = report.read_text(encoding="utf-8")
    statuses = re.findall(r'<article class="request [^"]*" id="([^"]+)"[^>]*data-status="([^"]+)"', html, re.S)
    assert statuses == [(anchor("r", f"{MINUTE}/a#r"), "answered"), (anchor("r", f"{MINUTE}/b#r"), "partly answered"),
                        (anchor("r", f"{MINUTE}/c#r"), "answered"), (anchor("r", f"{MINUTE}/d#r"), "outstanding")]
    assert html.count("No answer found in these papers.") == 1
    assert "deadline 2018-03-31" in html and "£1,518,000" in html and "£350,000" in html
    assert "84 days later" in html  # 2017-09-20 → 2017-12-13


def test_source_links_are_relative_to_the_report_with_the_pdf_page(report):
    html = report.read_text(encoding="utf-8")
    hrefs = set(re.findall(r'class="source" href="([^"#][^"]*)"', html))
    assert "../papers/pdf/due-diligence-update.pdf#page=3" in hrefs
    for href in hrefs:
        assert (report.parent / unquote(href.split("#")[0])).exists(), href


def test_text_from_papers_is_escaped(tmp_path):
    tables = synthetic_tables()
    tables["commitments"].append(Commitment(commitment_id="x#r", doc_id=MINUTE, item_id="x", kind="request",
                                            text='<script>alert("x")</script> & more', status="outstanding"))
    write_tables(tmp_path, tables)
    html = render_report(tmp_path, tmp_path / "report.html")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more" in html


def test_report_of_a_run_with_no_commitments_says_so(tmp_path):
    write_tables(tmp_path, {"documents": synthetic_tables()["documents"], "items": [], "commitments": [], "links": []})
    html = render_report(tmp_path, tmp_path / "report.html")
    assert "No requests were found in these papers." in html
    assert "No answered request has dates on both papers." in html


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser test (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.mark.slow
@pytest.mark.browser
def test_report_in_chromium_filters_click_through_and_no_console_errors(browser, report):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, remote = [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: remote.append(req.url) if not req.url.startswith(("file:", "data:")) else None)
    page.goto(report.as_uri())

    def visible_requests():
        return page.eval_on_selector_all("article.request:not([hidden])", "els => els.map(e => e.dataset.status)")

    assert page.text_content("#shown") == "Showing 4 of 4 requests"
    page.screenshot(path=os.environ.get("MINUTEMINE_SCREENSHOT", "/tmp/report.png"), full_page=True)
    page.select_option("#f-status", "outstanding")
    assert visible_requests() == ["outstanding"]
    assert page.locator("#answers tr[data-filter]:not([hidden])").count() == 0  # every answer is to an answered one
    page.select_option("#f-status", "")
    page.fill("#f-text", "staffing")
    assert page.eval_on_selector_all("article.request:not([hidden])", "els => els.map(e => e.id)") == [
        anchor("r", f"{MINUTE}/b#r")]
    assert page.text_content("#shown") == "Showing 1 of 4 requests"
    page.fill("#f-text", "")
    page.select_option("#f-body", "Plymouth City Council")  # the answering body: no request, its answers only
    assert visible_requests() == [] and page.locator("#answers tr[data-filter]:not([hidden])").count() == 3

    # from an answer in the list through to the request it answers, which that filter hid
    page.click(f"#{anchor('c', f'{UPDATE}/3#a')} a.to-request")
    target = page.locator(f"#{anchor('r', f'{MINUTE}/c#r')}")
    assert "flash" in target.get_attribute("class")
    assert target.is_visible() and page.input_value("#f-body") == ""
    box = target.bounding_box()
    assert 0 <= box["y"] < 900  # scrolled into view
    assert errors == [] and remote == []
    page.close()


def test_month_only_meeting_dates_still_count_in_days_to_an_answer():
    """Regression: a request from a paper dated only "2017-09" was left out of the days chart."""
    from minutemine.report import days_between

    assert days_between("2017-09", "2017-12-13") == 103
    assert days_between("2018", "2018-01-10") == 9


def test_answers_to_a_restatement_are_shown_under_the_original_request():
    """Regression: the report showed only the restatement ("Provide clarity about…") under the
    scrutiny committee's request, not the bullets that answer it; a cycle must not loop."""
    from minutemine.report import answers_reaching

    answers_of = {
        "osc/b": [{"commitment_id": "deck/P1", "kind": "request", "answer_score": "0.39"}],
        "deck/P1": [{"commitment_id": "deck/P1#2", "kind": "assurance", "answer_score": "1.0"},
                    {"commitment_id": "deck/P1#1", "kind": "assurance", "answer_score": "1.0"},
                    {"commitment_id": "osc/b", "kind": "request", "answer_score": "0.2"}],
    }
    got = [(a["commitment_id"], via) for a, via in answers_reaching("osc/b", answers_of)]
    assert got == [("deck/P1", ""), ("deck/P1#1", "deck/P1"), ("deck/P1#2", "deck/P1")]
