"""The browser extension (browser_extension/) end to end in Debian's Chromium, its lint and its packaging.

A job-ad site and the validator API (the real web app, `webapp.create_app`) are served on 127.0.0.1;
the extension's popup is opened as a page (`popup.html?tab=<id>`) and drives the check through the
extension's background service worker, exactly as the toolbar popup does (only the toolbar click
that grants activeTab cannot be made headless: the site is on 127.0.0.1, which the manifest's host
permission covers). When Firefox is installed, `web-ext run` also installs the extension there.
A second Chromium, started in French, checks the French interface and that the server is asked for
French wording; the messages files (_locales/) are also checked without a browser.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from conftest import CHROMIUM_FLAGS, ROOT
from werkzeug.serving import make_server

EXT_ROOT = ROOT / "browser_extension"
EXT_SRC = EXT_ROOT / "src"
WEB_EXT = EXT_ROOT / "node_modules" / ".bin" / "web-ext"
NO_NODE_MODULES = "browser_extension/node_modules is missing: run `scripts/setup --dev` (npm ci in browser_extension/)"

# What the popup says for each band and error state (browser_extension/src/common.js).
BAND_WORDS = {"low": "Few warning signs", "medium": "Some warning signs", "high": "Many warning signs"}
BAND_BADGES = {"low": "low", "medium": "med", "high": "high"}
FRENCH_BAND_WORDS = {
    "low": "Peu de signaux d'alerte",
    "medium": "Quelques signaux d'alerte",
    "high": "Beaucoup de signaux d'alerte",
}
LOCALES = EXT_SRC / "_locales"
TOP_SIGNS = 5

JOB_TITLE = "Warehouse workers for Denmark - start immediately"
JOB_DESCRIPTION = (
    "<p>We are looking for <b>20 men and women aged 18-45</b> for warehouse work in Denmark.</p>"
    "<ul><li>No experience required, no English needed</li>"
    "<li>Free accommodation shared with other workers, transport to work provided</li>"
    "<li>Salary up to 3500 EUR net per month, paid in cash</li></ul>"
    "<p>Start immediately, no interview. A recruitment fee of 300 EUR covers the work permit and travel; "
    "it is deducted from your first salary.</p>"
    "<p>Send a copy of your passport to jobs.denmark.work@gmail.com. "
    "Contact only by WhatsApp: +359 888 123 456.</p>"
)
JSONLD = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": JOB_TITLE,
    "description": JOB_DESCRIPTION,
    "datePosted": "2026-11-20",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Nordic Work Partners"},
    "jobLocation": {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": "Odense", "addressCountry": "DK"},
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "maxValue": 3500, "unitText": "MONTH"},
    },
}

SITE_CHROME = """
<header><nav><a href="/">Jobs4All</a> <a href="/search">Search jobs</a> <a href="/login">Sign in</a></nav></header>
"""
SITE_FOOTER = "<footer><p>Jobs4All cookie settings, terms of use and privacy policy.</p></footer>"

JSONLD_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{JOB_TITLE} | Jobs4All</title>
<script type="application/ld+json">{json.dumps(JSONLD)}</script></head>
<body>{SITE_CHROME}
<main><h1>{JOB_TITLE}</h1><p class="company">Nordic Work Partners, Odense</p>{JOB_DESCRIPTION}
<button>Apply now</button></main>
<aside><h2>Similar jobs</h2><ul><li>Cleaner, Copenhagen</li><li>Driver, Aarhus</li></ul></aside>
{SITE_FOOTER}</body></html>"""

POST_TEXT = (
    "URGENT!!! Work in Germany for couples and singles. Meat factory near Hamburg, 2800 euro per month "
    "net, accommodation and transport provided. No German needed, no experience. Advance payment of "
    "150 euro for documents and travel. Write on Viber or Telegram +40 741 234 567, only serious people."
)
PLAIN_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jobs abroad group</title></head>
<body>{SITE_CHROME}
<main role="main"><article><h2>Posted by Andrei in Jobs abroad</h2><p id="post">{POST_TEXT}</p>
<p>12 comments</p></article></main>
{SITE_FOOTER}</body></html>"""

EMPTY_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body>{SITE_CHROME}<main><h1>Sign in</h1><p>Welcome back.</p></main>{SITE_FOOTER}</body></html>"""

