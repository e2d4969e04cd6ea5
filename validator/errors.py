"""Errors a user can cause, each with a one-line message, a CLI exit code and an HTTP status."""

from __future__ import annotations


class ValidatorError(Exception):
    """Base class: bad input or an unreachable source, never a bug."""

    title = "Invalid input"  # the problem+json title: short, for people
    exit_code = 1
    http_status = 422
    code = "invalid_input"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class EmptyInputError(ValidatorError):
    title = "The text is empty"
    exit_code = 3
    code = "empty_input"


class InputTooLargeError(ValidatorError):
    title = "The text is too large"
    exit_code = 4
    http_status = 413
    code = "input_too_large"


class UndecodableInputError(ValidatorError):
    title = "The input is not readable text"
    exit_code = 5
    code = "undecodable_input"


class NoTextInHtmlError(ValidatorError):
    title = "The page has no readable text"
    exit_code = 6
    code = "no_text_in_html"


class UrlRefusedError(ValidatorError):
    """The URL is not allowed: bad scheme, private/loopback address, credentials ..."""

    title = "This link cannot be checked"
    exit_code = 7
    code = "url_refused"


class FetchError(ValidatorError):
    """The page could not be fetched: unreachable, HTTP error, wrong content type."""

    title = "The page could not be fetched"
    exit_code = 8
    http_status = 502
    code = "fetch_failed"


class FetchTimeoutError(FetchError):
    title = "The page took too long to answer"
    exit_code = 9
    http_status = 504
    code = "fetch_timeout"


class FetchTooLargeError(FetchError):
    title = "The page is too large"
    exit_code = 10
    code = "fetched_page_too_large"


class UnsupportedLanguageError(ValidatorError):
    title = "Language not supported"
    exit_code = 11
    code = "unsupported_language"


class ModelError(ValidatorError):
    """A model file is missing, tampered with or of an unknown format."""

    title = "The risk model is not available"
    exit_code = 12
    http_status = 500
    code = "model_error"


class DataError(ValidatorError):
    """A data file (CSV/JSONL/Parquet) cannot be used: missing, wrong format, missing columns."""

    title = "The data file cannot be used"
    exit_code = 13
    code = "data_error"


EXIT_CODES = {
    0: "success",
    1: "other input error",
    2: "usage error (bad command-line arguments)",
    3: "empty input",
    4: "input too large",
    5: "input is not UTF-8 text (binary or another encoding)",
    6: "HTML without readable text",
    7: "URL refused (scheme, private or local address, credentials)",
    8: "page could not be fetched (unreachable, HTTP error, not HTML/text)",
    9: "page fetch timed out",
    10: "fetched page too large",
    11: "unsupported language",
    12: "model missing or failed its integrity check",
    13: "data file error",
    130: "interrupted",
}


class UsageError(ValidatorError):
    """The caller combined arguments wrongly (e.g. both text and url)."""

    title = "Wrong combination of arguments"
    exit_code = 2
    http_status = 422
    code = "usage_error"
