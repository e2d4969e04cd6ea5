"""Checks on text input: decoding, control characters, emptiness, size.

One rule for control characters (NUL and the other C0 codes except tab and line breaks, and DEL) in
every surface (CLI, API, batch rows): a text where they are more than MAX_CONTROL_SHARE of the
characters is refused as binary; otherwise each is replaced by a space (offsets unchanged) and the
assessment says how many were replaced.
"""

from __future__ import annotations

import re

from validator.errors import EmptyInputError, InputTooLargeError, UndecodableInputError
from validator.settings import Settings

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.1


def looks_binary(count: int, size: int) -> bool:
    """More control characters than MAX_CONTROL_SHARE of `size`: binary data, not text."""
    return count > MAX_CONTROL_SHARE * max(size, 1)


def decode_bytes(data: bytes, what: str = "input") -> str:
    """UTF-8 (with or without BOM) or a clear error; binary data is refused."""
    if looks_binary(len(CONTROL_BYTES.findall(data[:65536])), min(len(data), 65536)):
        raise UndecodableInputError(f"{what} looks binary, not text (too many NUL or other control bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UndecodableInputError(
            f"{what} is not valid UTF-8 (byte {exc.start}); save it as UTF-8 text and try again"
        ) from None


def check_text(text: str, settings: Settings, what: str = "text", warnings: list[str] | None = None) -> str:
    """The text to analyse, or a clear error: too large, empty, binary. Control characters are
    replaced by spaces, with a warning appended to `warnings`."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_text_bytes:
        raise InputTooLargeError(
            f"{what} is {size:,} bytes; the limit is {settings.max_text_bytes:,} bytes"
            " (one job ad is rarely over 20 KB)"
        )
    controls = len(CONTROL.findall(text))
    if controls:
        if looks_binary(controls, len(text)):
            raise UndecodableInputError(
                f"{what} looks binary, not text: {controls:,} of its {len(text):,} characters are NUL "
                "or other control characters"
            )
        text = CONTROL.sub(" ", text)
        if warnings is not None:
            from validator.notices import notice

            warnings.append(notice("control_characters", count=controls))
    if not text.strip():
        raise EmptyInputError(f"{what} is empty: paste the job ad's text")
    # lone surrogates cannot be encoded downstream
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
