"""Keep the guide readable with no signal: one service worker per language, with a versioned precache.

A reader on hold with a weak signal must still be able to open any guide, or a link a helper shared,
once they have visited the site. At each language's root (`/`, `/en/`) this post-build step writes:

- `sw.js`: the service worker (its code is `offline_sw.js` next to this file) preceded by its data:
  every page of the language, the offline page, the styles, scripts and icons those pages load, and
  the search code and index they load on demand (`data-kb-search-script`, and the folder named by a
  `data-kb-search` attribute). The version is a hash of those files' bytes, so any deploy that
  changes one of them changes `sw.js`: the browser installs the new worker, which fetches the new
  files and deletes the old cache.
- `offline.html`: a small page in that language (its markup is `offline_page.html` next to this
  file, its words are in data/ui.yml), shown instead of a page that is not cached, with links to
  every page that is. The worker at the site's root also carries the other languages' offline
  pages: its scope holds their folders, and a reader who never opened an English page has no
  English worker.

Each file's own hash goes with it, so an update fetches only the files that changed and copies the
others from the old cache. A page answered from the cache carries `<meta name="kb-saved">` with the
date it was saved, which kb/js/offline.js turns into a line saying the reader sees a saved copy.

A page registers the worker that sits next to its `<link rel="manifest">` (kb/js/offline.js). It
runs last among the post-build steps: the precache hashes the final bytes of everything else.
"""

import hashlib
import html
import json
import posixpath
from pathlib import Path

from kb.langs import LANGS, prefix, ui
from kb.site import BuiltPage, Site, resolve

HERE = Path(__file__).parent
OFFLINE = "offline.html"


def build(site: Site, langs: tuple[str, ...] = LANGS) -> None:
    root = site.base_path()
    for lang in langs:
        pages = site.in_menu_order(lang)
        if pages:
            _write(site, lang, pages, root)


# Helpers


def _write(site: Site, lang: str, pages: list[BuiltPage], root: str) -> None:
    home = prefix(lang)
    (site.root / home / OFFLINE).write_text(_offline_page(lang, pages, root), encoding="utf-8")
    urls = {home + OFFLINE}
    listings: dict[str, set[str]] = {}  # a folder's files, listed once per language, not per page
    for page in pages:
        urls |= {page.url, *_assets(site.root, page, listings)}
    precache = sorted(urls)
    data = {
        "lang": lang,
        "version": _version(site.root, precache),
        "prefix": f"kb-{lang}-",
        "offline": OFFLINE,
        "precache": [_relative(url, home) for url in precache],
        "hashes": [_digest(_file(site.root, url).read_bytes()) for url in precache],
        "others": _others(lang, root),
    }
    code = (HERE / "offline_sw.js").read_text(encoding="utf-8")
    header = "// Written by kb/offline.py from kb/offline_sw.js: do not edit.\n"
    sw = f"{header}self.KB_OFFLINE = {json.dumps(data, ensure_ascii=False)};\n{code}"
    (site.root / home / "sw.js").write_text(sw, encoding="utf-8")


def _file(site: Path, url: str) -> Path:
    """The file served for a site-relative URL: a directory URL serves its index.html."""
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def _relative(url: str, home: str) -> str:
    """`url` (site-relative) as seen from the language root `home`: `../assets/kb.js`, `frases/`."""
    rel = posixpath.relpath(url or ".", home or ".")
    if url == "" or url.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def _assets(site: Path, page: BuiltPage, listings: dict[str, set[str]]) -> set[str]:
    """Site-relative URLs of the files a built page loads, and of the search index it loads."""
    tree = page.tree
    # Links are the head's and the body's own (kb/critical.py moves the stylesheets to the end of
    # the body): not searched for in a long side menu.
    refs = [
        node.attributes.get("href") or ""
        for node in tree.css("head > link[href], body > link[href]")
        if set((node.attributes.get("rel") or "").split()) & _LOADED_RELS
    ]
    refs += [node.attributes.get("src") or "" for node in tree.css("script[src], img[src]")]
    # search's script, which the page loads when the reader opens search (kb/js/search-load.js)
    refs += [n.attributes.get("data-kb-search-script") or "" for n in tree.css("[data-kb-search-script]")]
    found = {resolve(page.url, ref) for ref in refs}
    found = {ref for ref in found if ref and _file(site, ref).is_file()}
    for node in tree.css("[data-kb-search]"):  # the folder of the site's own search index
        folder = resolve(page.url, node.attributes["data-kb-search"].rstrip("/") + "/")
        if folder and folder not in listings:  # files by construction: not checked again page after page
            listings[folder] = {
                p.relative_to(site).as_posix() for p in (site / folder).rglob("*") if p.is_file()
            }
        found |= listings.get(folder, set())
    return found


def _digest(data: bytes) -> str:
    """A file's own hash: an update copies the files whose hash did not change from the old cache."""
    return hashlib.sha256(data).hexdigest()[:12]


def _others(lang: str, root: str) -> dict[str, str]:
    """For the worker at the site's root, whose scope holds the other languages' folders too: each
    other language's offline page, by its folder relative to the worker ({"en/": "<html>…"}), for a
    reader whose phone has never opened a page in that language (so has no worker of its own)."""
    if prefix(lang):
        return {}
    return {prefix(other): _offline_page(other, [], root) for other in LANGS if prefix(other)}


def _version(site: Path, precache: list[str]) -> str:
    digest = hashlib.sha256()
    for url in precache:
        data = _file(site, url).read_bytes()
        digest.update(f"{url}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()[:12]


def _offline_page(lang: str, pages: list[BuiltPage], root: str) -> str:
    """Served at whatever address was asked for, so its links are absolute paths."""
    text = {k: html.escape(v) for k, v in ui("offline")[lang].items()}
    items = "\n".join(
        f'<li><a href="{html.escape(root + page.url)}">{html.escape(page.title)}</a></li>' for page in pages
    )
    if not pages:  # no page of this language is saved: no list to introduce
        text["saved"] = ""
    template = (HERE / "offline_page.html").read_text(encoding="utf-8")
    return template.format(lang=lang, items=items, **text)


# Data

_LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest"}
