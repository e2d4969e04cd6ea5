"""Safe URL fetching against a local server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import ipaddress
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from validator.errors import (
    FetchError,
    FetchTimeoutError,
    FetchTooLargeError,
    UrlRefusedError,
)
from validator.ingest import fetch, load
from validator.settings import Settings

PAGE = (
    b"<html><head><title>Job</title></head><body><nav>Menu</nav><main><h1>Cook wanted</h1>"
    b"<p>Restaurant in Berlin, 2000 EUR per month.</p></main></body></html>"
)
POSTING = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Welder", "description": "<p>Welding.</p>"}
JSONLD_PAGE = f'<html><head><script type="application/ld+json">{json.dumps(POSTING)}</script></head></html>'.encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # close-delimited bodies (no Content-Length needed)
    seen: list[dict[str, str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.seen.append(dict(self.headers))
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        with contextlib.suppress(OSError):  # the client hung up (size cap, deadline)
            self.route(parts.path, query)

    def route(self, path: str, query: dict[str, str]) -> None:
        if path == "/page":
            self.send(200, PAGE)
        elif path == "/jsonld":
            self.send(200, JSONLD_PAGE)
        elif path == "/text":
            self.send(200, "Zimmermädchen gesucht in Wien.".encode("latin-1"), "text/plain; charset=iso-8859-1")
        elif path == "/cyrillic":
            html = "<html><body><p>Работа в Польше</p></body></html>".encode("windows-1251")
            self.send(200, html, "text/html; charset=windows-1251")
        elif path == "/gzip":
            body = gzip.compress(PAGE)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/redirect":
            self.send_response(int(query.get("status", "302")))
            self.send_header("Location", query["to"])
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/notype":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(PAGE)
        elif path in ("/404", "/500"):
            self.send(int(path[1:]), b"<p>error page</p>")
        elif path == "/big":
            self.send(200, b"<p>" + b"x" * 50_000 + b"</p>")
        elif path == "/big-stream":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
        elif path == "/lying-length":  # claims a small body, sends a big one
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "10")
            self.end_headers()
            self.wfile.write(b"<p>" + b"z" * 50_000)
        elif path == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/slow-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            for i in range(200):
                self.wfile.write(f"X-Drip-{i}: 1\r\n".encode())
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/silent":
            time.sleep(3)
            self.send(200, PAGE)
        else:
            self.send(404, b"no route")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def private() -> Settings:
    """Loopback allowed (explicitly), short timeouts."""
    return Settings(fetch_allow_private=True, fetch_connect_timeout=1.0, fetch_read_timeout=1.0)


def port_of(server: str) -> int:
    return int(server.rsplit(":", 1)[1])


# --------------------------------------------------------------------------- refused without any connection


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",  # decimal
        "0177.0.0.1",  # octal
        "0x7f000001",  # hex
        "0x7f.0.0.1",
        "127.1",  # short
        "127.0.1",
        "[::1]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped
        "[::ffff:7f00:1]",
        "[0:0:0:0:0:ffff:127.0.0.1]",
        "localhost",
    ],
)
def test_default_settings_refuse_loopback_in_every_spelling(server: str, host: str) -> None:
    with pytest.raises(UrlRefusedError, match="loopback"):
        fetch.fetch_ad(f"http://{host}:{port_of(server)}/page", Settings())


def test_default_settings_refuse_the_live_server(server: str) -> None:
    with pytest.raises(UrlRefusedError):
        load(url=f"http://{server}/page", settings=Settings())


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fec0::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("100.64.0.1", "shared"),
        ("100.127.255.254", "shared"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("192.0.2.10", "non-public"),  # documentation
        ("198.18.0.1", "non-public"),  # benchmarking
        ("2001:db8::1", "non-public"),
        # blocks Python 3.11's ipaddress takes for global: the explicit IANA table refuses them
        ("192.0.0.5", "non-public"),  # IETF protocol assignments, outside /29 and .170/31
        ("192.0.0.200", "non-public"),
        ("192.88.99.1", "non-public"),  # deprecated 6to4 relay anycast
        ("3fff::1", "non-public"),  # documentation (RFC 9637)
        ("5f00::1", "non-public"),  # SRv6 SIDs
        ("4000::1", "reserved"),  # outside global unicast 2000::/3
        ("::ffff:169.254.169.254", "link-local"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("::127.0.0.1", "loopback"),  # IPv4-compatible
        ("64:ff9b::7f00:1", "loopback"),  # NAT64
        ("64:ff9b::a9fe:a9fe", "link-local"),
        ("2002:7f00:1::", "loopback"),  # 6to4
        ("2002:c0a8:101::1", "private"),
    ],
)
def test_address_kinds(address: str, kind: str) -> None:
    assert fetch.address_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert fetch.address_kind(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0x7F.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("cafe.be", None),
        ("jobs.example", None),
        ("1.2.3.4.5", None),
    ],
)
def test_ip_literal_reads_every_numeric_spelling(host: str, expected: str | None) -> None:
    got = fetch.ip_literal(host)
    assert (str(got) if got else None) == expected


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(UrlRefusedError, match=r"private network address .*\(jobs.example resolves to 10.0.0.7\)"):
        fetch.checked_addresses("jobs.example", 443, allow_private=False)
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34", "2606:4700::1"])
    assert [str(a) for a in fetch.checked_addresses("jobs.example", 443, allow_private=False)] == [
        "93.184.216.34",
        "2606:4700::1",
    ]


def test_allow_private_still_refuses_metadata_and_other_kinds() -> None:
    for address in ("169.254.169.254", "0.0.0.0", "224.0.0.1", "100.64.0.1", "fe80::1"):
        with pytest.raises(UrlRefusedError):
            fetch.checked_addresses(address, 80, allow_private=True)
    assert fetch.checked_addresses("10.0.0.1", 80, allow_private=True)


def test_public_looking_name_resolving_to_loopback_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["127.0.0.1"])
    with pytest.raises(UrlRefusedError, match="jobs.example resolves to 127.0.0.1"):
        fetch.fetch_ad(f"http://jobs.example:{port_of(server)}/page", Settings())


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "only http"),
        ("ftp://ftp.example.com/ad.html", "only http"),
        ("gopher://example.com/", "only http"),
        ("javascript:alert(1)", "only http"),
        ("www.example.com/job", "only http"),
        ("http://user:secret@example.com/job", "user name or password"),
        ("http://user@example.com/job", "user name or password"),
        ("https://example.com@127.0.0.1/", "user name or password"),
        ("http:///nohost", "no host"),
        ("http://example.com:99999/", "port"),
        ("http://exa mple.com/", "spaces"),
        ("http://example.com\\@127.0.0.1/", "backslash"),
        ("", "empty"),
    ],
)
def test_bad_urls_are_refused_before_any_connection(url: str, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("no lookup for a refused URL")

    monkeypatch.setattr(fetch, "resolve", no_dns)
    with pytest.raises(UrlRefusedError, match=message):
        fetch.fetch_ad(url, Settings(fetch_allow_private=True))


# --------------------------------------------------------------------------- fetching from the local server


def test_page_is_fetched_when_private_addresses_are_allowed(server: str, private: Settings) -> None:
    ad = load(url=f"http://{server}/page", settings=private)
    assert ad.source == "url"
    assert ad.url == f"http://{server}/page"
    assert ad.text == "Cook wanted\nRestaurant in Berlin, 2000 EUR per month."


def test_user_agent_host_and_pinning(server: str, private: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    lookups: list[str] = []

    def fake_dns(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    monkeypatch.setattr(fetch, "resolve", fake_dns)
    Handler.seen.clear()
    ad = fetch.fetch_ad(f"http://jobs.example:{port_of(server)}/jsonld", private)
    assert ad.structured["title"] == "Welder"
    assert lookups == ["jobs.example"]  # one lookup; the connection used the checked address
    headers = {k.lower(): v for k, v in Handler.seen[-1].items()}
    assert headers["host"] == f"jobs.example:{port_of(server)}"
    assert headers["user-agent"].startswith("jobad-validator/")
    assert headers["user-agent"].endswith("(+job-ad safety check)")


def test_plain_text_and_charsets(server: str, private: Settings) -> None:
    ad = fetch.fetch_ad(f"http://{server}/text", private)
    assert (ad.source, ad.text, ad.structured) == ("url", "Zimmermädchen gesucht in Wien.", {})
    assert fetch.fetch_ad(f"http://{server}/cyrillic", private).text == "Работа в Польше"
    assert fetch.fetch_ad(f"http://{server}/gzip", private).text.startswith("Cook wanted")


def test_redirect_is_followed_and_rechecked(server: str, private: Settings) -> None:
    ad = fetch.fetch_ad(f"http://{server}/redirect?to=/page", private)
    assert ad.url == f"http://{server}/page"
    for target in ("http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "file:///etc/passwd", "ftp://x/"):
        with pytest.raises(UrlRefusedError):
            fetch.fetch_ad(f"http://{server}/redirect?status=301&to={target}", private)


def test_redirect_from_an_allowed_host_to_loopback_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop is allowed (its address counts as public here), the redirect's is not."""
    real_kind = fetch.address_kind
    public_for_test = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(fetch, "address_kind", lambda ip: None if ip == public_for_test else real_kind(ip))
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["127.0.0.1"])
    port = port_of(server)
    settings = Settings(fetch_connect_timeout=1.0, fetch_read_timeout=1.0)
    assert fetch.fetch_ad(f"http://jobs.example:{port}/page", settings).text.startswith("Cook wanted")
    for target in (f"http://127.0.0.2:{port}/page", f"http://2130706434:{port}/page", f"http://[::1]:{port}/page"):
        with pytest.raises(UrlRefusedError, match="loopback"):
            fetch.fetch_ad(f"http://jobs.example:{port}/redirect?to={target}", settings)


