"""Fetch a job ad's page safely (SSRF-hardened), then hand it to the HTML or text ingest.

Every hop (the URL and each redirect, at most `MAX_REDIRECTS`) is checked: http/https only, no
credentials, and every address the host resolves to must be public. The connection then goes to
the address that was checked (pinned, as requests-hardened does: the host name is kept for the
Host header, TLS SNI and certificate checks), so DNS cannot change between check and connect.
Numeric hosts in any spelling (decimal, octal, hex, short, IPv6-mapped/compatible, 6to4, NAT64,
Teredo) are read as the address they stand for. Proxies and .netrc from the environment are
ignored. Connect/read timeouts come from the settings, plus a total deadline that closes the
socket of a slow-drip server; the body is capped at `settings.fetch_max_bytes`.
"""

from __future__ import annotations

import contextvars
import ipaddress
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from validator.errors import (
    FetchError,
    FetchTimeoutError,
    FetchTooLargeError,
    UrlRefusedError,
    ValidatorError,
)
from validator.ingest import AdInput
from validator.ingest.text import check_text
from validator.resources import load_toml
from validator.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_REDIRECTS = 5
VERIFY: bool | str = True  # TLS certificates checked against certifi's bundle (tests pass their own CA)
MAX_URL_LENGTH = 4096
CHUNK_BYTES = 16_384
CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"

# what the flag `fetch_allow_private` lets through (tests serving pages from 127.0.0.1, intranets)
PRIVATE_KINDS = frozenset({"loopback", "private"})
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_COMPAT = ipaddress.ip_network("::/96")
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
_NUMERIC_HOST = re.compile(r"[0-9a-fx.]+", re.IGNORECASE)
_BAD_URL_CHARS = re.compile(r"[\x00-\x20\x7f\\]")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)

_KIND_TEXT = {
    "unspecified": "an unspecified address (0.0.0.0 or ::)",
    "loopback": "this computer (loopback address)",
    "private": "a private network address",
    "link-local": "a link-local address (such as the cloud metadata service 169.254.169.254)",
    "multicast": "a multicast address",
    "shared": "a shared carrier-grade NAT address (100.64.0.0/10)",
    "reserved": "a reserved address",
    "non-public": "an address that is not on the public internet",
}


def user_agent() -> str:
    try:
        ours = version("jobad-validator")
    except PackageNotFoundError:  # running from a source tree
        ours = "0.0.0"
    return f"jobad-validator/{ours} (+job-ad safety check)"


# --------------------------------------------------------------------------- address policy


@cache
def special_blocks() -> tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...]:
    """The non-public blocks of data/common/special_addresses.toml (IANA special-purpose registries)."""
    table = load_toml("common", "special_addresses.toml")
    return tuple((ipaddress.ip_network(row["net"]), row["kind"]) for key in ("ipv4", "ipv6") for row in table[key])


def address_kind(ip: IPAddress) -> str | None:
    """Why an address may not be fetched ("loopback", "private", ...), or None when it is public.

    The policy is the explicit table of special_blocks(), not the Python version's `ipaddress` flags.
    IPv6 forms that carry an IPv4 address (mapped, compatible, 6to4, NAT64, Teredo) are judged
    by the IPv4 address inside; other IPv6 outside global unicast (2000::/3) is reserved.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return address_kind(inner)
    for net, kind in special_blocks():
        if ip.version == net.version and ip in net:
            return kind
    if isinstance(ip, ipaddress.IPv6Address) and ip not in _GLOBAL_UNICAST_V6:
        return "reserved"
    if not ip.is_global:  # a block the table has not caught up with yet: refused all the same
        return "non-public"
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _COMPAT and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d (not :: or ::1)
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def ip_literal(host: str) -> IPAddress | None:
    """The address a numeric host stands for, in any spelling ("2130706433", "0x7f.1", "::ffff:..."), else None."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.fullmatch(host) and any(ch.isdigit() for ch in host):
        try:  # the C library's inet_aton reads decimal, octal, hex and short forms, as resolvers do
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (tests replace this function)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos if info[0] in (socket.AF_INET, socket.AF_INET6)))


