"""One build of the real site per test session, and small fixture sites built on demand.

Sites are built in-process with MkDocs' own `load_config` + `build`, the way mkdocs-static-i18n
tests its plugin. A failed build's messages are read from the log.
"""

import json
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from kb import ROOT
from kb import checks as kbcheck

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = kbcheck.page_names()
LANGS = ("es", "en")


class Built:
    """A built site: where it is, whether it built, what MkDocs logged."""

    def __init__(self, root: Path, site: Path, ok: bool, log: str):
        self.root, self.site, self.ok, self.log = root, site, ok, log

    def html(self, name: str, lang: str):
        return kbcheck.soup(kbcheck.html_file(self.site, name, lang))


def build_site(root: Path, site: Path) -> Built:
    records: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: records.append(record.getMessage())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
            ok = True
        except Abort as error:
            records.append(str(error))
            ok = False
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return Built(root, site, ok, "\n".join(records))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    built = build_site(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert built.ok, f"the real site does not build:\n{built.log}"
    return built


@pytest.fixture
def fixture_site(tmp_path):
    """Copy tests/fixtures/<name>, let the test break it, build it: `make(edit)` returns Built."""

    builds = iter(range(1, 100))

    def make(edit=None, name: str = "mini") -> Built:
        number = next(builds)  # a test may build more than one variant
        root = tmp_path / f"{name}-{number}"
        shutil.copytree(FIXTURES / name, root)
        for shared in ("hooks", "overrides"):
            (root / shared).symlink_to(ROOT / shared)
        shutil.copy(ROOT / "data" / "guide.yml", root / "data" / "guide.yml")
        if edit:
            edit(root)
        return build_site(root, tmp_path / f"out-{number}")

    return make


def replace_in(path: str, old: str, new: str):
    """An edit for `fixture_site`: replace the first `old` in the fixture's file `path` by `new`."""

    def edit(root: Path):
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


# Browser: the built site served on localhost, Debian's Chromium driven by Playwright.


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium (it asks for the `browser` fixture, directly or through
    `phone`, `server`…) is marked `browser`: `pytest -m "not browser"` is the fast loop."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1 (a free port) for the whole session; yields the base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def phone(browser, server):
    """A fresh phone-sized browser context (360×740, touch, clipboard allowed); yields a page.

    The offline service worker is blocked here (it would precache the whole language on every test);
    tests/browser/test_offline_browser.py tests it with its own contexts."""
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
        base_url=server,
        permissions=["clipboard-read", "clipboard-write"],
        service_workers="block",
    )
    page = context.new_page()
    yield page
    context.close()


# Helpers shared by test files (a test file never imports another)

OFFLINE_TITLE = {"es": "Sin conexión", "en": "You are offline"}


def worker_data(site: Path, lang: str) -> dict:
    """The `self.KB_OFFLINE = {...};` line that kb/offline.py writes above the worker's code."""
    sw = (site / kbcheck.LANGS[lang] / "sw.js").read_text(encoding="utf-8")
    line = next(line for line in sw.splitlines() if line.startswith("self.KB_OFFLINE = "))
    return json.loads(line.removeprefix("self.KB_OFFLINE = ").rstrip(";"))


def served_file(site: Path, lang: str, entry: str) -> Path:
    """The file a precache entry (relative to the worker) is served from."""
    path = (site / kbcheck.LANGS[lang] / entry).resolve()
    return path / "index.html" if entry.endswith("/") else path


def pdf_info(pdf: bytes, tmp_path, name: str = "out.pdf") -> tuple[int, str]:
    """(number of pages, text) of a PDF, read with poppler-utils."""
    for tool in ("pdfinfo", "pdftotext"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: install Debian's poppler-utils (see .ci/run)")
    path = tmp_path / name
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, text
