"""Serve a built site on 127.0.0.1 the way a static host does: gzip for text, plain for the rest.

GitHub Pages (and every CDN in front of it) sends HTML, CSS, JS, JSON and SVG gzip-compressed, so a
benchmark that counts "bytes transferred" must compress too. Run alone to look at a build by hand:

    .venv/bin/python tools/bench/serve.py /tmp/site-me [port]
"""

import contextlib
import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus `Content-Encoding: gzip` for text files, when the client accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent class sends the redirect to "…/"
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in _COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)  # nginx's and most CDNs' level
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object `send_head` returns; `copyfile` reads it into the socket."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that hung up early
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int = 0):
    """Serve `directory` on 127.0.0.1 (a free port by default); yields the base URL ending in '/'."""
    handler = functools.partial(_GzipHandler, directory=str(directory))
    httpd = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


if __name__ == "__main__":
    with serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8765) as url:
        print(f"serving {sys.argv[1]} at {url} (Ctrl-C to stop)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