def test_too_many_redirects(server: str, private: Settings) -> None:
    with pytest.raises(FetchError, match="redirects more than 5 times"):
        fetch.fetch_ad(f"http://{server}/loop", private)


@pytest.mark.parametrize("path", ["/big", "/big-stream"])
def test_oversize_body_is_refused(server: str, private: Settings, path: str) -> None:
    with pytest.raises(FetchTooLargeError):
        fetch.fetch_ad(f"http://{server}{path}", private.with_(fetch_max_bytes=20_000))


def test_content_length_over_the_cap_is_refused_up_front(server: str, private: Settings) -> None:
    with pytest.raises(FetchTooLargeError, match="50,007 bytes"):
        fetch.fetch_ad(f"http://{server}/big", private.with_(fetch_max_bytes=20_000))


def test_a_body_longer_than_its_content_length_is_cut_at_the_length(server: str, private: Settings) -> None:
    # urllib3 reads only the declared 10 bytes: the lie cannot push past the cap
    assert fetch.fetch_ad(f"http://{server}/lying-length", private.with_(fetch_max_bytes=20_000)).text == "zzzzzzz"


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_slow_drip_hits_the_total_deadline(server: str, path: str) -> None:
    settings = Settings(fetch_allow_private=True, fetch_connect_timeout=0.5, fetch_read_timeout=0.5)
    with pytest.raises(FetchTimeoutError):
        fetch.fetch_ad(f"http://{server}{path}", settings)


