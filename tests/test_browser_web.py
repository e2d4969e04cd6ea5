"""End to end in Debian's chromium (Playwright): the app served by a real gunicorn (`validator serve`)
on 127.0.0.1, an ad page and an NGO page served from other local ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import CHROMIUM_FLAGS, ROOT
from test_webapp_support import RISKY_AD, page_server

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"validator serve exited:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"validator serve did not answer in {seconds} s")


class _NgoPage(BaseHTTPRequestHandler):
    app_origin = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        body = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ONG Exemple</title></head>
<body><main><h1>ONG Exemple : travailler à l'étranger en sécurité</h1>
<p>Avant de répondre à une offre, vérifiez-la ici.</p>
<div id="box"><script src="{self.app_origin}/embed.js" data-lang="fr" data-theme="light"></script></div>
<p id="after">Fin de la page.</p></main></body></html>""".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ngo_server() -> Iterator[tuple[ThreadingHTTPServer, str]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NgoPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def app_server(ngo_server, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """`validator serve` with 2 workers; yields its origin and the file holding its logs."""
    _, ngo_origin = ngo_server
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {
        **os.environ,
        "VALIDATOR_FETCH_ALLOW_PRIVATE": "1",  # the ad page is served from 127.0.0.1
        "VALIDATOR_WIDGET_ORIGINS": ngo_origin,
        "VALIDATOR_RATELIMIT_ENABLED": "0",
    }
    env.pop("VALIDATOR_SECRET_KEY", None)
    validator_cmd = [sys.executable, "-m", "validator.cli", "serve", "--port", str(port), "--workers", "2"]
    with log.open("wb") as out:
        process = subprocess.Popen(validator_cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{origin}/api/v1/health", process, log)
        _NgoPage.app_origin = origin
        yield origin, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser(chromium_executable):
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    csp_errors: list[str] = []
    sandbox_warnings: list[str] = []
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("console", lambda msg: sandbox_warnings.append(msg.text) if "sandbox" in msg.text else None)
    page.csp_errors = csp_errors
    page.sandbox_warnings = sandbox_warnings
    yield page
    context.close()


def serious_violations(page) -> list[str]:
    results = axe_sync.Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def test_paste_an_ad_and_see_the_highlighted_evidence(app_server, page):
    origin, _ = app_server
    page.goto(f"{origin}/")
    assert serious_violations(page) == []
    page.get_by_label("The ad's text").fill(RISKY_AD)
    page.get_by_role("button", name="Check this ad").click()
    page.wait_for_selector("mark.evidence")
    assert "?" not in page.url and "WhatsApp" not in page.url  # the ad never goes in a URL
    marks = page.locator("mark.evidence").all_inner_texts()
    assert any("WhatsApp" in m for m in marks)
    assert page.locator(".band-word").text_content() in {"Low", "Medium", "High"}
    # keyboard: tab to the first warning-sign label in the text and follow it to its explanation
    first_tag = page.locator("a.ev-tag").first
    target = first_tag.get_attribute("href")
    first_tag.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"window.location.hash === '{target}'")
    assert page.locator(f"li{target} h3").is_visible()
    assert serious_violations(page) == []
    assert page.csp_errors == []


def test_check_an_ad_by_its_link(app_server, page):
    origin, _ = app_server
    with page_server() as base:
        page.goto(f"{origin}/?lang=fr")
        page.get_by_label("Le lien de l'annonce").fill(f"{base}/ad")
        page.get_by_role("button", name="Vérifier cette annonce").click()
        page.wait_for_selector("mark.evidence")
    assert "Farm workers wanted" in page.locator(".ad-text").inner_text()
    assert "Que faire ensuite" in page.content()


def test_widget_embedded_in_an_ngo_page_works_and_resizes(app_server, ngo_server, page):
    origin, _ = app_server
    _, ngo_origin = ngo_server
    page.goto(f"{ngo_origin}/")
    iframe = page.locator("iframe.jobad-validator-widget")
    iframe.wait_for()
    frame = page.frame_locator("iframe.jobad-validator-widget")
    frame.locator("textarea").wait_for()
    # the widget asked for its height: the iframe fits its content, not the loader's default 420 px
    page.wait_for_function("() => document.querySelector('iframe.jobad-validator-widget').style.height !== '420px'")
    before = iframe.bounding_box()["height"]
    # a resize message from another window (here the page itself) is ignored
    page.evaluate("window.postMessage({type: 'jobad-validator:resize', height: 2345}, '*')")
    page.wait_for_timeout(300)
    assert iframe.bounding_box()["height"] < 2345

    frame.locator("textarea").fill(RISKY_AD)
    frame.get_by_role("button", name="Vérifier").click()
    frame.locator(".band-word").wait_for()
    page.wait_for_function(
        f"() => document.querySelector('iframe.jobad-validator-widget').getBoundingClientRect().height > {before}"
    )
    after = iframe.bounding_box()["height"]
    content = page.frames[1].evaluate("() => document.documentElement.getBoundingClientRect().height")
    assert after > before
    assert abs(after - content) <= 2  # no inner scroll bar, no empty space
    assert frame.locator(".top-signs li").count() >= 1

    # the full result opens in a new tab with the assessed ad, highlighted; the ad is in no address
    with page.context.expect_page() as new_page_info:
        frame.get_by_role("button", name="Voir le résultat complet").click()
    full = new_page_info.value
    full.wait_for_selector("mark.evidence")
    assert full.url == f"{origin}/widget/result"
    assert " ".join(full.locator(".ad-text").inner_text().split()).startswith("URGENT")
    assert "Farm workers wanted in Denmark" in full.locator(".ad-text").inner_text()
    assert full.locator("html").get_attribute("lang") == "fr"
    full.set_viewport_size({"width": 390, "height": 800})
    assert full.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.csp_errors == []


def test_widget_is_sandboxed_without_same_origin_and_works_at_phone_width(app_server, ngo_server, page):
    """No allow-same-origin next to allow-scripts (Chromium warns such a frame can lift its own sandbox):
    the widget runs with an opaque origin, resizes through its window, and posts with its signed token."""
    _, ngo_origin = ngo_server
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{ngo_origin}/")
    iframe = page.locator("iframe.jobad-validator-widget")
    sandbox = iframe.get_attribute("sandbox").split()
    assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox
    frame = page.frame_locator("iframe.jobad-validator-widget")
    frame.locator("textarea").fill(RISKY_AD)
    frame.get_by_role("button", name="Vérifier").click()
    frame.locator(".band-word").wait_for()
    assert page.frames[1].evaluate("() => window.origin") == "null"  # opaque: the sandbox holds
    page.wait_for_function(
        "() => Math.abs(document.querySelector('iframe.jobad-validator-widget').getBoundingClientRect().height"
        " - 420) > 2"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.frames[1].evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.sandbox_warnings == [] and page.csp_errors == []


@pytest.mark.parametrize("width", [320, 390])
def test_risky_result_has_no_sideways_scroll_on_a_phone(app_server, page, width):
    origin, _ = app_server
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{origin}/?lang=en")
    page.get_by_label("The ad's text").fill(
        RISKY_AD + " Write to recruitment.department.for.scandinavian.farms@gmail.com"
    )
    page.get_by_role("button", name="Check this ad").click()
    page.wait_for_selector("mark.evidence")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # one label per marked passage; each number is the sign's number in the list and leads to it
    assert page.locator("mark.evidence").count() == page.locator(".ev-tags").count()
    signs = page.locator("ol.sign-list > li").evaluate_all("items => items.map(li => li.id)")
    for tag in page.locator("a.ev-tag").all():
        assert signs[int(tag.inner_text()) - 1] == tag.get_attribute("href")[1:]
    # "only a phone number or a free e-mail address" quotes the number and the address, not "WhatsApp"
    quotes = page.locator("#ind-finetune-phone-or-free-email-only .quotes q").all_inner_texts()
    assert quotes and not any("WhatsApp" in q for q in quotes)


def test_batch_report_reads_on_a_phone(browser, tmp_path):
    from validator.batch.report import ReportData, render

    long_value = "recruitment-agency-" * 20
    data = ReportData(
        inputs=["ads.csv"],
        id_column="job_id",
        total=2,
        indicators={"a": 2},
        titles={"a": long_value},
        families={"fees_or_debt": 2},
        n_contact_groups=1,
    )
    data.bands["high"] = 2
    data.top_ads = [
        {
            "id": long_value,
            "row": 1,
            "band": "high",
            "reason": "severe",
            "families": long_value,
            "employer": long_value,
            "destination_country": "DE",
        }
    ]
    data.contact_groups = [
        {
            "group_id": "C1",
            "size": 2,
            "member_ids": [long_value, "B2"],
            "kind": "email",
            "value": "#EMAIL_0123456789abcdef0123456789abcdef#",
            "detail": {"employers": 2, "places": 1, "jobs": 1},
        }
    ]
    report = tmp_path / "report.html"
    report.write_text(render(data), "utf-8")
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(report.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert "2 employers, 1 place, 1 job title" in page.inner_text("body")
    context.close()


def test_widget_refuses_to_be_framed_by_other_sites(app_server, browser):
    origin, _ = app_server
    with page_server() as other:  # another origin, not in VALIDATOR_WIDGET_ORIGINS
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{other}/ad")
        page.evaluate(
            "(src) => { const f = document.createElement('iframe'); f.src = src; f.id = 'w';"
            " document.body.appendChild(f); }",
            f"{origin}/widget",
        )
        page.wait_for_function("() => window.frames.length === 1")
        page.wait_for_timeout(1000)
        child = page.frames[1]
        # blocked by frame-ancestors: Chromium shows its error page instead of the widget
        assert child.url.startswith("chrome-error://") or child.locator("textarea").count() == 0
        assert page.frame_locator("#w").locator("textarea").count() == 0
        context.close()


def test_axe_on_the_widget_page(app_server, page):
    origin, _ = app_server
    page.goto(f"{origin}/widget?lang=en")
    assert serious_violations(page) == []
    page.locator("textarea").fill(RISKY_AD)
    page.get_by_role("button", name="Check").click()
    page.locator(".band-word").wait_for()
    assert serious_violations(page) == []


def test_server_logs_hold_no_ad_content(app_server):
    _, log = app_server
    text = log.read_text(errors="replace")
    assert '"POST /check"' in text  # the access log is there ...
    for secret in ("WhatsApp", "359888", "Farm workers", "/ad"):
        assert secret not in text  # ... without the ad, its contacts or its link
