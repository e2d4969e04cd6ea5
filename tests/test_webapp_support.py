"""Support for the web app tests (no tests here): realistic ads and a local page server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RISKY_AD = (
    "URGENT! Farm workers wanted in Denmark. No experience needed, 3000 EUR per month. "
    "Free accommodation and transport to work provided. Registration fee of 200 EUR for the visa. "
    "Contact only on WhatsApp +359888123456."
)
PLAIN_AD = (
    "Nordhavn Logistics ApS, Sundkrogsgade 21, 2100 Copenhagen, Denmark, is hiring a warehouse "
    "operative. Duties: receiving goods, picking and packing orders, operating a pallet truck. "
    "Hours: 37 per week, Monday to Friday, 7:00-15:00. Pay: 190 DKK per hour gross, collective "
    "agreement. Apply with your CV at careers@nordhavn-logistics.dk or call +45 33 12 34 56."
)
AD_PAGE = f"""<!doctype html><html><head><title>Farm work</title></head>
<body><nav>Home | Jobs</nav><main><h1>Farm workers wanted</h1><p>{RISKY_AD}</p></main>
<footer>(c) jobs board</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        if self.path.startswith("/ad"):
            body = AD_PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/slow"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>slow</p>")
                    self.wfile.flush()
                    time.sleep(0.25)
            except OSError:
                pass
        elif self.path.startswith("/image"):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", "8")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n\x1a\n")
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def page_server() -> Iterator[str]:
    """A local page server; yields its base URL (http://127.0.0.1:PORT)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
