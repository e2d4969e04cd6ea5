"""Pages for job seekers (home, result, method & privacy) and the NGO widget (iframe page, loader, demo)."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from itsdangerous import BadData, URLSafeTimedSerializer

from validator.assessment import Assessment
from validator.bands import order_signs
from validator.errors import ValidatorError
from validator.indicators import catalogue
from webapp import assessing, helplines, highlight
from webapp.i18n import error_text, follow_ad_language, translate

bp = Blueprint("pages", __name__)
THEMES = ("light", "dark")
WIDGET_TOKEN_MAX_AGE = 12 * 3600  # seconds a widget page's form stays usable
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://")


def own_origin() -> str:
    return current_app.config.get("PUBLIC_ORIGIN") or request.host_url.rstrip("/")


def same_origin_post() -> bool:
    """Cookie-less CSRF defence for the widget's forms (they run in third-party iframes, where the
    session cookie is not sent): the browser's Origin / Sec-Fetch-Site must say "this site"."""
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.rstrip("/") == own_origin()
    site = request.headers.get("Sec-Fetch-Site")
    return site in (None, "same-origin")  # neither header: not a browser, so no cross-site forgery


def _token_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="jobad-validator widget form")


def widget_token() -> str:
    """A signed, dated token for the widget's forms (no cookie: the widget runs in third-party iframes)."""
    return _token_serializer().dumps("widget")


def widget_post_allowed() -> bool:
    """Whether a POST to the widget's views comes from the widget (or the browser extension).

    The widget's iframe is sandboxed without `allow-same-origin` (embed.js), so its documents have an
    opaque origin and their forms send `Origin: null`; such a post needs the signed token of a widget
    page this server served in the last hours. A browser extension's page ("chrome-extension://...",
    "moz-extension://...") may post the ad it checked to the full result. Other origins are refused.
    Nothing here is state-changing (no session, no cookie, nothing stored): the check only keeps other
    sites from having a visitor's browser submit ads."""
    origin = request.headers.get("Origin")
    if origin == "null":
        try:
            _token_serializer().loads(request.form.get("widget_token", ""), max_age=WIDGET_TOKEN_MAX_AGE)
        except BadData:
            return False
        return True
    if origin is not None and origin.startswith(EXTENSION_SCHEMES):
        return request.endpoint == "pages.widget_result"
    return same_origin_post()


def form_input() -> dict[str, Any]:
    """The ad from a form: its text, or its link (not both), and the optional language."""
    text = (request.form.get("text") or "").strip()
    url = (request.form.get("url") or "").strip()
    if text and url:
        raise ValidatorError(translate("error.both"))
    if not text and not url:
        raise ValidatorError(translate("error.empty"))
    return {"text": text} if text else {"url": url}


def result_context(assessment: Assessment) -> dict[str, Any]:
    follow_ad_language(assessment.language)
    pieces = highlight.pieces(assessment)
    return {
        "a": assessment,
        # the one order of every surface: severity tier, then quoted passages, then contribution
        "hits": order_signs(assessment.indicators),
        "pieces": pieces,
        "evidence_numbers": highlight.evidence_numbers(pieces),
        "evidence_links": highlight.evidence_links(assessment, pieces),
        "anchor": highlight.anchor,
        "helplines": helplines.for_result(current_app.config["HELPLINES"], assessment.facts.destination_country),
    }


@bp.get("/")
def home() -> str:
    return render_template("home.html", form={})


@bp.post("/check")
def check():
    try:
        ad = form_input()
        assessment = assessing.run(**ad, language=request.form.get("language") or None)
    except ValidatorError as exc:
        form = {"text": request.form.get("text", ""), "url": request.form.get("url", "")}
        return render_template("home.html", form=form, error=error_text(exc)), exc.http_status
    return render_template("result.html", **result_context(assessment))


@bp.get("/check")
def check_get():
    return redirect(url_for("pages.home"))


@bp.get("/method")
def method() -> str:
    return render_template("method.html", indicators=[ind.describe() for ind in catalogue()])


def widget_options() -> dict[str, Any]:
    theme = request.values.get("theme", "light")
    parent = (request.values.get("parent") or "").rstrip("/")
    allowed = {own_origin(), *current_app.config["WIDGET_ALLOWED_ORIGINS"]}
    return {
        "theme": theme if theme in THEMES else "light",
        # postMessage goes only to an origin allowed to frame the widget (exact target origin)
        "parent_origin": parent if parent in allowed else None,
        "widget_token": widget_token(),
    }


@bp.route("/widget", methods=["GET", "POST"])
def widget():
    options = widget_options()
    if request.method == "GET":
        return render_template("widget.html", form={}, **options)
    if not widget_post_allowed():
        if request.headers.get("Origin") != "null":
            abort(403)
        # the widget's own form, kept open too long: show it again, with the ad, and a fresh token
        form = {"text": request.form.get("text", ""), "url": request.form.get("url", "")}
        return render_template("widget.html", form=form, error=translate("error.csrf"), **options), 400
    try:
        ad = form_input()
        assessment = assessing.run(**ad, language=request.form.get("language") or None)
    except ValidatorError as exc:
        form = {"text": request.form.get("text", ""), "url": request.form.get("url", "")}
        return render_template("widget.html", form=form, error=error_text(exc), **options), exc.http_status
    return render_template("widget.html", form={}, ad=ad, **options, **result_context(assessment))


@bp.post("/widget/result")
def widget_result():
    """The full result, opened from the widget or the browser extension in a new tab (the ad is posted
    again, never put in a URL)."""
    if not widget_post_allowed():
        if request.headers.get("Origin") != "null":
            abort(403)
        return render_template("home.html", form={}, error=translate("error.csrf")), 400
    try:
        assessment = assessing.run(**form_input(), language=request.form.get("language") or None)
    except ValidatorError as exc:
        return render_template("home.html", form={}, error=error_text(exc)), exc.http_status
    return render_template("result.html", **result_context(assessment))


@bp.get("/widget/token")
def widget_token_json() -> Response:
    """A fresh form token for the browser extension's "full result" (its form posts with `Origin: null`).
    Read only by pages allowed to fetch this server (no CORS header); nothing is sent to get it."""
    return jsonify({"token": widget_token(), "max_age": WIDGET_TOKEN_MAX_AGE})


@bp.get("/widget/demo")
def widget_demo() -> str:
    return render_template("demo.html")


@bp.get("/embed.js")
def embed_js() -> Response:
    response = send_from_directory(current_app.static_folder, "embed.js", mimetype="text/javascript")
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/favicon.ico")
def favicon() -> Response:
    response = send_from_directory(current_app.static_folder, "favicon.ico", mimetype="image/vnd.microsoft.icon")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