def _lookup(host: str, port: int, timeout: float | None) -> list[str]:
    """`resolve` with a time limit (the C resolver has none of its own that we control)."""
    if timeout is None:
        return resolve(host, port)
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["names"] = resolve(host, port)
        except BaseException as exc:  # noqa: BLE001  (handed to the caller)
            box["error"] = exc

    thread = threading.Thread(target=run, name="fetch-dns", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise FetchTimeoutError(f"the address of {host} was not found in time (DNS lookup)")
    if "error" in box:
        raise box["error"]
    return box["names"]


def checked_addresses(host: str, port: int, allow_private: bool, timeout: float | None = None) -> list[IPAddress]:
    """The host's addresses, every one of them allowed; UrlRefusedError otherwise."""
    literal = ip_literal(host)
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        try:
            names = _lookup(host, port, timeout)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"the host {host} could not be found (DNS lookup failed)") from exc
        addresses = [ipaddress.ip_address(name.split("%", 1)[0]) for name in names]
        if not addresses:
            raise FetchError(f"the host {host} could not be found (no address)")
    for ip in addresses:
        kind = address_kind(ip)
        if kind is not None and not (allow_private and kind in PRIVATE_KINDS):
            raise UrlRefusedError(
                f"links to {_KIND_TEXT[kind]} are not fetched for safety"
                + (f" ({host} resolves to {ip})" if literal is None else "")
            )
    return addresses


def check_url(url: str) -> SplitResult:
    """Refuse what is not an http(s) URL with a host and without credentials (no network use)."""
    if not isinstance(url, str) or not url.strip():
        raise UrlRefusedError("the link is empty")
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise UrlRefusedError(f"the link is longer than {MAX_URL_LENGTH} characters")
    if _BAD_URL_CHARS.search(url):
        raise UrlRefusedError("the link contains spaces, control characters or backslashes")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise UrlRefusedError(f"only http:// and https:// links can be checked (this one has {shown})")
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise UrlRefusedError("links with a user name or password in them are not fetched")
    if not parts.hostname:
        raise UrlRefusedError("the link has no host name")
    try:
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        raise UrlRefusedError("the link has an invalid port number") from None
    try:
        parts.hostname.encode("idna")
    except UnicodeError:
        raise UrlRefusedError("the link's host name is not valid") from None
    return parts


# --------------------------------------------------------------------------- deadline watchdog


class _Deadline:
    """Shuts the sockets of one fetch down when its total time is up (a slow drip cannot hold us)."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_DEADLINE: contextvars.ContextVar[_Deadline | None] = contextvars.ContextVar("fetch_deadline", default=None)


class _Watched:
    """Hands each new socket to the fetch's deadline watchdog (slow-drip protection)."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        deadline = _DEADLINE.get()
        if deadline is not None:
            deadline.watch(sock)
        return sock