def test_silent_server_hits_the_read_timeout(server: str) -> None:
    settings = Settings(fetch_allow_private=True, fetch_connect_timeout=0.5, fetch_read_timeout=0.3)
    with pytest.raises(FetchTimeoutError):
        fetch.fetch_ad(f"http://{server}/silent", settings)


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors(server: str, private: Settings, status: int) -> None:
    with pytest.raises(FetchError, match=f"HTTP {status}") as info:
        fetch.fetch_ad(f"http://{server}/{status}", private)
    assert type(info.value) is FetchError


@pytest.mark.parametrize(("path", "shown"), [("/png", "image/png"), ("/notype", "no content type")])
def test_wrong_content_type(server: str, private: Settings, path: str, shown: str) -> None:
    with pytest.raises(FetchError, match=shown):
        fetch.fetch_ad(f"http://{server}{path}", private)


def test_unreachable_and_unknown_hosts(private: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    with pytest.raises(FetchError, match="could not be reached") as info:
        fetch.fetch_ad(f"http://127.0.0.1:{closed}/", private)
    assert type(info.value) is FetchError

    def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch, "resolve", nxdomain)
    with pytest.raises(FetchError, match="could not be found"):
        fetch.fetch_ad("https://no-such-host.example/job", private)


def test_proxies_from_the_environment_are_ignored(
    server: str, private: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = sock.getsockname()[1]
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{dead}")
    monkeypatch.setenv("NO_PROXY", "")
    assert fetch.fetch_ad(f"http://{server}/page", private).text.startswith("Cook wanted")


def test_total_timeout_default_and_setting() -> None:
    assert fetch.total_timeout(Settings(fetch_connect_timeout=5, fetch_read_timeout=10)) == 25


# --------------------------------------------------------------------------- TLS with a pinned address


def _self_signed(tmp: Path, name: str) -> tuple[str, str]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp / f"{name}.pem", tmp / f"{name}.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return str(cert), str(key)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, str, list[str]]]:
    cert, key = _self_signed(tmp_path, "jobs.example")
    names: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], cert, names
    httpd.shutdown()
    httpd.server_close()


def test_https_checks_the_certificate_for_the_name_while_connecting_to_the_pinned_address(
    tls_server: tuple[int, str, list[str]], private: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, cert, names = tls_server
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["127.0.0.1"])
    with pytest.raises(FetchError, match="no valid TLS certificate"):  # not trusted yet
        fetch.fetch_ad(f"https://jobs.example:{port}/page", private)
    monkeypatch.setattr(fetch, "VERIFY", cert)
    ad = fetch.fetch_ad(f"https://jobs.example:{port}/page", private)
    assert ad.text.startswith("Cook wanted")
    assert names and set(names) == {"jobs.example"}  # SNI carries the name, not the address
    with pytest.raises(FetchError, match="no valid TLS certificate"):  # certificate for another name
        fetch.fetch_ad(f"https://other.example:{port}/page", private)


def test_ipv4_mapped_address_connects_over_ipv4(server: str, private: Settings) -> None:
    ad = fetch.fetch_ad(f"http://[::ffff:127.0.0.1]:{port_of(server)}/page", private)
    assert ad.text.startswith("Cook wanted")


def test_slow_dns_lookup_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def hanging_dns(host: str, port: int) -> list[str]:
        release.wait(5)
        return ["93.184.216.34"]

    monkeypatch.setattr(fetch, "resolve", hanging_dns)
    try:
        with pytest.raises(FetchTimeoutError, match="DNS"):
            fetch.fetch_ad("http://slow-dns.example/job", Settings(fetch_connect_timeout=0.2))
    finally:
        release.set()
