"""What a first visit costs a reader and what it leaves on the phone.

Each page is opened once in a fresh browser context (empty cache, no cookies) and watched until the
network goes quiet. Service workers are blocked in those visits: what a worker fetches does not
depend on the page (kb/offline.py gives it one list per language), so one guide per language is
also visited with workers allowed, until the worker has installed, and its requests and storage are
checked the same way. From these visits:

- privacy: every request goes to the site's own origin (data: URLs aside), none fails, no cookie
  is set, and the only storage written is Material's UI state (below) — the reader's own details
  (`kb-details`) are written only when the reader types them (test at the end);
- bytes: a guide's first visit stays within `first_visit_guide` of data/budgets.yml, counting each
  file fetched as its gzip level-6 size (what a static host sends);
- the offline worker (decisions/0002-offline.md): it starts after the page has loaded, its cache
  holds only the site's own public files, and a reader whose phone asks to save data gets none;
  the switch in the About page's privacy section deletes the copy and stops it for good (both
  languages), or saves one for a reader who asks to save data (`kb-offline`, the reader's choice).

Material's own UI state is `localStorage["<scope>.__<name>"]`, scope being the language root ("/",
"/en/"); with this site's configuration it writes none on a visit. The names allowed, and the
reader's own keys, are listed in data/privacy.yml.
"""

import gzip
import json
import re
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from conftest import LANGS, PAGES, PHONE, ROOT
from kb import checks as kbcheck

BUDGET = yaml.safe_load((ROOT / "data" / "budgets.yml").read_text(encoding="utf-8"))["first_visit_guide"]
GUIDES = kbcheck.guides()
PRIVACY = yaml.safe_load((ROOT / "data" / "privacy.yml").read_text(encoding="utf-8"))
READER_KEY = PRIVACY["reader"]["details"]
MATERIAL_UI = re.compile(r"/(en/)?\.__(" + "|".join(map(re.escape, PRIVACY["material_ui"])) + ")")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map"}
QUIET_S, MAX_S = 0.5, 20.0
WITH_WORKER = "compra-anticipada"  # the guide visited with service workers allowed

STORAGE = """async () => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  indexedDB: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
  caches: self.caches ? await caches.keys() : [],
})"""

# Service workers of the page's language have finished installing (or there are none).
WORKERS_SETTLED = """async () => {
  if (!navigator.serviceWorker) return true;
  const registrations = await navigator.serviceWorker.getRegistrations();
  return registrations.every(r => !r.installing && !r.waiting);
}"""


class Visit:
    def __init__(self):
        self.requests: list[dict] = []
        self.open = 0
        self.last = time.monotonic()
        self.storage: dict = {}
        self.cookies: list = []


_visits: dict = {}


def first_visit(browser, server: str, name: str, lang: str, workers: bool = False) -> Visit:
    """Open one page in a fresh context and record everything until the network is quiet."""
    key = (name, lang, workers)
    if key in _visits:
        return _visits[key]
    visit = Visit()
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        base_url=server,
        service_workers="allow" if workers else "block",
    )

    def started(request):
        visit.open += 1
        visit.last = time.monotonic()
        visit.requests.append(
            {
                "url": request.url,
                "worker": request.service_worker is not None,
                "status": None,
                "request": request,
            }
        )

    def ended(request, failed=False):
        visit.open -= 1
        visit.last = time.monotonic()
        for entry in visit.requests:
            if entry["request"] is request and entry["status"] is None:
                response = None if failed else request.response()
                entry["status"] = "failed" if response is None else response.status
                break

    context.on("request", started)
    context.on("requestfinished", ended)
    context.on("requestfailed", lambda request: ended(request, failed=True))
    try:
        page = context.new_page()
        page.goto(kbcheck.url_of(name, lang) or "./", wait_until="load")
        deadline = time.monotonic() + MAX_S
        while time.monotonic() < deadline:
            page.wait_for_timeout(150)
            quiet = visit.open <= 0 and time.monotonic() - visit.last >= QUIET_S
            if quiet and page.evaluate(WORKERS_SETTLED):
                break
        visit.storage = page.evaluate(STORAGE)
        visit.cookies = context.cookies()
    finally:
        context.close()
    for entry in visit.requests:
        del entry["request"]
    _visits[key] = visit
    return visit


@lru_cache(maxsize=1024)
def sent_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6)) if path.suffix in COMPRESSED else len(data)


def built_file(site: Path, url: str) -> Path:
    path = urlsplit(url).path
    file = site / path.lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def assert_own_origin_only(visit: Visit, server: str, where: str):
    origin = urlsplit(server)[:2]
    elsewhere = sorted(
        {
            r["url"][:100]
            for r in visit.requests
            if not r["url"].startswith("data:") and urlsplit(r["url"])[:2] != origin
        }
    )
    assert visit.requests, f"{where}: no request recorded (recorder broken?)"
    assert not elsewhere, f"{where}: {len(elsewhere)} vs 0 requests to other origins: {elsewhere}"
    failed = sorted(
        f"{r['url']} ({r['status']})"
        for r in visit.requests
        if r["status"] == "failed" or (isinstance(r["status"], int) and r["status"] >= 400)
    )
    assert not failed, f"{where}: {len(failed)} vs 0 failed requests: {failed[:6]}"


