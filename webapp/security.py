"""Security headers (flask-talisman): a strict CSP everywhere, framing refused except on /widget."""

from __future__ import annotations

import functools
from typing import Any

from flask import Flask
from flask_talisman import Talisman

BASE_CSP: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
    "frame-src": "'none'",
    "frame-ancestors": "'none'",
}
PERMISSIONS = {"camera": "()", "microphone": "()", "geolocation": "()", "payment": "()", "usb": "()"}


def widget_csp(allowed_origins: list[str]) -> dict[str, str]:
    return {**BASE_CSP, "frame-ancestors": " ".join(["'self'", *allowed_origins])}


def _with_options(app: Flask, endpoint: str, **options: Any) -> None:
    """Per-app talisman options on one view (a fresh wrapper, so apps with other configs are unaffected)."""
    view = app.view_functions[endpoint]

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any):
        return view(*args, **kwargs)

    wrapped.talisman_view_options = options
    app.view_functions[endpoint] = wrapped


def install(app: Flask) -> Talisman:
    https = bool(app.config["FORCE_HTTPS"])
    talisman = Talisman(
        app,
        force_https=https,
        strict_transport_security=https,
        session_cookie_secure=https,
        session_cookie_samesite="Lax",
        frame_options="DENY",
        content_security_policy=BASE_CSP,
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy=PERMISSIONS,
    )
    _with_options(
        app,
        "pages.widget",
        frame_options=None,
        content_security_policy=widget_csp(app.config["WIDGET_ALLOWED_ORIGINS"]),
    )
    _with_options(app, "pages.widget_demo", content_security_policy={**BASE_CSP, "frame-src": "'self'"})

    @app.after_request
    def _more_headers(response):
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if response.mimetype in ("text/html", "application/json", "application/problem+json"):
            response.headers.setdefault("Cache-Control", "no-store")  # results are never cached
        return response

    return talisman
