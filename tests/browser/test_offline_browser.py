"""A reader loses the signal after one visit, then the site is deployed again.

After one page has loaded, every page of that language opens with no network, styled and with its
scripts, including a shared deep link with an #anchor; a page that is not cached shows the offline
page in the reader's language. After a new deploy the reader online gets the new pages and the new
version's cache replaces the old one, so offline they read the new pages too.

Playwright's `set_offline` does not reach service workers (microsoft/playwright#2311), so "no
signal" here is both: the page offline and the local server stopped. Each test builds its own copy
of the project and serves it on its own port, which the test can stop, rebuild and start again.
"""

import functools
import http.server
import shutil
import socket
import threading

import pytest
import yaml

from conftest import LANGS, OFFLINE_TITLE, PAGES, PHONE, ROOT, build_site, worker_data
from kb import checks as kbcheck

DEEP = ("compra-anticipada", "si-no-se-resuelve")
WORDS = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["page"]


class Deploy:
    """A copy of the project, built into its own folder and served on a fixed local port."""

    def __init__(self, tmp):
        self.root, self.site = tmp / "project", tmp / "site"
        self.root.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", self.root / "mkdocs.yml")
        for folder in ("docs", "data"):
            shutil.copytree(ROOT / folder, self.root / folder)
        for shared in ("hooks", "overrides"):
            (self.root / shared).symlink_to(ROOT / shared)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.httpd = None
        self.requests: list[str] = []  # every path asked of the server, in order
        self.build()

    def build(self):
        built = build_site(self.root, self.site)
        assert built.ok, built.log

    def start(self):
        if self.httpd is not None:
            return

        asked = self.requests

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                asked.append(self.path.split("?")[0])
                super().do_GET()

            def end_headers(self):  # revalidate every time: no page comes from the HTTP cache unseen
                self.send_header("Cache-Control", "no-cache")
                super().end_headers()

        handler = functools.partial(Quiet, directory=str(self.site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    def h1(self, name: str, lang: str) -> str:
        return (
            kbcheck.soup(kbcheck.html_file(self.site, name, lang))
            .select_one("article h1")
            .get_text()
            .strip("¶ \n")
        )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build for the tests that only read it."""
    served = Deploy(tmp_path_factory.mktemp("offline"))
    yield served
    served.stop()


@pytest.fixture
def deploy(built):
    built.start()
    yield built
    built.stop()


@pytest.fixture
def own_deploy(tmp_path):
    """A build of its own, for a test that changes the sources and deploys again."""
    served = Deploy(tmp_path)
    served.start()
    yield served
    served.stop()


@pytest.fixture
def phone_for(browser):
    """`phone_for(deploy)`: a fresh phone-sized page on that deploy (its own service workers and caches)."""
    contexts = []

    def make(served):
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, base_url=served.url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def reader(phone_for, deploy):
    return phone_for(deploy)


def _first_visit(page, url: str):
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)


def _go_offline(page, deploy):
    deploy.stop()
    page.context.set_offline(True)


def _go_online(page, deploy):
    deploy.start()
    page.context.set_offline(False)


def _updated(page, want: str) -> list[str]:
    """Ask the worker to update, wait until `want` is the only cache left; the cache names."""
    return page.evaluate(
        """async want => {
            const registration = await navigator.serviceWorker.getRegistration();
            await registration.update();
            for (let i = 0; i < 200; i++) {
                const keys = await caches.keys();
                if (keys.length === 1 && keys[0] === want) return keys;
                await new Promise(done => setTimeout(done, 50));
            }
            return caches.keys();
        }""",
        want,
    )


def _rendered(page, where: str) -> str:
    """The page's h1, after checking that its styles and scripts came too."""
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).position")
    assert header == "sticky", f"{where}: Material's stylesheet did not load (header position {header!r})"
    assert page.locator(".kb-link").count() > 0, f"{where}: kb.js did not run (no copy-link buttons)"
    return page.locator("article h1").inner_text().strip("¶ \n")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_opens_offline_after_one_visit(reader, deploy, lang):
    _first_visit(reader, kbcheck.url_of("index", lang))
    _go_offline(reader, deploy)
    for name in PAGES:
        url = kbcheck.url_of(name, lang)
        reader.goto(url)
        where = f"offline {url or '/'}"
        assert _rendered(reader, where) == deploy.h1(name, lang), f"{where}: {_rendered(reader, where)!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_shared_deep_link_opens_offline_at_its_section(reader, deploy, lang):
    name, sid = DEEP
    _first_visit(reader, kbcheck.url_of("frases", lang))
    _go_offline(reader, deploy)
    reader.goto(f"{kbcheck.url_of(name, lang)}#{sid}")
    where = f"offline {kbcheck.url_of(name, lang)}#{sid}"
    assert _rendered(reader, where) == deploy.h1(name, lang), where
    top = reader.locator(f"article [id='{sid}']").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"], f"{where}: section top at {top}px, screen is {PHONE['height']}px"
    assert reader.evaluate("location.hash") == f"#{sid}", where


@pytest.mark.parametrize("lang", LANGS)
def test_page_not_cached_shows_offline_page_in_reader_language(reader, deploy, lang):
    _first_visit(reader, kbcheck.url_of("index", lang))
    _go_offline(reader, deploy)
    reader.goto(kbcheck.LANGS[lang] + "no-such-page/")
    assert reader.locator("html").get_attribute("lang") == lang
    heading = reader.locator("h1").inner_text()
    assert heading == OFFLINE_TITLE[lang], f"{heading!r} vs {OFFLINE_TITLE[lang]!r}"
    links = reader.locator(".kb-offline-pages a")
    assert links.count() == len(PAGES), f"{links.count()} links vs {len(PAGES)} pages"
    links.nth(len(PAGES) - 1).click()
    reader.wait_for_load_state()
    assert reader.locator("article h1").count() == 1, f"link from the offline page: {reader.url} did not open"


def test_new_deploy_replaces_the_old_cache(phone_for, own_deploy):
    deploy = own_deploy
    reader = phone_for(deploy)
    name = "compra-anticipada"
    url = kbcheck.url_of(name, "es")
    _first_visit(reader, url)
    old = worker_data(deploy.site, "es")["version"]
    _go_offline(reader, deploy)
    reader.goto(url)
    title = _rendered(reader, "offline, first deploy")
    assert title == deploy.h1(name, "es"), title

    source = deploy.root / "docs" / "es" / f"{name}.md"
    text = source.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    source.write_text(text.replace(heading, heading + " (segunda versión)", 1), encoding="utf-8")
    deploy.build()
    new = worker_data(deploy.site, "es")["version"]
    assert new != old, f"the page changed, the version did not ({old})"
    expected = heading.removeprefix("# ") + " (segunda versión)"

    _go_online(reader, deploy)
    reader.goto(url)
    assert _rendered(reader, "online, second deploy") == expected
    keys = _updated(reader, f"kb-es-{new}")
    assert keys == [f"kb-es-{new}"], f"caches {keys} vs only the new version kb-es-{new}"

    _go_offline(reader, deploy)
    reader.reload()
    assert _rendered(reader, "offline, second deploy") == expected
    reader.goto(kbcheck.url_of("devoluciones", "es"))
    assert _rendered(reader, "offline, other page") == deploy.h1("devoluciones", "es")


def test_a_page_from_the_cache_says_it_is_a_saved_copy_and_of_when(reader, deploy):
    _first_visit(reader, kbcheck.url_of("index", "es"))
    reader.goto(kbcheck.url_of("frases", "es"))  # online: no notice
    assert reader.locator(".kb-saved-copy").count() == 0, "a notice on a page that came from the network"
    _go_offline(reader, deploy)
    reader.goto(kbcheck.url_of("devoluciones", "es"))
    notice = reader.locator(".kb-saved-copy")
    notice.wait_for(timeout=5000)
    today = reader.evaluate(
        "() => new Date().toLocaleDateString('es-US', {day: 'numeric', month: 'long', year: 'numeric'})"
    )
    assert notice.inner_text() == WORDS["es"]["offlineCopy"].replace("{date}", today), notice.inner_text()
    assert reader.locator("article h1").count() == 1, "the notice replaced the page"


def test_an_english_page_offline_before_any_english_visit_gets_the_english_offline_page(reader, deploy):
    _first_visit(reader, kbcheck.url_of("index", "es"))  # only the Spanish worker, whose scope is /
    _go_offline(reader, deploy)
    reader.goto(kbcheck.url_of("cobranza", "en"))
    assert reader.locator("h1").inner_text() == OFFLINE_TITLE["en"]
    assert reader.evaluate("document.documentElement.lang") == "en"


def test_an_update_downloads_only_the_files_that_changed(phone_for, own_deploy):
    """A one-word edit to one page: the returning reader's new worker fetches the files whose bytes
    changed and copies the rest from the old cache."""
    deploy = own_deploy
    reader = phone_for(deploy)
    url = kbcheck.url_of("compra-anticipada", "es")
    _first_visit(reader, url)
    old = worker_data(deploy.site, "es")
    source = deploy.root / "docs" / "es" / "compra-anticipada.md"
    text = source.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    source.write_text(text.replace(heading, heading + " (revisada)", 1), encoding="utf-8")
    deploy.build()
    new = worker_data(deploy.site, "es")
    before = dict(zip(old["precache"], old["hashes"], strict=True))
    changed = {
        path
        for path, digest in zip(new["precache"], new["hashes"], strict=True)
        if before.get(path) != digest
    }
    assert 0 < len(changed) < len(new["precache"]) / 4, (
        f"{len(changed)} of {len(new['precache'])} files changed"
    )

    deploy.requests.clear()
    keys = _updated(reader, f"kb-es-{new['version']}")
    assert keys == [f"kb-es-{new['version']}"], keys
    fetched = {path.lstrip("/") for path in deploy.requests} - {"sw.js"}
    wanted = {served_path(entry) for entry in changed}
    assert fetched <= wanted, f"fetched files that did not change: {sorted(fetched - wanted)[:10]}"
    assert wanted <= fetched, f"changed files not fetched: {sorted(wanted - fetched)[:10]}"
    _go_offline(reader, deploy)
    reader.goto(url)
    assert _rendered(reader, "offline, after the update").endswith("(revisada)")
    reader.goto(kbcheck.url_of("devoluciones", "es"))
    assert _rendered(reader, "offline, a copied page") == deploy.h1("devoluciones", "es")


def served_path(entry: str) -> str:
    """A precache entry of the root worker as the server logs it: './' → '', 'frases/' → 'frases/'."""
    return "" if entry == "./" else entry.removeprefix("./")
