"""What the build writes for offline reading and the home screen, checked on the built files.

Each language has a service worker whose precache holds every page of the language and what those
pages load, within a byte budget; its version changes with any precached byte and only then; an
offline page in the language links to the cached pages; a manifest with icons that exist. The
behaviour in a browser (offline, then a new deploy) is in tests/browser/test_offline_browser.py.
"""

import gzip
import json
import shutil
import struct
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, OFFLINE_TITLE, PAGES, ROOT, build_site, served_file, worker_data
from kb import checks as kbcheck

BUDGET = yaml.safe_load((ROOT / "data" / "budgets.yml").read_text(encoding="utf-8"))["offline_precache"]
NAME = {"es": "Guía Progressive Leasing", "en": "Progressive Leasing Guide"}


def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


@pytest.mark.parametrize("lang", LANGS)
def test_precache_fits_the_budget(site, lang):
    data = worker_data(site.site, lang)
    files = [served_file(site.site, lang, entry) for entry in data["precache"]]
    total = sum(_gzipped(f) for f in files) + _gzipped(site.site / kbcheck.LANGS[lang] / "sw.js")
    assert total <= BUDGET, f"{lang}: precache is {total} bytes gzipped vs budget {BUDGET}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_precached_entry_is_a_built_file(site, lang):
    data = worker_data(site.site, lang)
    missing = [e for e in data["precache"] if not served_file(site.site, lang, e).is_file()]
    assert not missing, f"{lang}: precached but not built: {missing}"
    assert len(set(data["precache"])) == len(data["precache"]), f"{lang}: duplicate entries"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_and_what_it_loads_are_precached(site, name, lang):
    data = worker_data(site.site, lang)
    cached = {served_file(site.site, lang, e) for e in data["precache"]}
    page_file = kbcheck.html_file(site.site, name, lang).resolve()
    assert page_file in cached, f"{lang}/{name}: page not in the precache of {lang}/sw.js"
    page = site.html(name, lang)
    refs = [el["src"] for el in page.select("script[src]")]
    refs += [
        el["href"] for el in page.select('link[rel~="stylesheet"], link[rel~="icon"], link[rel="manifest"]')
    ]
    loaded = {(page_file.parent / ref).resolve() for ref in refs if "://" not in ref}
    assert loaded, f"{lang}/{name}: loads nothing? (parsing failed)"
    assert not loaded - cached, f"{lang}/{name}: loads but not precached: {sorted(map(str, loaded - cached))}"


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_is_precached(site, lang):
    """Search's code and index are fetched on demand: all of this language's must be there offline."""
    page = site.html("index", lang)
    box = page.select_one("[data-kb-search]")
    if box is None:
        pytest.skip("no site search box on this build")
    folder = (kbcheck.html_file(site.site, "index", lang).parent / box["data-kb-search"]).resolve()
    index = {p for p in folder.rglob("*") if p.is_file()}
    index.add((kbcheck.html_file(site.site, "index", lang).parent / box["data-kb-search-script"]).resolve())
    cached = {served_file(site.site, lang, e) for e in worker_data(site.site, lang)["precache"]}
    assert index, f"{lang}: search folder {folder} is empty"
    assert not index - cached, f"{lang}: search files not precached: {sorted(map(str, index - cached))[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_offline_page_in_its_language_links_every_cached_page(site, lang):
    data = worker_data(site.site, lang)
    page = kbcheck.soup(site.site / kbcheck.LANGS[lang] / data["offline"])
    assert page.html["lang"] == lang, f"offline page lang={page.html['lang']} vs {lang}"
    assert page.h1.get_text() == OFFLINE_TITLE[lang], f"{page.h1.get_text()!r} vs {OFFLINE_TITLE[lang]!r}"
    links = {a["href"] for a in page.select(".kb-offline-pages a")}
    expected = {"/" + kbcheck.url_of(name, lang) for name in PAGES}
    assert links == expected, (
        f"{lang}: only linked {sorted(links - expected)}, not linked {sorted(expected - links)}"
    )
    assert data["offline"] in data["precache"], f"{lang}: the offline page itself is not precached"
    assert not page.select("script, link[rel=stylesheet]"), f"{lang}: offline page needs other files"


@pytest.mark.parametrize("lang", LANGS)
def test_manifest_for_the_home_screen(site, lang):
    home = kbcheck.html_file(site.site, "index", lang)
    link = site.html("index", lang).select_one('link[rel="manifest"]')
    assert link, f"{lang}: no <link rel=manifest>"
    path = (home.parent / link["href"]).resolve()
    assert path == (site.site / kbcheck.LANGS[lang] / "manifest.webmanifest").resolve(), f"{lang}: {path}"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert manifest["lang"] == lang and manifest["name"] == NAME[lang], (
        f"{manifest['lang']}, {manifest['name']}"
    )
    assert 0 < len(manifest["short_name"]) <= 12, (
        f"short_name {manifest['short_name']!r}: 12 characters at most"
    )
    assert (path.parent / manifest["start_url"]).resolve() == home.parent.resolve(), manifest["start_url"]
    assert manifest["scope"] == "./" and manifest["display"] == "standalone"
    assert manifest["theme_color"].startswith("#") and manifest["background_color"].startswith("#")
    sizes = set()
    for icon in manifest["icons"]:
        png = (path.parent / icon["src"]).resolve().read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", f"{icon['src']} is not a PNG"
        width, height = struct.unpack(">II", png[16:24])
        assert f"{width}x{height}" == icon["sizes"], f"{icon['src']}: {width}x{height} vs {icon['sizes']}"
        sizes.add(width)
    assert {192, 512} <= sizes, f"{lang}: icon sizes {sorted(sizes)}: Android needs 192 and 512"
    assert any(i.get("purpose") == "maskable" for i in manifest["icons"]), f"{lang}: no maskable icon"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project that a test may edit and rebuild (hooks and theme linked in)."""
    root = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, root / folder)
    for shared in ("hooks", "overrides"):
        (root / shared).symlink_to(ROOT / shared)
    return root


def test_version_changes_with_a_precached_byte_and_only_then(project, tmp_path):
    first = build_site(project, tmp_path / "a")
    again = build_site(project, tmp_path / "b")
    assert first.ok and again.ok, first.log + again.log
    before = {lang: worker_data(first.site, lang)["version"] for lang in LANGS}
    same = {lang: worker_data(again.site, lang)["version"] for lang in LANGS}
    assert same == before, f"same sources, different versions: {same} vs {before}"
    page = project / "docs" / "en" / "frases.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    changed = build_site(project, tmp_path / "c")
    assert changed.ok, changed.log
    after = {lang: worker_data(changed.site, lang)["version"] for lang in LANGS}
    assert after["en"] != before["en"], f"an en page changed, the en version did not: {after['en']}"