class _WatchedHTTPConnection(_Watched, urllib3.connection.HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


# --------------------------------------------------------------------------- pinned transport


class PinnedAdapter(HTTPAdapter):
    """Checks every address of the request's host and connects to the checked one."""

    def __init__(self, allow_private: bool, dns_timeout: float | None = None):
        self.allow_private = allow_private
        self.dns_timeout = dns_timeout
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        host = host_params["host"]
        if not host:
            raise UrlRefusedError("the link has no host name")
        scheme = host_params["scheme"]
        port = host_params["port"] or (443 if scheme == "https" else 80)
        ip = checked_addresses(host, port, self.allow_private, self.dns_timeout)[0]
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # connect over IPv4 to the address that was checked
        shown = f"[{host}]" if ":" in host else host
        if host_params["port"] is not None:
            shown += f":{host_params['port']}"
        request.headers["Host"] = shown
        if scheme == "https":  # certificate and SNI for the name, connection to the pinned address
            pool_kwargs["assert_hostname"] = host
            pool_kwargs["server_hostname"] = host
        host_params["host"] = f"[{ip}]" if ip.version == 6 else str(ip)
        return host_params, pool_kwargs


def _session(settings: Settings) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies, .netrc or CA bundles from the environment
    session.verify = VERIFY
    session.proxies = {}
    session.max_redirects = MAX_REDIRECTS
    session.headers.update({"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"})
    adapter = PinnedAdapter(settings.fetch_allow_private, dns_timeout=settings.fetch_connect_timeout)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def total_timeout(settings: Settings) -> float:
    """The whole fetch's time limit: `settings.fetch_total_timeout` if set, else connect + 2 x read."""
    configured = getattr(settings, "fetch_total_timeout", None)
    return float(configured or settings.fetch_connect_timeout + 2 * settings.fetch_read_timeout)


# --------------------------------------------------------------------------- fetching


def fetch_ad(url: str, settings: Settings) -> AdInput:
    """Fetch a job ad's page and read it as HTML or plain text (source "url")."""
    with _fetching(settings) as deadline:
        body, content_type, charset, final_url = _fetch(url, settings, deadline)
    if CONTENT_TYPES[content_type] == "text":
        from validator.ingest.html import decode_html

        warnings: list[str] = []
        text = decode_html(body, charset, warnings)
        ad = AdInput(text=check_text(text, settings, what="the page"), source="url", url=final_url)
        ad.warnings.extend(warnings)
        return ad
    from validator.ingest.html import from_html

    return from_html(body, settings, final_url, encoding=charset, source="url", max_bytes=settings.fetch_max_bytes)


@contextmanager
def _fetching(settings: Settings) -> Iterator[_Deadline]:
    deadline = _Deadline(total_timeout(settings))
    token = _DEADLINE.set(deadline)
    try:
        with deadline:
            yield deadline
    finally:
        _DEADLINE.reset(token)


def _fetch(url: str, settings: Settings, deadline: _Deadline) -> tuple[bytes, str, str | None, str]:
    timeout = (settings.fetch_connect_timeout, settings.fetch_read_timeout)
    with _session(settings) as session:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            current = check_url(current).geturl()
            host = urlsplit(current).hostname or ""
            try:
                response = session.send(
                    session.prepare_request(requests.Request("GET", current)),
                    allow_redirects=False,
                    stream=True,
                    timeout=timeout,
                )
            except (UrlRefusedError, FetchError):
                raise
            except requests.RequestException as exc:
                raise _translate(exc, host, deadline) from None
            with response:
                if deadline.expired:  # the watchdog cut a slow-drip header block short
                    raise FetchTimeoutError(f"{host} did not answer within {total_timeout(settings):g} s")
                if response.is_redirect:
                    current = urljoin(response.url, session.get_redirect_target(response) or "")
                    continue
                return (*_read(response, settings, host, deadline), response.url)
        raise FetchError(f"the page redirects more than {MAX_REDIRECTS} times")


def _read(
    response: requests.Response, settings: Settings, host: str, deadline: _Deadline
) -> tuple[bytes, str, str | None]:
    if response.status_code >= 400:
        reason = f" {response.reason}" if response.reason else ""
        raise FetchError(f"{host} answered HTTP {response.status_code}{reason}")
    raw_type = response.headers.get("content-type", "")
    content_type = raw_type.split(";", 1)[0].strip().lower()
    if content_type not in CONTENT_TYPES:
        shown = content_type or "no content type"
        raise FetchError(f"the link is not a web page or text ({shown}); only HTML and plain text are read")
    match = _CHARSET.search(raw_type)
    cap = settings.fetch_max_bytes
    length = response.headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > cap:
        raise FetchTooLargeError(f"the page is {int(length):,} bytes; the limit is {cap:,} bytes")
    body = bytearray()
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            if deadline.expired:
                break
            body += chunk
            if len(body) > cap:
                raise FetchTooLargeError(f"the page is over the limit of {cap:,} bytes")
    except requests.RequestException as exc:
        raise _translate(exc, host, deadline) from None
    if deadline.expired:
        raise FetchTimeoutError(f"{host} did not send the whole page within {total_timeout(settings):g} s")
    return bytes(body), content_type, match.group(1) if match else None


def _translate(exc: requests.RequestException, host: str, deadline: _Deadline) -> ValidatorError:
    """A requests exception as a one-line FetchError (no URL path or query in the message)."""
    if deadline.expired or isinstance(exc, requests.Timeout):
        kind = "connect" if isinstance(exc, requests.ConnectTimeout) else "answer"
        return FetchTimeoutError(f"{host} did not {kind} in time")
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError(f"{host} has no valid TLS certificate for its name")
    if isinstance(exc, requests.ConnectionError):
        return FetchError(f"{host} could not be reached")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema):
        return UrlRefusedError("the link is not a valid http(s) URL")
    return FetchError(f"the page at {host} could not be read ({type(exc).__name__})")
