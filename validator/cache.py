"""The user's cache directory for data built from installed libraries (place lexicons, the restricted
language-id model): `VALIDATOR_CACHE_DIR`, default `$XDG_CACHE_HOME/jobad-validator` or
`~/.cache/jobad-validator`; "off" disables caching. Nothing from an ad is ever written here."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_dir(kind: str) -> Path | None:
    """The folder for one kind of cached data, or None when caching is off (or there is no home)."""
    configured = os.environ.get("VALIDATOR_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in {"", "off", "none", "0"}:
            return None
        return Path(configured) / kind
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:
            return None
    base = Path(base)
    return base / "jobad-validator" / kind if base.is_absolute() else None


def write_atomically(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file and drop older versions (`<stem>-*<suffix>`
    beside it, the part after the last "-" being the cache key). False when the folder is read-only."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
        for stale in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*{path.suffix}"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from older data files or library versions
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
