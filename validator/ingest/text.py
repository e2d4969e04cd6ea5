"""Checks on text input: decoding, emptiness, size."""

from __future__ import annotations

from validator.errors import EmptyInputError, InputTooLargeError, UndecodableInputError
from validator.settings import Settings


def decode_bytes(data: bytes, what: str = "input") -> str:
    """UTF-8 (with or without BOM) or a clear error; binary data is refused."""
    if b"\x00" in data[:8192]:
        raise UndecodableInputError(f"{what} looks binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UndecodableInputError(
            f"{what} is not valid UTF-8 (byte {exc.start}); save it as UTF-8 text and try again"
        ) from None


def check_text(text: str, settings: Settings, what: str = "text") -> str:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_text_bytes:
        raise InputTooLargeError(
            f"{what} is {size:,} bytes; the limit is {settings.max_text_bytes:,} bytes"
            " (one job ad is rarely over 20 KB)"
        )
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
