"""Keep the guide readable with no signal: one service worker per language, with a versioned precache.

A reader on hold with a weak signal must still be able to open any guide, or a link a helper shared,
once they have visited the site. At each language's root (`/`, `/en/`) this hook writes:

- `sw.js`: the service worker (its code is `offline_sw.js` next to this file) preceded by its data:
  every page of the language, the offline page, the styles, scripts and icons those pages load, and
  the search index they load on demand (the folder named by a `data-kb-search` attribute, and
  Material's search worker, index and language support if the page has its search box). The version is a
  hash of those files' bytes, so any deploy that changes one of them changes `sw.js`: the browser
  installs the new worker, which fetches the new files and deletes the old cache.
- `offline.html`: a small page in that language (its markup is `offline_page.html` next to this
  file), shown instead of a page that is not cached, with links to every page that is.

A page registers the worker that sits next to its `<link rel="manifest">` (kb/js/offline.js, in assets/kb.js).
mkdocs-static-i18n builds every language into the same site_dir, the default language's build
finishing last, and rewrites the search index at the very end. So every post_build rewrites the
files of every language built so far: the last one writes them all from the final bytes.
"""

import hashlib
import html
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

# Hooks


@event_priority(-110)  # after mkdocs-static-i18n (-100) has made this language's navigation
def on_nav(nav, config, files):
    _navs.setdefault(config.site_dir, {})[config.theme["language"]] = nav
    return nav


@event_priority(-120)  # last: after mkdocs-static-i18n's other builds and every hook that writes files
def on_post_build(config):
    site = Path(config.site_dir)
    root = urlsplit(config.site_url or "/").path or "/"
    for lang, nav in _navs.get(config.site_dir, {}).items():
        _write(site, lang, nav, root)


# Helpers


def _write(site: Path, lang: str, nav, root: str) -> None:
    home = nav.homepage.url if nav.homepage else ""
    pages = [(page.url, page.title) for page in nav.pages]
    (site / home / _OFFLINE).write_text(_offline_page(lang, pages, root), encoding="utf-8")
    urls = {home + _OFFLINE}
    listings: dict[str, set[str]] = {}  # a folder's files, listed once per language, not per page
    for url, _ in pages:
        urls |= {url, *_assets(site, url, listings)}
    precache = sorted(urls)
    data = {
        "lang": lang,
        "version": _version(site, precache),
        "prefix": f"kb-{lang}-",
        "offline": _OFFLINE,
        "precache": [_relative(url, home) for url in precache],
    }
    code = (Path(__file__).parent / "offline_sw.js").read_text(encoding="utf-8")
    header = "// Written by hooks/offline.py from hooks/offline_sw.js: do not edit.\n"
    sw = f"{header}self.KB_OFFLINE = {json.dumps(data, ensure_ascii=False)};\n{code}"
    (site / home / "sw.js").write_text(sw, encoding="utf-8")


def _file(site: Path, url: str) -> Path:
    """The file served for a site-relative URL: a directory URL serves its index.html."""
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def _relative(url: str, home: str) -> str:
    """`url` (site-relative) as seen from the language root `home`: `../assets/kb.js`, `frases/`."""
    rel = posixpath.relpath(url or ".", home or ".")
    if url == "" or url.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def _assets(site: Path, url: str, listings: dict[str, set[str]]) -> set[str]:
    """Site-relative URLs of the files a built page loads, and of the search index it loads."""
    page = _file(site, url)
    stamp = page.stat().st_mtime_ns  # each language's post_build sees the pages built before it
    if _parsed.get(page, (None,))[0] != stamp:  # parse a page once per build of it, not per post_build
        _parsed[page] = (stamp, _Loads())
        _parsed[page][1].feed(page.read_text(encoding="utf-8"))
    parser = _parsed[page][1]
    found = {_resolve(url, ref) for ref in parser.refs}
    worker = _resolve(url, parser.config.get("search", ""))
    if worker and parser.material_search:
        found |= _search_assets(site, worker, _resolve(url, parser.config.get("base", ".") + "/") or "")
    found = {ref for ref in found if ref and _file(site, ref).is_file()}
    for folder in filter(None, (_resolve(url, ref.rstrip("/") + "/") for ref in parser.folders)):
        if folder not in listings:  # files by construction: not checked again page after page
            listings[folder] = {
                p.relative_to(site).as_posix() for p in (site / folder).rglob("*") if p.is_file()
            }
        found |= listings[folder]
    return found


