"""Serves the demo seller-help page and the chat widget (web/) for `make run`.

A plain static server (the standard library's), plus one substitution: the page is told where
the Rasa server's socket.io endpoint is, since its port is configurable.
"""

from __future__ import annotations

import argparse
import functools
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_ROOT = Path(__file__).resolve().parent.parent / "web"
SERVER_URL_PLACEHOLDER = "__RASA_SERVER_URL__"


class PageHandler(SimpleHTTPRequestHandler):
    """Static files from web/; the demo page gets the Rasa server's address filled in."""

    def __init__(self, *args, rasa_url: str, **kwargs):
        self.rasa_url = rasa_url
        super().__init__(*args, directory=str(WEB_ROOT), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.split("?")[0] in ("/", "/index.html"):
            page = (
                (WEB_ROOT / "index.html").read_text().replace(SERVER_URL_PLACEHOLDER, self.rasa_url)
            )
            body = page.encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        """Quiet: `make run` prints its own summary."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", required=True)
    args = parser.parse_args()
    handler = functools.partial(PageHandler, rasa_url=args.rasa_url)
    ThreadingHTTPServer((args.host, args.port), handler).serve_forever()


if __name__ == "__main__":
    main()
