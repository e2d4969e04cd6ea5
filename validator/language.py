"""Language identification: py3langid restricted to the languages in data/common/langid.toml.

`detect(text)` returns `(code, confidence)`; the code is one spaCy can build a pipeline for.
URLs, e-mails, masked contacts, numbers and the English labels of the HTML ingest are removed
before classifying, so they do not pull a short ad towards English.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import zipfile
from array import array
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from validator.cache import cache_dir, write_atomically
from validator.resources import load_toml

DEFAULT = "en"

_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|#(?:PHONE|EMAIL|URL)_[^#\s]*#|[\d_]+|[^\w\s]{2,}",
    re.IGNORECASE,
)
# the same for a text without "@", whose e-mail branch matches nowhere (and is tried at every character)
_NOISE_NO_AT = re.compile(_NOISE.pattern.replace(r"|\S+@\S+", ""), re.IGNORECASE)
_NOT_LETTER = re.compile(r"[\W\d_]+")
LABELLED_HEADER_CHARS = 3000  # how far labelled lines are looked for before the text is cut


@cache
def _config() -> dict[str, Any]:
    return load_toml("common", "langid.toml")


@cache
def _ingest_labels() -> re.Pattern[str]:
    """Labelled lines rendered by the HTML ingest (dropped) and section labels (prefix dropped)."""
    config = load_toml("common", "ingest.toml")

    def alternatives(labels) -> str:
        return "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))

    lines = alternatives(config.get("labels", {}).values())
    sections = alternatives(config.get("sections", {}).values())
    if "\n" in lines + sections:
        raise ValueError("an ingest label holds a line break")  # `_without_labels` rewrites line by line
    return re.compile(rf"^(?:(?:{lines}):[^\n]*|(?:{sections}):)", re.MULTILINE)


_LOCK = threading.Lock()
_LOADED: list[Any] = []


def _identifier() -> Any:
    """py3langid's model, loaded once per process (thread-safe) and restricted to the candidates.

    py3langid ships it LZMA-compressed: decompressing takes ~0.8 s. The restricted model is therefore
    kept uncompressed in the user's cache (`validator.cache`, ~45 MB), which loads in ~0.15 s; the
    cache key covers py3langid's version and the candidates. `preload()` starts the load early.
    """
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_compact(_cached_identifier() or _packaged_identifier()))
        return _LOADED[0]


def _compact(identifier: Any) -> Any:
    """The identifier with its per-state tables (row offsets, output features) as machine-integer arrays
    instead of lists of Python ints: the byte-by-byte walk then reads from 0.8 MB instead of chasing
    pointers across the heap, about a quarter faster when other stages have evicted it from the cache."""
    identifier._rowbase = array("I", identifier._rowbase)
    identifier.tk_output = array("i", identifier.tk_output)
    return identifier


def _packaged_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_config()["candidates"])
    path = _model_cache_path()
    if path is not None:
        buffer = io.BytesIO()
        np.savez(
            buffer,
            ptc=identifier.nb_ptc,
            pc=identifier.nb_pc,
            classes=np.array(identifier.nb_classes),
            nextmove=np.asarray(identifier.tk_nextmove),
            row=np.asarray(identifier.tk_row),
            output=np.asarray(identifier.tk_output, dtype=np.int32),
        )
        write_atomically(path, buffer.getvalue())
    return identifier


def _cached_identifier() -> Any | None:
    path = _model_cache_path()
    if path is None or not path.exists():
        return None
    from py3langid.langid import LanguageIdentifier

    try:
        with np.load(path, allow_pickle=False) as data:
            return LanguageIdentifier(
                data["ptc"],
                data["pc"],
                data["classes"].tolist(),
                array(data["nextmove"].dtype.char, data["nextmove"].tobytes()),
                data["output"].tolist(),
                norm_probs=True,
                tk_row=array(data["row"].dtype.char, data["row"].tobytes()),
            )
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # unreadable, cut short or from an older layout: rebuilt from the package


def _model_cache_path() -> Path | None:
    folder = cache_dir("langid")
    if folder is None:
        return None
    key = f"{metadata.version('py3langid')}|{','.join(_config()['candidates'])}|1"
    return folder / f"model-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def preload() -> threading.Thread:
    """Load the model in a background thread (the decompression releases the GIL), e.g. while
    spaCy is imported; `detect` then waits only for what is left."""
    thread = threading.Thread(target=_identifier, name="langid-preload", daemon=True)
    thread.start()
    return thread


def candidates() -> tuple[str, ...]:
    """Every code `detect` can return."""
    aliases = _config().get("aliases", {})
    return tuple(sorted({aliases.get(code, code) for code in _config()["candidates"]}))


def clean(text: str) -> str:
    """The first `max_chars` characters of the text once the ingest's labelled lines ("Job title: …",
    "Employer: …") are dropped, without URLs, e-mails, masked contacts, digits and punctuation.

    The labelled lines go first: a schema.org page's header of labelled lines can be longer than
    `max_chars`, and would otherwise leave nothing of the description to classify."""
    limit = int(_config().get("limits", {}).get("max_chars", 6000))
    text = _without_labels(text[: LABELLED_HEADER_CHARS + limit], limit)
    text = (_NOISE if "@" in text else _NOISE_NO_AT).sub(" ", text)
    return " ".join(text.split())  # `str.split` and `\s` know the same whitespace


def _without_labels(head: str, limit: int) -> str:
    """`_ingest_labels().sub(" ", head)[:limit]`, rewriting whole lines only until `limit` characters
    are out: no match spans a line break, so the lines are rewritten alike one by one or all at once."""
    labels = _ingest_labels()
    parts: list[str] = []
    size = pos = 0
    while size < limit and pos < len(head):
        end = head.find("\n", pos + limit - size)
        end = len(head) if end < 0 else end + 1
        part = labels.sub(" ", head[pos:end])
        parts.append(part)
        size += len(part)
        pos = end
    return "".join(parts)[:limit]


def detect(text: str) -> tuple[str, float]:
    """(language code, confidence 0..1); ("en", 0.0) when the text is too short to tell."""
    cleaned = clean(text or "")
    min_letters = int(_config().get("limits", {}).get("min_letters", 20))
    # letters are counted in the whole text only when its head has too few (the usual case: enough)
    if len(_NOT_LETTER.sub("", cleaned[: 4 * min_letters])) < min_letters and (
        len(_NOT_LETTER.sub("", cleaned)) < min_letters
    ):
        return DEFAULT, 0.0
    aliases = _config().get("aliases", {})
    scores: dict[str, float] = {}
    for code, prob in _identifier().rank(cleaned):
        key = aliases.get(code, code)
        scores[key] = scores.get(key, 0.0) + float(prob)
    code, prob = max(scores.items(), key=lambda item: item[1])
    return code, round(min(max(prob, 0.0), 1.0), 4)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SCRIPT_OF = {"bg": _CYRILLIC, "ru": _CYRILLIC, "uk": _CYRILLIC, "mk": _CYRILLIC, "sr": _CYRILLIC, "el": _GREEK}
MIN_FOREIGN_LINE_LETTERS = 20


def other_languages(text: str, primary: str) -> list[str]:
    """Languages of lines written in another script than the primary language's (a Romanian ad with a
    Russian paragraph, a Bulgarian ad with an English line), in order of appearance. Same-script
    mixes (German with Polish) are not told apart."""
    own = _SCRIPT_OF.get(primary, _LATIN)
    foreign = [rx for rx in (_LATIN, _CYRILLIC, _GREEK) if rx is not own]
    if not any(rx.search(text) for rx in foreign):
        return []
    found: list[str] = []
    for line in text.splitlines():
        if any(
            len(rx.findall(line)) >= MIN_FOREIGN_LINE_LETTERS and len(rx.findall(line)) > len(own.findall(line))
            for rx in foreign
        ):
            code, confidence = detect(line)
            if code != primary and confidence > 0 and code not in found:
                found.append(code)
    return found