def _search_assets(site: Path, worker: str, base: str) -> set[str]:
    """What Material's search worker loads: the index, then lunr's support for the index languages."""
    index = posixpath.join(base, "search/search_index.json")
    try:
        langs = json.loads(_file(site, index).read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError):
        return {worker}
    lunr = posixpath.normpath(posixpath.join(posixpath.dirname(worker), "../lunr/min"))
    scripts = ["stemmer.support", *(lang for lang in langs if lang != "en")]
    scripts += ["multi"] if len(langs) > 1 else []
    return {worker, index, *(f"{lunr}/lunr.{name}.min.js" for name in scripts)}


def _resolve(page_url: str, ref: str) -> str | None:
    """A reference in a page, as a site-relative URL; None when it is not a file of this site."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(page_url, parts.path))
    if path.startswith(".."):
        return None
    if path == ".":
        return ""
    return path + "/" if parts.path.endswith("/") else path


def _version(site: Path, precache: list[str]) -> str:
    digest = hashlib.sha256()
    for url in precache:
        data = _file(site, url).read_bytes()
        digest.update(f"{url}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()[:12]


def _offline_page(lang: str, pages: list[tuple[str, str]], root: str) -> str:
    """Served at whatever address was asked for, so its links are absolute paths."""
    text = _TEXT.get(lang, _TEXT["en"])
    items = "\n".join(
        f'<li><a href="{html.escape(root + url)}">{html.escape(title or url)}</a></li>'
        for url, title in pages
    )
    page = (Path(__file__).parent / "offline_page.html").read_text(encoding="utf-8")
    return page.format(lang=lang, items=items, **{k: html.escape(v) for k, v in text.items()})


class _Loads(HTMLParser):
    """Collects what a page loads (styles, scripts, icons, manifest, images, search index folder)
    and Material's config."""

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.folders: list[str] = []
        self.material_search = False  # Material starts its search worker only for its own search box
        self.config: dict = {}
        self._config: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        rel = set((attr.get("rel") or "").split())
        if tag == "link" and rel & _LOADED_RELS and attr.get("href"):
            self.refs.append(attr["href"])
        elif tag in ("script", "img") and attr.get("src"):
            self.refs.append(attr["src"])
        self.material_search |= attr.get("data-md-component") == "search"
        if attr.get("data-kb-search"):  # the folder of the site's own search index (hooks/search.py)
            self.folders.append(attr["data-kb-search"])
        if tag == "script" and attr.get("id") == "__config":
            self._config = []

    def handle_data(self, data):
        if self._config is not None:
            self._config.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._config is not None:
            self.config = json.loads("".join(self._config))
            self._config = None


# Data

_navs: dict[str, dict] = {}  # site_dir -> language -> navigation of that language's build
_parsed: dict[Path, tuple] = {}  # page file -> (its mtime, what it loads)
_OFFLINE = "offline.html"
_LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest"}
_TEXT = {
    "es": {
        "title": "Sin conexión",
        "lead": "No hay señal y esta página no está guardada en este teléfono.",
        "saved": "Estas páginas sí se pueden leer sin conexión:",
        "back": "Cuando vuelva la señal, recargue la página.",
    },
    "en": {
        "title": "You are offline",
        "lead": "There is no signal, and this page is not saved on this phone.",
        "saved": "You can read these pages offline:",
        "back": "When the signal is back, reload the page.",
    },
}