def assert_nothing_stored(visit: Visit, where: str):
    assert visit.cookies == [], f"{where}: cookies {[c['name'] for c in visit.cookies]} vs none"
    local = [k for k in visit.storage["local"] if not MATERIAL_UI.fullmatch(k)]
    assert local == [], f"{where}: localStorage keys {local} vs none (Material UI state aside)"
    session = [k for k in visit.storage["session"] if not MATERIAL_UI.fullmatch(k)]
    assert session == [], f"{where}: sessionStorage keys {session} vs none"
    assert visit.storage["indexedDB"] == [], f"{where}: IndexedDB {visit.storage['indexedDB']} vs none"


def fetched_bytes(visit: Visit, server: str, site: Path, worker: bool) -> tuple[int, str]:
    """gzip bytes of the site's files fetched (by the worker too if `worker`), and the biggest ones."""
    files = [
        built_file(site, r["url"])
        for r in visit.requests
        if r["url"].startswith(server) and (worker or not r["worker"])
    ]
    files = [f for f in files if f.is_file()]
    biggest = ", ".join(
        f"{f.name} {sent_size(f)}" for f in sorted(set(files), key=sent_size, reverse=True)[:4]
    )
    return sum(sent_size(f) for f in files), biggest


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_requests_only_to_the_site_itself(browser, server, name, lang):
    assert_own_origin_only(first_visit(browser, server, name, lang), server, f"{lang}/{name}")


@pytest.mark.parametrize("lang", LANGS)
def test_service_worker_requests_only_to_the_site_itself(browser, server, lang):
    visit = first_visit(browser, server, WITH_WORKER, lang, workers=True)
    assert_own_origin_only(visit, server, f"{lang}/{WITH_WORKER} with workers")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_cookies_and_no_storage_unasked(browser, server, name, lang):
    assert_nothing_stored(first_visit(browser, server, name, lang), f"{lang}/{name}")


@pytest.mark.parametrize("lang", LANGS)
def test_no_cookies_and_no_storage_unasked_with_workers(browser, server, lang):
    visit = first_visit(browser, server, WITH_WORKER, lang, workers=True)
    assert_nothing_stored(visit, f"{lang}/{WITH_WORKER} with workers")