LONG_PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>All jobs</title></head><body><main>"
    + "".join(
        f"<p>Job {i}: kitchen helper in Vienna, 1800 EUR per month, call +43 660 123 {i:04d}.</p>" for i in range(400)
    )
    + "</main></body></html>"
)
GRAPH_JSONLD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebPage", "name": "Cleaner - Rotterdam"},
        {
            "@type": ["JobPosting"],
            "title": "Cleaner (m/f)",
            # some sites escape the description's HTML twice
            "description": "&lt;p&gt;Office cleaning in Rotterdam, 20 hours a week.&lt;/p&gt;&lt;ul&gt;"
            "&lt;li&gt;Contract with Schoon BV, Kade 12, 3011 AA Rotterdam&lt;/li&gt;&lt;/ul&gt;",
            "hiringOrganization": {
                "@type": "Organization",
                "name": "Schoon BV",
                "address": {"streetAddress": "Kade 12", "postalCode": "3011 AA", "addressLocality": "Rotterdam"},
            },
            "jobLocation": [{"address": {"addressLocality": "Rotterdam", "addressCountry": {"name": "NL"}}}],
            "baseSalary": {"currency": "EUR", "value": {"minValue": 14, "maxValue": 16, "unitText": "HOUR"}},
        },
    ],
}
GRAPH_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cleaner</title>
<script type="application/ld+json">{{ broken json </script>
<script type="application/ld+json">{json.dumps(GRAPH_JSONLD)}</script></head>
<body><main><h1>Cleaner (m/f)</h1><p>See the description.</p></main></body></html>"""
MICRODATA_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Driver</title></head>
<body>{SITE_CHROME}<div class="layout">
<div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Delivery driver, Lyon</h1>
<div itemprop="description"><p>Deliveries in Lyon for Rapide Colis SARL, 35 hours a week, 1900 EUR gross per month.</p>
<p>Driving licence B required. Apply at recrutement@rapide-colis.fr.</p></div></div>
<div class="sidebar">Popular searches: nurse, cook, cleaner</div></div>{SITE_FOOTER}</body></html>"""
PAGES = {
    "/microdata": MICRODATA_PAGE,
    "/graph": GRAPH_PAGE,
    "/job": JSONLD_PAGE,
    "/post": PLAIN_PAGE,
    "/signin": EMPTY_PAGE,
    "/all-jobs": LONG_PAGE,
}


def pages_app(environ: dict[str, Any], start_response: Callable) -> list[bytes]:
    """The job-ad site."""
    page = PAGES.get(environ["PATH_INFO"])
    if page is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page.encode("utf-8")]


@dataclass
class Recorder:
    """WSGI middleware keeping every request to the API and the JSON it answered."""

    app: Callable
    requests: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> list[bytes]:
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)
        record: dict[str, Any] = {
            "method": environ["REQUEST_METHOD"],
            "path": environ["PATH_INFO"],
            "content_type": environ.get("CONTENT_TYPE"),
            "cookie": environ.get("HTTP_COOKIE"),
            "body": body,
        }
        self.requests.append(record)

        def recording_start_response(status: str, headers: list, exc_info: Any = None) -> Callable:
            record["status"] = int(status.split()[0])
            return start_response(status, headers, exc_info)

        chunks = list(self.app(environ, recording_start_response))
        record["response"] = b"".join(chunks)
        return chunks

    def assessments(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"] == "/api/v1/assess"]


@dataclass
class FailingApi:
    """An API that answers every request with one status: problem+json for errors, a wrong body for 200."""

    status: int = 500
    requests: list[str] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> list[bytes]:
        self.requests.append(environ["PATH_INFO"])
        if self.status == 200:
            start_response("200 OK", [("Content-Type", "application/json")])
            return [b'{"status": "ok"}']
        body = {
            "type": f"urn:jobad-validator:problem:{self.status}",
            "title": "Stand-in failure",
            "status": self.status,
            "detail": f"stand-in failure {self.status}",
        }
        start_response(f"{self.status} Stand-in failure", [("Content-Type", "application/problem+json")])
        return [json.dumps(body).encode()]


def serve(app: Callable) -> tuple[str, Any]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Servers:
    site: str
    api: str
    api_log: Recorder
    failing: str
    failing_app: FailingApi


def stand_in_api() -> Callable:
    """The API contract of the web app over `validator.assess`, for when the web app cannot start."""
    from flask import Flask, jsonify, request

    import validator
    from validator.errors import ValidatorError

    app = Flask("stand_in_api")

    @app.post("/api/v1/assess")
    def assess() -> Any:
        body = request.get_json()
        try:
            result = validator.assess(body["text"], language=body.get("language"))
            if body.get("ui_language"):
                from validator.indicators.i18n import localise_all
                from validator.notices import localise_notices

                result.indicators = localise_all(result.indicators, body["ui_language"])
                result.warnings = localise_notices(result.warnings, body["ui_language"])
            return jsonify(result.to_dict())
        except ValidatorError as exc:
            problem = {
                "type": f"urn:jobad-validator:problem:{exc.code}",
                "title": type(exc).__name__,
                "status": exc.http_status,
                "detail": exc.message,
            }
            return app.response_class(json.dumps(problem), exc.http_status, mimetype="application/problem+json")

    @app.get("/api/v1/health")
    def health() -> Any:
        return jsonify({"status": "ok"})

    return app


def api_app() -> Callable:
    """The real web app when it starts and answers its health check, else the stand-in (with a warning)."""
    try:
        from webapp import create_app

        app = create_app({"TESTING": True, "RATELIMIT_ENABLED": False, "WARMUP": False})
        status = app.test_client().get("/api/v1/health").status_code
        if status == 200:
            return app
        reason = f"GET /api/v1/health answered {status}"
    except Exception as exc:  # the web app is another part of the project: report, then carry on
        reason = f"{type(exc).__name__}: {exc}"
    warnings.warn(f"webapp.create_app unusable ({reason}): testing against a stand-in API", stacklevel=2)
    return stand_in_api()


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    recorder = Recorder(api_app())
    failing_app = FailingApi()
    started = [serve(pages_app), serve(recorder), serve(failing_app)]
    (site, _), (api, _), (failing, _) = started
    yield Servers(site, api, recorder, failing, failing_app)
    for _, server in started:
        server.shutdown()


@dataclass
class Browser:
    context: Any
    worker: Any
    extension_id: str

    def tab_id(self, url: str) -> int:
        tab = self.worker.evaluate(
            "async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null", url
        )
        assert tab is not None, f"no tab for {url}"
        return tab

    def badge(self, tab_id: int) -> str:
        return self.worker.evaluate("(tabId) => chrome.action.getBadgeText({tabId})", tab_id)

    def use_server(self, server: str | None) -> None:
        self.worker.evaluate(
            "async (server) => { await chrome.storage.local.clear();"
            " if (server) await chrome.storage.local.set({server}); }",
            server,
        )

    def stored(self) -> dict[str, Any]:
        return self.worker.evaluate(
            "async () => ({local: await chrome.storage.local.get(null),"
            " session: chrome.storage.session ? await chrome.storage.session.get(null) : {}})"
        )

    def popup_for(self, url: str, select: str | None = None) -> tuple[Any, Any, int]:
        """Open `url`, optionally select the element matching CSS `select`, then the popup for that tab."""
        page = self.context.new_page()
        page.goto(url)
        if select:
            page.evaluate(
                "(css) => { const range = document.createRange();"
                " range.selectNodeContents(document.querySelector(css));"
                " const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range); }",
                select,
            )
        tab_id = self.tab_id(page.url)
        popup = self.context.new_page()
        popup.goto(f"chrome-extension://{self.extension_id}/popup.html?tab={tab_id}")
        popup.wait_for_selector("body:not([data-state='reading'])", state="attached")
        return page, popup, tab_id


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    """One Playwright for the module: its sync API runs one instance at a time, and both browsers use it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@contextmanager
def chromium_with_extension(
    playwright: Any, executable: str, profile: Path, args: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> Iterator[Browser]:
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=executable,
        headless=True,
        args=[*CHROMIUM_FLAGS, f"--disable-extensions-except={EXT_SRC}", f"--load-extension={EXT_SRC}", *args],
        env=env,
    )
    try:
        context.set_default_timeout(60_000)
        workers = context.service_workers or [context.wait_for_event("serviceworker")]
        worker = next(w for w in workers if w.url.startswith("chrome-extension://"))
        yield Browser(context, worker, worker.url.split("/")[2])
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser(playwright: Any, chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with chromium_with_extension(playwright, chromium_executable, profile) as opened:
        yield opened


# Chromium on Linux takes its interface language from LANGUAGE / LC_ALL / LC_MESSAGES / LANG, but only
# when that language's resources are installed (Debian: chromium-l10n): then chrome.i18n.getUILanguage()
# is "fr". Without them it stays "en-US", while --lang=fr still gives extensions their French messages,
# which the extension follows too (common.js, uiLanguage). Both are set, so either way the UI is French.
FRENCH_ENV = {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8"}


@pytest.fixture(scope="module")
def browser_fr(
    playwright: Any, chromium_executable: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")} | FRENCH_ENV
    profile = tmp_path_factory.mktemp("chromium-profile-fr")
    with chromium_with_extension(playwright, chromium_executable, profile, ("--lang=fr",), env) as opened:
        yield opened


def wait_for_end(popup: Any) -> str:
    # extension pages forbid eval, so wait with selectors rather than wait_for_function
    popup.wait_for_selector("body:not([data-state='reading']):not([data-state='checking'])", state="attached")
    return popup.evaluate("document.body.dataset.state")


def wait_until(condition: Callable[[], bool], tries: int = 100) -> bool:
    """Poll `condition` (for state the browser changes asynchronously, e.g. the badge)."""
    for _ in range(tries):
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def strength(hit: dict[str, Any]) -> float:
    value = hit.get("contribution")
    return value if value is not None else hit.get("weight") or 0.0


SEVERITIES = ("severe", "strong", "moderate", "absence")


def sign_key(hit: dict[str, Any]) -> tuple:
    """The order of the signs on every surface (validator/bands.py sort_key)."""
    tier = SEVERITIES.index(hit["severity"]) if hit.get("severity") in SEVERITIES else len(SEVERITIES)
    return (tier, -len(hit.get("evidence") or []), -strength(hit), hit["id"])


def locale_message(lang: str, key: str) -> str:
    return json.loads((LOCALES / lang / "messages.json").read_text("utf-8"))[key]["message"]


@pytest.mark.browser
def test_manifest_loads_with_only_the_declared_permissions(browser: Browser) -> None:
    manifest = browser.worker.evaluate("chrome.runtime.getManifest()")
    assert manifest["manifest_version"] == 3
    assert sorted(manifest["permissions"]) == ["activeTab", "scripting", "storage"]
    assert manifest["host_permissions"] == ["http://127.0.0.1/*"]
    granted = browser.worker.evaluate("chrome.permissions.getAll()")
    assert granted["origins"] == ["http://127.0.0.1/*"]
    assert browser.worker.url.endswith("/background.js")


@pytest.mark.browser
def test_checks_a_jsonld_job_page_end_to_end(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    before = len(servers.api_log.requests)
    page, popup, tab_id = browser.popup_for(f"{servers.site}/job")

    # the preview shows what will be sent, built from the JobPosting data; nothing was sent yet
    assert popup.evaluate("document.documentElement.lang") == "en"
    assert popup.inner_text("#check") == "Check this job ad"
    assert popup.evaluate("document.body.dataset.state") == "preview"
    assert popup.get_attribute("#preview", "data-source") == "jsonld"
    preview = popup.input_value("#ad-text")
    assert preview.startswith(JOB_TITLE)
    assert "Employer: Nordic Work Partners" in preview
    assert "Location: Odense, DK" in preview
    assert "Salary: up to 3500 EUR per month" in preview
    assert "- No experience required, no English needed" in preview
    assert "Contact only by WhatsApp: +359 888 123 456." in preview
    assert "Similar jobs" not in preview and "cookie settings" not in preview
    assert servers.api.split("//")[1] in popup.inner_text("#send-note")
    assert len(servers.api_log.requests) == before

    popup.click("#check")
    assert wait_for_end(popup) == "result"

    sent = servers.api_log.requests[before:]
    assert [r["path"] for r in sent] == ["/api/v1/assess"]
    call = sent[0]
    assert call["method"] == "POST" and call["content_type"] == "application/json"
    assert call["cookie"] is None
    assert json.loads(call["body"]) == {"text": preview.strip()}  # the text shown, and nothing else
    assert call["status"] == 200
    result = json.loads(call["response"])

    band = result["risk"]["band"]
    assert popup.inner_text("#band") == BAND_WORDS[band]
    assert popup.get_attribute("#band", "data-band") == band
    # the band's reason in words, never the score as "N out of 100"
    assert popup.inner_text("#score") == locale_message("en", f"reason_{result['risk']['reason']}")
    assert "out of 100" not in popup.inner_text("#result")
    assert result["indicators"], "the realistic ad should raise at least one warning sign"
    expected = sorted(result["indicators"], key=sign_key)[:TOP_SIGNS]
    assert expected[0]["severity"] == "severe"
    shown = popup.eval_on_selector_all("#signs > li", "items => items.map(li => li.dataset.id)")
    assert shown == [hit["id"] for hit in expected]
    titles = popup.inner_text("#signs")
    for hit in expected:
        assert hit["title"] in titles
    quoted = popup.eval_on_selector_all("#signs q", "qs => qs.map(q => q.textContent)")
    evidence = [" ".join(e["text"].split()) for hit in expected for e in hit["evidence"][:2]]
    assert quoted and all(q.rstrip("…") in " ".join(evidence) for q in quoted)
    # "full result" posts the checked ad to the web app in a new tab: the ad is in no address or history
    assert popup.get_attribute("#full-result-form", "action") == f"{servers.api}/widget/result"
    assert popup.get_attribute("#full-result-form", "method") == "post"
    before_full = len(servers.api_log.requests)
    with browser.context.expect_page() as opened:
        popup.click("#full-result")
    full = opened.value
    full.wait_for_selector("mark.evidence")
    assert full.url == f"{servers.api}/widget/result"
    assert JOB_TITLE in full.inner_text(".ad-text") and full.locator(".band-word").count() == 1
    # a signed form token first (nothing sent), then the ad in the body of the POST
    token, posted = servers.api_log.requests[before_full : before_full + 2]
    assert (token["method"], token["path"], token["body"], token["cookie"]) == ("GET", "/widget/token", b"", None)
    assert (posted["method"], posted["path"], posted["status"]) == ("POST", "/widget/result", 200)
    form = parse_qs(posted["body"].decode())
    # (forms send line breaks as CRLF, as the web app's own form does)
    assert form["text"][0].replace("\r\n", "\n") == preview.strip() and form["lang"] == ["en"]
    assert form["widget_token"] == [json.loads(token["response"])["token"]]
    # the result page reads on a phone: no sideways scrolling at 390 px
    full.set_viewport_size({"width": 390, "height": 800})
    assert full.evaluate("document.documentElement.scrollWidth") <= 390
    full.close()

    assert browser.badge(tab_id) == BAND_BADGES[band]
    # the badge belongs to the page it was computed for
    page.reload()
    assert wait_until(lambda: browser.badge(tab_id) == "")
    page.close()
    popup.close()


@pytest.mark.browser
def test_jobposting_in_a_graph_with_escaped_html(browser: Browser, servers: Servers) -> None:
    page, popup, _ = browser.popup_for(f"{servers.site}/graph")
    assert popup.get_attribute("#preview", "data-source") == "jsonld"
    assert popup.input_value("#ad-text") == (
        "Cleaner (m/f)\n"
        "Employer: Schoon BV\n"
        "Employer address: Kade 12, 3011 AA, Rotterdam\n"
        "Location: Rotterdam, NL\n"
        "Salary: 14-16 EUR per hour\n"
        "Office cleaning in Rotterdam, 20 hours a week.\n"
        "- Contract with Schoon BV, Kade 12, 3011 AA Rotterdam"
    )
    page.close()
    popup.close()


@pytest.mark.browser
def test_jobposting_microdata(browser: Browser, servers: Servers) -> None:
    page, popup, _ = browser.popup_for(f"{servers.site}/microdata")
    assert popup.get_attribute("#preview", "data-source") == "microdata"
    preview = popup.input_value("#ad-text")
    assert preview.startswith("Delivery driver, Lyon\n")
    assert preview.endswith("Apply at recrutement@rapide-colis.fr.")
    assert "Popular searches" not in preview
    page.close()
    popup.close()


@pytest.mark.browser
def test_main_content_is_read_when_the_page_has_no_jobposting(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    page, popup, _ = browser.popup_for(f"{servers.site}/post")
    assert popup.get_attribute("#preview", "data-source") == "page"
    preview = popup.input_value("#ad-text")
    assert POST_TEXT in preview
    assert "Sign in" not in preview and "cookie settings" not in preview
    popup.click("#check")
    assert wait_for_end(popup) == "result"
    assert json.loads(servers.api_log.assessments()[-1]["body"]) == {"text": preview.strip()}
    page.close()
    popup.close()


@pytest.mark.browser
def test_the_selection_wins_over_page_data(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    before = len(servers.api_log.requests)
    page, popup, _ = browser.popup_for(f"{servers.site}/job", select="main ul")
    assert popup.get_attribute("#preview", "data-source") == "selection"
    preview = popup.input_value("#ad-text")
    assert "Free accommodation shared with other workers" in preview
    assert JOB_TITLE not in preview
    assert len(servers.api_log.requests) == before  # reading the page sends nothing
    page.close()
    popup.close()


@pytest.mark.browser
def test_edited_preview_is_what_gets_sent(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    page, popup, _ = browser.popup_for(f"{servers.site}/post")
    edited = POST_TEXT.replace("Write on Viber or Telegram +40 741 234 567, only serious people.", "")
    popup.fill("#ad-text", edited)
    popup.click("#check")
    assert wait_for_end(popup) == "result"
    assert json.loads(servers.api_log.assessments()[-1]["body"]) == {"text": edited.strip()}
    page.close()
    popup.close()


@pytest.mark.browser
def test_no_ad_on_the_page(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    before = len(servers.api_log.requests)
    page, popup, _ = browser.popup_for(f"{servers.site}/signin")
    assert popup.evaluate("document.body.dataset.state") == "error"
    assert popup.get_attribute("#error", "data-kind") == "no_ad"
    assert popup.inner_text("#error-title") == "No job ad found on this page"
    assert len(servers.api_log.requests) == before
    page.close()
    popup.close()


@pytest.mark.browser
def test_text_too_long_is_not_sent(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    before = len(servers.api_log.requests)
    page, popup, _ = browser.popup_for(f"{servers.site}/all-jobs")
    assert popup.get_attribute("#error", "data-kind") == "too_long"
    assert "the limit is 20,000" in popup.inner_text("#error-detail")
    assert len(servers.api_log.requests) == before
    page.close()
    popup.close()


@pytest.mark.browser
def test_server_unreachable(browser: Browser, servers: Servers) -> None:
    port = closed_port()
    browser.use_server(f"http://127.0.0.1:{port}")
    page, popup, tab_id = browser.popup_for(f"{servers.site}/post")
    assert popup.inner_text("#server-name") == f"http://127.0.0.1:{port}"
    popup.click("#check")
    assert wait_for_end(popup) == "error"
    assert popup.get_attribute("#error", "data-kind") == "unreachable"
    assert popup.inner_text("#error-title") == "The validator server cannot be reached"
    assert browser.badge(tab_id) == "err"
    popup.click("#retry")
    assert popup.evaluate("document.body.dataset.state") == "preview"
    page.close()
    popup.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("status", "kind", "title", "detail"),
    [
        (500, "server", "The server had a problem", "HTTP 500: stand-in failure 500"),
        (413, "too_long", "The text is too long for one job ad", "HTTP 413: stand-in failure 413"),
        (422, "rejected", "The server could not check this text", "HTTP 422: stand-in failure 422"),
        (
            404,
            "unreachable",
            "The validator server cannot be reached",
            "HTTP 404: The address answers, but it is not a jobad-validator server.",
        ),
        (200, "server", "The server had a problem", "The answer is not a job-ad assessment."),
    ],
)
def test_server_errors(browser: Browser, servers: Servers, status: int, kind: str, title: str, detail: str) -> None:
    servers.failing_app.status = status
    browser.use_server(servers.failing)
    before = len(servers.failing_app.requests)
    page, popup, tab_id = browser.popup_for(f"{servers.site}/post")
    popup.click("#check")
    assert wait_for_end(popup) == "error"
    assert servers.failing_app.requests[before:] == ["/api/v1/assess"]
    assert popup.get_attribute("#error", "data-kind") == kind
    assert popup.inner_text("#error-title") == title
    assert popup.inner_text("#error-detail") == detail
    assert browser.badge(tab_id) == "err"
    page.close()
    popup.close()


@pytest.mark.browser
def test_server_without_host_permission_is_not_contacted(browser: Browser, servers: Servers) -> None:
    # the manifest grants http://127.0.0.1/* only; "localhost" is another host until the user allows it
    port = servers.api.rsplit(":", 1)[1]
    browser.use_server(f"http://localhost:{port}")
    before = len(servers.api_log.requests)
    page, popup, _ = browser.popup_for(f"{servers.site}/post")
    popup.click("#check")
    assert wait_for_end(popup) == "error"
    assert popup.get_attribute("#error", "data-kind") == "permission"
    assert popup.inner_text("#error-title") == "No permission to contact the server"
    assert len(servers.api_log.requests) == before
    page.close()
    popup.close()


@pytest.mark.browser
def test_nothing_is_stored_but_the_settings(browser: Browser, servers: Servers) -> None:
    browser.use_server(servers.api)
    page, popup, _ = browser.popup_for(f"{servers.site}/job")
    popup.click("#check")
    assert wait_for_end(popup) == "result"
    assert browser.stored() == {"local": {"server": servers.api}, "session": {}}
    page.close()
    popup.close()


@pytest.mark.browser
def test_options_page_saves_a_server_and_tests_it(browser: Browser, servers: Servers) -> None:
    browser.use_server(None)
    options = browser.context.new_page()
    options.goto(f"chrome-extension://{browser.extension_id}/options.html")
    assert options.input_value("#server") == "http://127.0.0.1:8000"

    options.fill("#server", "ftp://example.org/")
    options.click("#save")
    options.wait_for_selector("#message[data-kind='problem']")
    assert browser.stored()["local"] == {}

    options.fill("#server", servers.api + "/")
    options.click("#save")
    options.wait_for_selector("#message[data-kind='ok']")
    assert browser.stored()["local"] == {"server": servers.api}

    options.click("#test")
    options.locator("#message", has_text="The server answers").wait_for()
    assert servers.api_log.requests[-1]["path"] == "/api/v1/health"

    options.click("#reset")
    options.locator("#message", has_text="Back to the default").wait_for()
    assert browser.stored()["local"] == {}
    options.close()


@pytest.mark.browser
def test_popup_and_options_have_no_accessibility_violations(browser: Browser, servers: Servers) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    browser.use_server(servers.api)
    page, popup, _ = browser.popup_for(f"{servers.site}/job")
    found = {"preview": axe.run(popup).response["violations"]}
    popup.click("#check")
    assert wait_for_end(popup) == "result"
    found["result"] = axe.run(popup).response["violations"]
    options = browser.context.new_page()
    options.goto(f"chrome-extension://{browser.extension_id}/options.html")
    found["options"] = axe.run(options).response["violations"]
    empty_page, error_popup, _ = browser.popup_for(f"{servers.site}/signin")
    found["error"] = axe.run(error_popup).response["violations"]
    problems = {state: [(v["id"], v["help"]) for v in violations] for state, violations in found.items()}
    assert problems == {"preview": [], "result": [], "options": [], "error": []}
    for opened in (page, popup, options, empty_page, error_popup):
        opened.close()


def messages(lang: str) -> dict[str, dict[str, Any]]:
    return json.loads((LOCALES / lang / "messages.json").read_text("utf-8"))


def squash(text: str) -> str:
    """Text with French no-break spaces (before : ; and in numbers) and runs of white space as one space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def english_left(page: Any, lang: str = "fr") -> list[str]:
    """The extension's English messages (those `lang` words differently) found in the visible text of `page`."""
    english, other = messages("en"), messages(lang)
    shown = squash(page.title() + "\n" + page.inner_text("body"))
    return [
        entry["message"]
        for key, entry in english.items()
        if key != "ui_language"
        and "$" not in entry["message"]
        and entry["message"] != other[key]["message"]
        and re.search(rf"(?<!\w){re.escape(squash(entry['message']))}(?!\w)", shown)
    ]


@pytest.mark.browser
def test_french_popup_checks_an_ad_in_french(browser_fr: Browser, servers: Servers) -> None:
    from validator.indicators.i18n import wording

    browser_fr.use_server(servers.api)
    before = len(servers.api_log.requests)
    page, popup, tab_id = browser_fr.popup_for(f"{servers.site}/job")

    assert popup.evaluate("document.documentElement.lang") == "fr"
    assert popup.title() == "Contrôle d'annonce d'emploi"
    assert popup.evaluate("document.body.dataset.state") == "preview"
    assert popup.inner_text("#source-label") == "Les données de l'offre d'emploi de cette page (schema.org)"
    assert popup.inner_text("#check") == "Vérifier cette annonce"
    preview = popup.input_value("#ad-text")
    assert squash(popup.inner_text("#char-count")) == f"{len(preview.strip()):,} caractères".replace(",", " ")
    assert squash(popup.inner_text("#send-note")) == (
        f"Seul ce texte est envoyé, et seulement quand vous cliquez sur le bouton, à {servers.api}."
        " L'extension ne conserve rien."
    )
    assert popup.inner_text("#send-note strong#server-name") == servers.api  # the element kept its place and id
    assert english_left(popup) == []
    assert len(servers.api_log.requests) == before

    popup.click("#check")
    assert wait_for_end(popup) == "result"
    sent = servers.api_log.requests[before:]
    assert [r["path"] for r in sent] == ["/api/v1/assess"]
    assert json.loads(sent[0]["body"]) == {"text": preview.strip(), "ui_language": "fr"}
    assert sent[0]["status"] == 200
    result = json.loads(sent[0]["response"])

    band = result["risk"]["band"]
    assert popup.inner_text("#band") == FRENCH_BAND_WORDS[band]
    assert popup.get_attribute("#band", "data-band") == band
    assert squash(popup.inner_text("#score")) == squash(locale_message("fr", f"reason_{result['risk']['reason']}"))
    assert popup.inner_text("#signs-heading") == "Principaux signaux d'alerte"
    # the server worded the warning signs in French (ids and quotes unchanged), and the popup shows that wording
    french = wording("fr")
    expected = sorted(result["indicators"], key=sign_key)[:TOP_SIGNS]
    assert any(hit["id"] in french for hit in expected)
    shown = popup.inner_text("#signs")
    for hit in expected:
        assert hit["title"] == french.get(hit["id"], {}).get("title", hit["title"])
        assert hit["title"] in shown
    assert "Dans l'annonce : " in squash(shown)
    assert popup.get_attribute("#full-result-form", "action") == f"{servers.api}/widget/result"
    assert popup.input_value("#full-result-lang") == "fr"
    assert popup.inner_text("#full-result") == "Voir le résultat complet sur la page du validateur"
    assert english_left(popup) == []
    assert browser_fr.badge(tab_id) == BAND_BADGES[band]
    assert browser_fr.stored() == {"local": {"server": servers.api}, "session": {}}
    page.close()
    popup.close()


@pytest.mark.browser
def test_french_popup_error_states(browser_fr: Browser, servers: Servers) -> None:
    browser_fr.use_server(servers.api)
    page, popup, _ = browser_fr.popup_for(f"{servers.site}/signin")
    assert popup.evaluate("document.documentElement.lang") == "fr"
    assert popup.get_attribute("#error", "data-kind") == "no_ad"
    assert popup.inner_text("#error-title") == "Aucune annonce d'emploi trouvée sur cette page"
    assert popup.inner_text("#error-advice") == (
        "Sélectionnez le texte de l'annonce avec la souris, puis rouvrez cette fenêtre."
    )
    assert english_left(popup) == []
    page.close()
    popup.close()

    page, popup, _ = browser_fr.popup_for(f"{servers.site}/all-jobs")
    assert popup.get_attribute("#error", "data-kind") == "too_long"
    assert popup.inner_text("#error-title") == "Le texte est trop long pour une seule annonce"
    assert re.fullmatch(
        r"[\d ]+ caractères trouvés ; la limite est de 20 000\.", squash(popup.inner_text("#error-detail"))
    )
    page.close()
    popup.close()

    servers.failing_app.status = 404
    browser_fr.use_server(servers.failing)
    page, popup, _ = browser_fr.popup_for(f"{servers.site}/post")
    popup.click("#check")
    assert wait_for_end(popup) == "error"
    assert popup.inner_text("#error-title") == "Le serveur du validateur est injoignable"
    assert squash(popup.inner_text("#error-detail")) == (
        "HTTP 404 : L'adresse répond, mais ce n'est pas un serveur jobad-validator."
    )
    assert popup.inner_text("#retry") == "Revenir au texte"
    assert english_left(popup) == []
    page.close()
    popup.close()


@pytest.mark.browser
def test_french_options_page(browser_fr: Browser, servers: Servers) -> None:
    browser_fr.use_server(None)
    options = browser_fr.context.new_page()
    options.goto(f"chrome-extension://{browser_fr.extension_id}/options.html")
    options.wait_for_selector("html[lang='fr']", state="attached")
    assert squash(options.title()) == "Contrôle d'annonce d'emploi : options"
    assert options.inner_text("label[for='server']") == "Serveur du validateur"
    buttons = [options.inner_text(f"#{name}") for name in ("save", "test", "reset")]
    assert buttons == ["Enregistrer", "Tester la connexion", "Revenir à l'adresse par défaut"]
    assert options.eval_on_selector_all(".hint code", "codes => codes.map(c => c.textContent)") == [
        "validator serve",
        "http://127.0.0.1:8000",
    ]
    assert "« Vérifier cette annonce »" in squash(options.inner_text(".hint"))
    assert english_left(options) == []

    options.fill("#server", "ftp://example.org/")
    options.click("#save")
    options.locator("#message[data-kind='problem']", has_text="Saisissez une adresse http://").wait_for()
    options.fill("#server", servers.api)
    options.click("#save")
    options.locator("#message[data-kind='ok']", has_text="Enregistré.").wait_for()
    options.click("#test")
    options.locator("#message", has_text="Le serveur répond").wait_for()
    assert english_left(options) == []
    options.close()


def test_english_and_french_messages_match() -> None:
    english, french = messages("en"), messages("fr")
    assert sorted(english) == sorted(french)

    def placeholders(entry: dict[str, Any]) -> dict[str, str]:
        return {name.lower(): spec["content"] for name, spec in entry.get("placeholders", {}).items()}

    for key in english:
        assert re.fullmatch(r"[a-z0-9_]+", key), key
        for entry in (english[key], french[key]):
            assert entry["message"].strip() and entry["description"].strip(), key
            # every placeholder is used and defined; no bare $1 outside the placeholders
            named = {name.lower() for name in re.findall(r"\$(\w+)\$", entry["message"])}
            assert named == set(placeholders(entry)), key
            assert not re.search(r"\$\d", re.sub(r"\$\w+\$", "", entry["message"])), key
        assert placeholders(english[key]) == placeholders(french[key]), key
    assert (english["ui_language"]["message"], french["ui_language"]["message"]) == ("en", "fr")
    # the stores' limits: a description of at most 132 characters (Chrome Web Store), a short name of 12
    assert all(len(m["ext_description"]["message"]) <= 132 for m in (english, french))
    assert len(english["ext_short_name"]["message"]) <= 12
    # the French is complete: only these read the same in both languages
    same = {key for key in english if english[key]["message"] == french[key]["message"]}
    assert same == {"popup_options", "http_status", "options_reason_detail"}


def test_every_message_used_in_the_extension_exists() -> None:
    sources = {p.name: p.read_text("utf-8") for p in sorted(EXT_SRC.glob("*")) if p.suffix in (".js", ".html", ".json")}
    used: dict[str, set[str]] = {}

    def collect(kind: str, pattern: str, files: tuple[str, ...]) -> None:
        for name in files:
            for match in re.finditer(pattern, sources[name]):
                # in scripts, the string literals among the arguments (msg(key) inside a helper names none)
                for group in match.groups():
                    keys = re.findall(r'"(\w+)"', group) if name.endswith(".js") else [group]
                    used.setdefault(kind, set()).update(keys)

    scripts = tuple(name for name in sources if name.endswith(".js"))
    pages = tuple(name for name in sources if name.endswith(".html"))
    collect("__MSG__", r"__MSG_(\w+?)__", ("manifest.json",))
    collect("data-i18n", r'data-i18n="([^"]*)"', pages)
    collect("getMessage / msg", r"\b(?:getMessage|msg)\(([^,()]*)", scripts)
    collect("msgCount", r'\bmsgCount\([^,]+,\s*("\w+"),\s*("\w+")', scripts)
    collect("fillMessage", r'\bfillMessage\([^,]+,\s*("\w+")', scripts)
    assert set(used) == {"__MSG__", "data-i18n", "getMessage / msg", "msgCount", "fillMessage"}
    manifest = json.loads(sources["manifest.json"])
    assert manifest["default_locale"] == "en"
    assert {manifest[k] for k in ("name", "short_name", "description")} | {manifest["action"]["default_title"]} == {
        "__MSG_ext_name__",
        "__MSG_ext_short_name__",
        "__MSG_ext_description__",
        "__MSG_action_title__",
    }
    every = set().union(*used.values())
    # keys built at run time from a value of the result: msg(`reason_${result.risk.reason}`)
    prefixes = {m for name in scripts for m in re.findall(r"\bmsg\(`(\w+)\$\{", sources[name])}
    every |= {key for key in messages("en") if any(key.startswith(prefix) for prefix in prefixes)}
    for lang in ("en", "fr"):
        assert every - set(messages(lang)) == set(), lang
    assert set(messages("en")) - every == set(), "messages no source file uses"


def test_extension_pages_have_no_text_outside_the_messages() -> None:
    """The pages' words come from data-i18n: the HTML itself holds no text but code samples."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag not in ("meta", "link", "img", "input", "br"):
                self.open.append(tag)

        def handle_endtag(self, tag: str) -> None:
            self.open.pop()

        def handle_data(self, data: str) -> None:
            if data.strip() and self.open[-1:] != ["code"]:
                self.found.append(data.strip())

    for name in ("popup.html", "options.html"):
        parser = Text()
        parser.feed((EXT_SRC / name).read_text("utf-8"))
        assert parser.found == [], name


def test_web_ext_lint_is_clean() -> None:
    if not WEB_EXT.exists():
        pytest.skip(NO_NODE_MODULES)
    run = subprocess.run(
        [str(WEB_EXT), "lint", "--source-dir", str(EXT_SRC), "--output", "json", "--no-config-discovery"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=EXT_ROOT,
    )
    report = json.loads(run.stdout)
    messages = [f"{m['code']}: {m['message']}" for kind in ("errors", "warnings", "notices") for m in report[kind]]
    assert run.returncode == 0, messages
    assert report["summary"] == {"errors": 0, "notices": 0, "warnings": 0}, messages


def test_package_extension_builds_both_store_zips(tmp_path: Path) -> None:
    if not WEB_EXT.exists():
        pytest.skip(NO_NODE_MODULES)
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    env = {**os.environ, "DIST_DIR": str(tmp_path)}
    subprocess.run([str(ROOT / "scripts" / "package-extension")], check=True, env=env, timeout=300, capture_output=True)
    version = json.loads((EXT_SRC / "manifest.json").read_text())["version"]
    source_files = sorted(
        str(p.relative_to(EXT_SRC)) for p in EXT_SRC.rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    for store in ("chrome", "firefox"):
        archive = tmp_path / f"jobad-check-{version}-{store}.zip"
        with zipfile.ZipFile(archive) as zf:
            assert sorted(n for n in zf.namelist() if not n.endswith("/")) == source_files, store
            manifest = json.loads(zf.read("manifest.json"))
        assert manifest["version"] == version
        if store == "chrome":
            assert manifest["background"] == {"service_worker": "background.js", "type": "module"}
            assert "browser_specific_settings" not in manifest
        else:
            assert manifest["background"]["scripts"] == ["background.js"]
            assert manifest["browser_specific_settings"]["gecko"]["id"]


@pytest.mark.browser
def test_loads_as_a_temporary_add_on_in_firefox(tmp_path: Path) -> None:
    """web-ext run installs the unpacked extension in a headless Firefox through its remote protocol."""
    firefox = os.environ.get("FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")
    if not firefox:
        pytest.skip("Firefox is not installed (apt-get install firefox-esr, or set FIREFOX)")
    if not WEB_EXT.exists():
        pytest.skip(NO_NODE_MODULES)
    command = [
        str(WEB_EXT),
        "run",
        "--source-dir",
        str(EXT_SRC),
        "--target",
        "firefox-desktop",
        f"--firefox={firefox}",
        "--arg=--headless",
        "--no-reload",
        "--no-input",
        "--no-config-discovery",
        f"--firefox-profile={tmp_path / 'profile'}",
        "--profile-create-if-missing",
    ]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=EXT_ROOT, start_new_session=True
    )
    watchdog = threading.Timer(180, lambda: os.killpg(proc.pid, 9))
    watchdog.start()
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line.rstrip())
            if "as a temporary add-on" in line:
                break
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
        proc.wait()
    assert any(f"Installed {EXT_SRC} as a temporary add-on" in line for line in lines), "\n".join(lines[-20:])
