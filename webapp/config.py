"""The web app's configuration: defaults, overridden by `VALIDATOR_*` environment variables, then by
the `config` mapping given to `create_app`."""

from __future__ import annotations

import ipaddress
import os
import secrets
import tomllib
from pathlib import Path
from typing import Any

from validator.settings import Settings

HELPLINES_FILE = Path(__file__).parent / "helplines.toml"


def _split(value: str) -> list[str]:
    return [part.strip().rstrip("/") for part in value.replace(",", " ").split() if part.strip()]


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def networks(value: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Address blocks from "10.1.2.0/24, 2001:db8::/48" (a clear error for a malformed one)."""
    try:
        return tuple(ipaddress.ip_network(part, strict=False) for part in _split(value))
    except ValueError as exc:
        raise ValueError(f"VALIDATOR_RATELIMIT_EXEMPT: {exc}") from None


def is_in_networks(address: str | None, blocks) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip.version == net.version and ip in net for net in blocks)


def load_helplines(path: str | os.PathLike[str] | None = None) -> list[dict[str, str]]:
    """The "where to get help" links: a TOML file of [[helpline]] tables (name or name_key, url, and
    optionally country, kind, names, phone, description, source; see webapp/helplines.toml)."""
    with Path(path or HELPLINES_FILE).open("rb") as fh:
        entries = tomllib.load(fh).get("helpline", [])
    return [
        {k: {str(a): str(b) for a, b in v.items()} if isinstance(v, dict) else str(v) for k, v in entry.items()}
        for entry in entries
        if (entry.get("name") or entry.get("name_key")) and entry.get("url")
    ]


def defaults() -> dict[str, Any]:
    """The configuration before `create_app`'s own `config` overrides."""
    env = os.environ
    return {
        # a per-process random key breaks CSRF across gunicorn workers: `validator serve` sets one
        "SECRET_KEY": env.get("VALIDATOR_SECRET_KEY") or secrets.token_hex(32),
        "MAX_CONTENT_LENGTH": int(env.get("VALIDATOR_MAX_REQUEST_BYTES", 2_000_000)),
        "MAX_FORM_MEMORY_SIZE": int(env.get("VALIDATOR_MAX_REQUEST_BYTES", 2_000_000)),
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": 3600,
        "VALIDATOR_SETTINGS": Settings.from_env(),
        "FETCH_ALLOW_PRIVATE": False,  # tests serving pages from 127.0.0.1 only
        "FORCE_HTTPS": _bool(env.get("VALIDATOR_FORCE_HTTPS", "0")),
        "WIDGET_ALLOWED_ORIGINS": _split(env.get("VALIDATOR_WIDGET_ORIGINS", "")),
        # behind a reverse proxy: trust one hop of X-Forwarded-For/-Proto/-Host (client address for
        # the rate limit, https for the origin checks)
        "BEHIND_PROXY": _bool(env.get("VALIDATOR_BEHIND_PROXY", "0")),
        "PUBLIC_ORIGIN": (env.get("VALIDATOR_PUBLIC_ORIGIN") or "").rstrip("/") or None,
        "RATELIMIT_ENABLED": _bool(env.get("VALIDATOR_RATELIMIT_ENABLED", "1")),
        "RATELIMIT_STORAGE_URI": env.get("VALIDATOR_RATELIMIT_STORAGE_URI", "memory://"),
        "ASSESS_RATE_LIMIT": env.get("VALIDATOR_RATELIMIT", "60 per minute"),
        "RATELIMIT_EXEMPT_NETWORKS": networks(env.get("VALIDATOR_RATELIMIT_EXEMPT", "")),
        "HELPLINES": load_helplines(env.get("VALIDATOR_HELPLINES_FILE")),
        # None: English, and a result follows the ad's language when the browser asks for none we have
        "DEFAULT_UI_LANGUAGE": env.get("VALIDATOR_UI_LANGUAGE") or None,
        "WARMUP": True,  # one assessment at start-up: pipelines and model load once per worker
    }


def effective_settings(config: dict[str, Any]) -> Settings:
    settings: Settings = config["VALIDATOR_SETTINGS"]
    if config.get("FETCH_ALLOW_PRIVATE"):
        settings = settings.with_(fetch_allow_private=True)
    return settings
