"""Errors as RFC 9457 `application/problem+json` under /api/, plain pages elsewhere."""

from __future__ import annotations

import time
import traceback

from flask import Flask, Response, abort, json, make_response, render_template, request
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException

from validator.errors import ValidatorError
from webapp.i18n import error_text, translate

PROBLEM_TYPE = "urn:jobad-validator:problem:{code}"
CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "rate_limited",
    500: "internal_error",
}
# pages (not the API): the UI catalogue's wording of these statuses
PAGE_ERRORS = {404: "error.not_found", 413: "error.request_too_large", 500: "error.internal"}


def problem(status: int, code: str, title: str, detail: str | None = None, **extra: object) -> Response:
    body = {"type": PROBLEM_TYPE.format(code=code), "title": title, "status": status, "code": code}
    if detail:
        body["detail"] = detail
    body.update(extra)
    return Response(json.dumps(body), status=status, mimetype="application/problem+json")


def wants_problem_json() -> bool:
    return request.path.startswith("/api/")


def from_validator_error(exc: ValidatorError) -> Response:
    return problem(exc.http_status, exc.code, exc.title, exc.message)


MAX_URL_CHARS = 4094  # the request target (path and query); ad text never travels in a URL


def register(app: Flask) -> None:
    """Error handlers: ValidatorError and HTTP errors; never a traceback or a 500 for bad input."""

    @app.before_request
    def _url_length():
        if len(request.environ.get("RAW_URI") or request.full_path) > MAX_URL_CHARS:
            abort(414)

    @app.errorhandler(ValidatorError)
    def _validator_error(exc: ValidatorError):
        if wants_problem_json():
            return from_validator_error(exc)
        return _page(exc.http_status, error_text(exc))

    @app.errorhandler(RateLimitExceeded)
    def _rate_limited(exc: RateLimitExceeded):
        detail = f"too many requests: the limit is {exc.description}; try again shortly"
        if wants_problem_json():
            response = problem(429, "rate_limited", "Too Many Requests", detail)
        else:
            response = _page(429, translate("error.rate_limited"))
        for limiter in app.extensions.get("limiter", ()):
            current = limiter.current_limit
            if current is None:
                continue
            response.headers["Retry-After"] = str(max(1, int(current.reset_at - time.time())))
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        if wants_problem_json():
            response = problem(status, CODES.get(status, "http_error"), exc.name, exc.description)
            if status == 405 and exc.get_response().headers.get("Allow"):
                response.headers["Allow"] = exc.get_response().headers["Allow"]
            return response
        key = PAGE_ERRORS.get(status)
        return _page(status, translate(key) if key else exc.description or exc.name)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        # logged without request data: the ad text must never reach the logs
        # (type, route and stack frames only: exception messages may quote the input)
        app.logger.error(
            "unexpected %s in %s %s\n%s",
            type(exc).__name__,
            request.method,
            request.path,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        if wants_problem_json():
            return problem(500, "internal_error", "Internal Server Error", "an unexpected error occurred")
        return _page(500, translate("error.internal"))


def _page(status: int, detail: str) -> Response:
    return make_response(render_template("error.html", status=status, detail=detail), status)
