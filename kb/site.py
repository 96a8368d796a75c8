"""A built site, read once: every page of every language, each parsed once with a fast HTML parser.

The post-build steps (search index, offline worker, manifest, 404 pages, whole-site checks) all
read the same built pages. Parsing them once, with lexbor (selectolax: about 50 times faster than
BeautifulSoup's html.parser here), keeps those steps a small share of a build at 500 pages per
language. Pages are found from the Markdown sources (`docs/<lang>/<name>.md` is published at
`<prefix of lang><name>/`), so nothing here depends on which generator wrote the HTML.
"""

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from kb import DOCS
from kb.errors import ContentError
from kb.langs import LANGS, prefix
from kb.page import front_matter

# What is UI, not content: the controls our code adds (`data-kb-ui`: copy and link buttons, the
# fill-in form, status lines, print bars), the "report a mistake" link (kb/reviewed.py: a plain link,
# so it works without scripts) and Material's permalinks and edit button. The search index, the
# readability check, the PDF and the print stylesheet (`[data-kb-ui]`, `.kb-report` in print.css)
# all leave them out.
UI = "[data-kb-ui], .kb-report, .headerlink, .md-content__button"


@dataclass
class BuiltPage:
    name: str  # 'index', 'compra-anticipada'
    lang: str
    url: str  # site-relative, as published: '', 'en/', 'compra-anticipada/'
    path: Path  # the built file
    source: Path  # its Markdown

    @property
    def src(self) -> str:
        """The Markdown file as messages name it: 'docs/es/frases.md'."""
        return f"docs/{self.lang}/{self.name}.md"

    @cached_property
    def html(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @cached_property
    def tree(self) -> LexborHTMLParser:
        return LexborHTMLParser(self.html)

    @cached_property
    def meta(self) -> dict:
        return front_matter(self.source.read_text(encoding="utf-8"))

    @cached_property
    def article(self) -> LexborNode | None:
        return self.tree.css_first("article.md-content__inner")

    @property
    def title(self) -> str:
        heading = self.article.css_first("h1") if self.article else None
        return str(self.meta.get("title") or (heading.text(strip=True) if heading else self.name))

    @cached_property
    def section_ids(self) -> set[str]:
        """IDs a helper may link to: every h2–h4 of the article (h1 is the page itself)."""
        article = self.article
        if article is None:
            return set()
        return {h.attributes["id"] for h in article.css("h2[id], h3[id], h4[id]")}


class Site:
    """The pages of a built site folder, by language, in file-name order."""

    def __init__(self, root: Path, docs: Path = DOCS):
        self.root = Path(root)
        self.docs = Path(docs)
        if not self.root.is_dir():
            raise ContentError(f"{self.root}: no built site there: build it first (`mkdocs build`)")
        self.names = page_names(self.docs)
        self._pages = {lang: self._find(lang) for lang in LANGS}

    def pages(self, lang: str) -> list[BuiltPage]:
        return self._pages[lang]

    def all(self) -> list[BuiltPage]:
        return [page for lang in LANGS for page in self._pages[lang]]

    def page(self, name: str, lang: str) -> BuiltPage | None:
        return next((p for p in self._pages[lang] if p.name == name), None)

    def in_menu_order(self, lang: str) -> list[BuiltPage]:
        """The language's pages in its home page's side-menu order, then any the menu leaves out."""
        pages = {page.url: page for page in self._pages[lang]}
        home = self.page("index", lang)
        ordered: list[BuiltPage] = [home] if home else []
        links = home.tree.css("nav.md-nav--primary a.md-nav__link[href]") if home else []
        for link in links:
            url = resolve(home.url, link.attributes.get("href") or "")
            page = pages.get(url)
            if page and page not in ordered:
                ordered.append(page)
        return ordered + [page for page in self._pages[lang] if page not in ordered]

    def base_path(self) -> str:
        """The site's path on its host ('/' or '/guia/'), read from the default home's canonical link."""
        home = self.page("index", LANGS[0])
        link = home.tree.css_first('link[rel="canonical"]') if home else None
        path = urlsplit(link.attributes.get("href") or "").path if link else ""
        return path if path.endswith("/") else "/"

    def _find(self, lang: str) -> list[BuiltPage]:
        found = []
        for name in self.names:
            source = self.docs / lang / f"{name}.md"
            path = self.root / url_of(name, lang) / "index.html"
            if source.is_file() and path.is_file():
                found.append(BuiltPage(name, lang, url_of(name, lang), path, source))
        return found


# Helpers


def page_names(docs: Path = DOCS) -> list[str]:
    """Page paths without language or extension, from the default language: 'index', 'frases', …"""
    folder = docs / LANGS[0]
    return sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.md"))


def resolve(page_url: str, ref: str) -> str | None:
    """A page's relative reference as a site-relative URL: from 'en/', '../assets/kb.js' is
    'assets/kb.js' and '.' is 'en/'. None when it is not a file or folder of this site (another
    host, an absolute path, no path, or above the site's root)."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(page_url or ".", parts.path))
    if path.startswith(".."):
        return None
    if path == ".":
        return ""
    folder = parts.path.endswith("/") or parts.path.rsplit("/", 1)[-1] in (".", "..")
    return path + "/" if folder else path


def url_of(name: str, lang: str) -> str:
    """The site-relative URL of a page, as published: '', 'en/', 'compra-anticipada/', …"""
    return prefix(lang) + ("" if name == "index" else f"{name}/")
