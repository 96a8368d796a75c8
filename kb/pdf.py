"""Print the whole guide to one PDF per language: `make pdf` (after the build).

    python tools/guide_pdf.py              # site/guia-progressive-leasing.pdf and
                                           # site/en/progressive-leasing-guide.pdf
    python tools/guide_pdf.py --site DIR   # the same from another built site

Every page of the built site goes into one HTML document, in the order a reader meets them: the
home page, the pages it links to (in its order), then the rest (in the menu's order). Each page
starts a new sheet and keeps the site's own styles and print stylesheet (assets/print.css), so the
PDF reads like the printed pages: no navigation, scripts and checklists in full, where each link
goes written out after it. Links between pages become links inside the PDF. Debian's Chromium
prints it through Playwright; nothing is downloaded. The About page links to these files, so a
deploy runs `make pdf` after the build.
"""

import argparse
import html
import os
import posixpath
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from kb import checks as kbcheck
from kb.site import UI

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # as tests/conftest.py
OUTPUT = {"es": "guia-progressive-leasing.pdf", "en": "progressive-leasing-guide.pdf"}
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;font-family:sans-serif">'
    '<span class="title"></span> · <span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def pdf_path(site: Path, lang: str) -> Path:
    return site / kbcheck.LANGS[lang] / OUTPUT[lang]


def order(site: Path, lang: str) -> list[str]:
    """Page names as a reader meets them: home, the pages it links to in order, then the rest in
    the side menu's order."""
    names = kbcheck.page_names()
    by_url = {kbcheck.url_of(name, lang): name for name in names}
    home = kbcheck.soup(kbcheck.html_file(site, "index", lang))
    ordered = ["index"]
    for link in kbcheck.article(home).select("a[href]"):
        target = _target(kbcheck.url_of("index", lang), link["href"])
        name = by_url.get(target[0]) if target else None
        if name and name not in ordered:
            ordered.append(name)
    menu = [
        _target(kbcheck.url_of("index", lang), a["href"])
        for a in home.select("nav.md-nav--primary a.md-nav__link[href]")
    ]
    for target in menu:
        name = by_url.get(target[0]) if target else None
        if name and name not in ordered:
            ordered.append(name)
    return ordered + [name for name in names if name not in ordered]


def document(site: Path, lang: str) -> str:
    """The whole guide of one language as one HTML document, styled by the built site's files."""
    home = kbcheck.soup(kbcheck.html_file(site, "index", lang))
    here = kbcheck.html_file(site, "index", lang).parent
    styles = "\n".join(
        f'<link rel="stylesheet" href="{(here / link["href"]).resolve().as_uri()}">'
        for link in home.select('link[rel~="stylesheet"]')  # at the end of the body (kb/critical.py)
        if not urlsplit(link["href"]).scheme
    )
    # Styles of the page's own, if any; its critical CSS is a copy of the linked files' rules.
    own = home.select("head > style:not([data-kb-critical])")
    styles += "".join(f"<style>{style.string}</style>" for style in own)
    canonical = home.select_one('link[rel="canonical"]')
    public = canonical["href"] if canonical else ""
    site_name = _meta(home, "og:site_name") or home.title.get_text(strip=True)
    names = order(site, lang)
    sections = [_section(site, lang, name, names, public) for name in names]
    cover = (
        f'<section class="kb-pdf-cover"><p class="kb-pdf-title">{html.escape(site_name)}</p>'
        f"<p>{html.escape(_meta(home, 'og:description') or '')}</p><p>{html.escape(public)}</p></section>"
    )
    body = home.body
    attrs = " ".join(
        f'{k}="{html.escape(" ".join(v) if isinstance(v, list) else v)}"' for k, v in body.attrs.items()
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(site_name)}</title>{styles}<style>{_STYLE}</style></head>"
        f'<body {attrs}><article class="md-content__inner md-typeset">{cover}{"".join(sections)}'
        "</article></body></html>"
    )


def build(site: Path, langs=tuple(kbcheck.LANGS), browser=None) -> list[Path]:
    """Write the PDF of each language into the built site; return their paths.

    `browser`: a Playwright Chromium already running (the tests'); otherwise Debian's is started."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                return build(site, langs, chromium)
            finally:
                chromium.close()
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            source = Path(tmp) / f"{lang}.html"
            source.write_text(document(site, lang), encoding="utf-8")
            page = browser.new_page()
            try:
                page.goto(source.as_uri(), wait_until="load")
                page.pdf(
                    path=str(pdf_path(site, lang)),
                    format="Letter",
                    margin={"top": "1.5cm", "bottom": "1.8cm", "left": "1.6cm", "right": "1.6cm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                    outline=True,
                    tagged=True,
                )
            finally:
                page.close()
            written.append(pdf_path(site, lang))
    return written


def _section(site: Path, lang: str, name: str, names: list[str], public: str) -> str:
    """One page's article, its IDs made unique, its links pointing inside the PDF where they can."""
    url = kbcheck.url_of(name, lang)
    body = BeautifulSoup(
        str(kbcheck.article(kbcheck.soup(kbcheck.html_file(site, name, lang)))), "html.parser"
    )
    article = body.select_one("article")
    for junk in article.select(f"{UI}, script"):
        junk.decompose()
    for element in article.select("[id]"):
        element["id"] = f"{name}--{element['id']}"
    for details in article.select("details"):
        details["open"] = ""
    inside = {kbcheck.url_of(n, lang): n for n in names}
    prefix = kbcheck.LANGS[lang]  # the home's public address is the site's, plus "en/" for English
    site_root = public[: len(public) - len(prefix)] if public.endswith(prefix) else public
    for link in article.select("a[href]"):
        href = link["href"]
        target = _target(url, href)
        if target is None:
            bare = [
                s.removeprefix("https://").removeprefix("http://").rstrip("/")
                for s in (href, link.get_text())
            ]
            if bare[0] == bare[1].strip():
                link["class"] = [*link.get("class", []), "kb-url-in-text"]
            continue
        path, anchor = target
        fragment = f"#{anchor}" if anchor else ""
        if site_root:
            link["data-kb-url"] = urljoin(site_root, path) + fragment
        if path in inside:
            link["href"] = f"#{inside[path]}--{anchor}" if anchor else f"#{inside[path]}"
    return f'<section class="kb-pdf-page" id="{name}">{article.decode_contents()}</section>'


def _target(page_url: str, href: str):
    """(site-relative URL, anchor) of a link to a page of this site; None for any other link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    if not parts.path:
        return page_url, parts.fragment
    path = posixpath.normpath(posixpath.join(page_url, parts.path))
    if path.startswith(".."):
        return None
    path = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
    return path, parts.fragment


def _meta(page: BeautifulSoup, prop: str) -> str | None:
    tag = page.select_one(f'meta[property="{prop}"]')
    return tag["content"] if tag else None


_STYLE = """
.kb-pdf-page { break-before: page; }
.kb-pdf-cover { padding-top: 30%; text-align: center; }
.kb-pdf-cover .kb-pdf-title { font-size: 26pt; font-weight: 700; margin-bottom: .5em; }
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, default=kbcheck.SITE)
    args = parser.parse_args(argv)
    if not kbcheck.html_file(args.site, "index", "es").exists():
        print(f"{args.site} has no built site: run `make build` first", file=sys.stderr)
        return 1
    for path in build(args.site):
        print(f"{path.relative_to(args.site)}: {path.stat().st_size // 1024} KB")
    return 0