CACHED = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push([name, request.url]);
  }
  return urls;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_offline_cache_holds_only_the_sites_own_public_files(browser, server, site, lang):
    """The one storage a reader does not ask for: the language's public pages, for reading offline.

    decisions/0002-offline.md: Cache Storage may hold only same-origin files listed in that
    language's service worker (public pages and assets, nothing about the reader), plus the
    worker's own note of their hashes (`kb-offline-hashes`, from the same public list), which lets an
    update fetch only the files that changed.
    """
    context = browser.new_context(viewport=PHONE, base_url=server, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(kbcheck.url_of(WITH_WORKER, lang), wait_until="load")
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")  # installed: precache done
        cached = page.evaluate(CACHED)
    finally:
        context.close()
    sw = (site.site / kbcheck.url_of("index", lang) / "sw.js").read_text(encoding="utf-8")
    listed = json.loads(sw.split("self.KB_OFFLINE = ", 1)[1].split(";\n", 1)[0])
    root = server + kbcheck.url_of("index", lang)
    allowed = {urljoin(root, path) for path in listed["precache"]} | {urljoin(root, "kb-offline-hashes")}
    names = {name for name, _ in cached}
    assert names == {listed["prefix"] + listed["version"]}, f"{lang}: caches {names}"
    extra = sorted(url for _, url in cached if url not in allowed)
    assert cached and not extra, (
        f"{lang}: {len(extra)} vs 0 cached files outside the worker's list: {extra[:5]}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_save_data_first_visit_within_budget_everything_included(browser, server, site, lang):
    """A reader whose phone asks to save data gets the page only: no worker, no precache."""
    context = browser.new_context(viewport=PHONE, base_url=server, service_workers="allow")
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    requests = []
    context.on("requestfinished", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(kbcheck.url_of(WITH_WORKER, lang), wait_until="networkidle")
        page.wait_for_timeout(1000)
        workers = page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length")
        caches = page.evaluate("async () => (await caches.keys()).length")
    finally:
        context.close()
    assert workers == 0 and caches == 0, f"{lang}: {workers} workers, {caches} caches vs none"
    files = {built_file(site.site, url) for url in requests if url.startswith(server)}
    size = sum(sent_size(f) for f in files if f.is_file())
    assert size <= BUDGET, f"{lang}/{WITH_WORKER}: first visit {size} B gzip vs budget {BUDGET}"


@pytest.mark.parametrize("name", GUIDES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_load_within_budget(browser, server, site, name, lang):
    """What the page itself fetches (what Lighthouse counts): HTML, CSS, JS, icons, manifest."""
    size, biggest = fetched_bytes(first_visit(browser, server, name, lang), server, site.site, worker=False)
    assert size <= BUDGET, f"{lang}/{name}: page load {size} B gzip vs budget {BUDGET} ({biggest}, …)"


@pytest.mark.parametrize("lang", LANGS)
def test_reader_details_are_the_only_thing_kept(phone, lang):
    """Typing in the fill-in form keeps `kb-details` and nothing else; "forget" removes it."""
    phone.goto(kbcheck.url_of("frases", lang))
    phone.locator(".kb-fill summary").first.click()
    field = phone.locator(".kb-fill input[type=text]").first
    field.fill("Tienda Uno")
    phone.locator(".md-typeset .kb-copy").first.click()
    kept = phone.evaluate(STORAGE)
    local = [k for k in kept["local"] if not MATERIAL_UI.fullmatch(k)]
    assert local == [READER_KEY], f"{lang}: localStorage keys {local} vs ['{READER_KEY}']"
    assert "Tienda Uno" in phone.evaluate(f"localStorage.getItem('{READER_KEY}')"), f"{lang}: detail not kept"
    assert kept["session"] == [], f"{lang}: sessionStorage keys {kept['session']} vs none"
    assert phone.context.cookies() == [], f"{lang}: cookies set"
    phone.locator(".kb-forget").first.click()
    left = [k for k in phone.evaluate(STORAGE)["local"] if not MATERIAL_UI.fullmatch(k)]
    assert left == [], f"{lang}: after 'forget' localStorage keys {left} vs none"


OFFLINE_KEY = PRIVACY["reader"]["offline"]
OFFLINE_STATE = f"""async () => ({{
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  caches: (await caches.keys()).filter(k => /^kb-/.test(k)).length,
  choice: localStorage.getItem("{OFFLINE_KEY}"),
}})"""


def _offline_state(page, workers: int, where: str) -> dict:
    """The worker count, once it is `workers` (a switch's work is asynchronous), and the rest."""
    try:
        page.wait_for_function(
            f"async () => (await navigator.serviceWorker.getRegistrations()).length === {workers}",
            timeout=10_000,
        )
    except PlaywrightTimeout:
        pass  # the assertion below gives both sides
    if workers:
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    state = page.evaluate(OFFLINE_STATE)
    assert state["workers"] == workers, f"{where}: {state['workers']} vs {workers} service workers"
    return state


@pytest.mark.parametrize("lang", LANGS)
def test_reader_can_delete_the_offline_copy_and_stop_it(browser, server, lang):
    """About › Privacy: one tap deletes every cached page and the worker; no page brings them back."""
    context = browser.new_context(viewport=PHONE, base_url=server, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(kbcheck.url_of(WITH_WORKER, lang), wait_until="load")
        assert _offline_state(page, 1, f"{lang}: first visit")["caches"] == 1, f"{lang}: no cache"
        page.goto(kbcheck.url_of("acerca", lang) + "#privacidad")
        switch = page.locator(".kb-offline .kb-offline-switch")
        assert switch.is_visible(), f"{lang}: no offline switch on the About page"
        before = page.locator(".kb-offline").inner_text()
        switch.click()
        expect(page.locator(".kb-offline .kb-status")).not_to_be_empty()
        state = _offline_state(page, 0, f"{lang}: after 'delete'")
        assert state == {"workers": 0, "caches": 0, "choice": "off"}, f"{lang}: after 'delete' {state}"
        assert page.locator(".kb-offline").inner_text() != before, f"{lang}: the switch still says {before!r}"
        for other in LANGS:  # the choice holds in both languages, page after page
            page.goto(kbcheck.url_of(WITH_WORKER, other), wait_until="load")
            page.wait_for_timeout(500)
            state = page.evaluate(OFFLINE_STATE)
            assert state == {"workers": 0, "caches": 0, "choice": "off"}, f"{other} after 'delete': {state}"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_save_data_reader_can_still_save_the_guide(browser, server, lang):
    """A reader who asks to save data gets no copy until they tap "save" on the About page."""
    context = browser.new_context(viewport=PHONE, base_url=server, service_workers="allow")
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    try:
        page = context.new_page()
        page.goto(kbcheck.url_of("acerca", lang) + "#privacidad", wait_until="load")
        assert _offline_state(page, 0, f"{lang}: Save-Data visit")["choice"] is None
        page.locator(".kb-offline .kb-offline-switch").click()
        state = _offline_state(page, 1, f"{lang}: after 'save'")
        assert state["choice"] == "on" and state["caches"] == 1, f"{lang}: after 'save' {state}"
    finally:
        context.close()
