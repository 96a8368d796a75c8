"""Give each language its own 404 page: `/404.html` in Spanish, `/en/404.html` in English.

A generator writes one `404.html` (mkdocs-static-i18n builds every language into the same folder,
so the last language's overwrites the first). This post-build step writes one per language from
that language's built home page: the same header, menu, search box and language switch, with the
article replaced by the words in data/ui.yml (`not_found:`) and a link to every language's home.
A 404 page is served at whatever address was asked for, so every link in it becomes an absolute
path (from the site's canonical address), as MkDocs does for its own 404 page.
"""

import html
import json
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from kb.errors import ContentError
from kb.langs import LANGS, prefix, ui
from kb.site import BuiltPage, Site, resolve

NAME = "404.html"


def build(site: Site, langs: tuple[str, ...] = LANGS) -> None:
    root = site.base_path()
    for lang in langs:
        home = site.page("index", lang)
        if home is not None:
            (site.root / prefix(lang) / NAME).write_text(page(home, root), encoding="utf-8")


def page(home: BuiltPage, root: str) -> str:
    """The 404 page of the home page's language, as HTML."""
    text, homes = ui("not_found")[home.lang], ui("not_found")["homes"]
    tree = LexborHTMLParser(home.html)
    for node in tree.css(_DROP):
        node.decompose()
    for node in tree.css(".md-nav__link--active, .md-nav__item--active"):
        classes = (node.attributes.get("class") or "").split()
        node.attrs["class"] = " ".join(c for c in classes if not c.endswith("--active"))
    links = "\n".join(
        f'  <li><a href="{html.escape(root + prefix(lang))}" hreflang="{lang}" lang="{lang}">'
        f"{html.escape(homes[lang])}</a></li>"
        for lang in LANGS
    )
    article = tree.css_first("article.md-content__inner")
    if article is None:
        raise ContentError(f"{home.path}: no <article class=md-content__inner>: the 404 page is made from it")
    article.inner_html = (
        f"<h1>{html.escape(text['title'])}</h1>\n<p>{html.escape(text['text'])}</p>\n"
        f'<ul class="kb-404-links">\n{links}\n</ul>'
    )
    title = tree.css_first("title")
    site_name = (title.text() if title else "").rpartition(" - ")[2]
    if title is not None:
        title.inner_html = html.escape(f"{text['title']} - {site_name}" if site_name else text["title"])
    for attribute in _URL_ATTRIBUTES:
        for node in tree.css(f"[{attribute}]"):
            node.attrs[attribute] = _absolute(home.url, node.attributes[attribute] or "", root)
    config = tree.css_first("script#__config")
    if config is not None:  # Material's settings: its scripts and search worker, from the site root
        data = json.loads(config.text())
        for key in ("base", "search"):
            if isinstance(data.get(key), str):
                data[key] = _absolute(home.url, data[key], root)
        config.inner_html = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return tree.html


# Helpers


def _absolute(page_url: str, ref: str, root: str) -> str:
    """A page's relative reference as an absolute path: 'assets/kb.js' → '/assets/kb.js'."""
    if not ref or ref.startswith("#"):
        return ref
    parts = urlsplit(ref)
    path = resolve(page_url, parts.path or ".") if not (parts.scheme or parts.netloc) else None
    if path is None:  # another host, already absolute, or above the site: left as it is
        return ref
    query = f"?{parts.query}" if parts.query else ""
    return root + path + query + (f"#{parts.fragment}" if parts.fragment else "")


# Data

# What belongs to the home page alone: its address, its preview, its neighbours, its contents.
_DROP = ", ".join(
    [
        'link[rel="canonical"]',
        'link[rel="prev"]',
        'link[rel="next"]',
        'meta[property^="og:"]',
        'meta[name^="twitter:"]',
        ".md-sidebar--secondary",
        "nav.md-footer__inner",
    ]
)
_URL_ATTRIBUTES = ("href", "src", "action", "data-kb-search", "data-kb-search-script")
