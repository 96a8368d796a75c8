"""The whole guide as one PDF per language (`make pdf`, kb/pdf.py), linked from About.

Each PDF has every page of its language, each starting a new sheet, in the order a reader meets
them: the home page, the pages it links to in its order, then the rest in the menu's order; it is
in its language (text and PDF language tag), and the About page's link leads to it.
"""

import subprocess

import pytest

from conftest import LANGS, PAGES, pdf_info
from kb import checks as kbcheck
from kb import pdf as guide_pdf

REVIEWED = {"es": "Última revisión", "en": "Last reviewed"}
OTHER = {"es": "en", "en": "es"}


@pytest.fixture(scope="module")
def pdfs(site, browser):
    """Print the session's built site (the browser fixture checks Chromium is there first)."""
    return dict(zip(LANGS, guide_pdf.build(site.site, LANGS, browser), strict=True))


def _title(site, name: str, lang: str) -> str:
    return " ".join(site.html(name, lang).select_one("article h1").get_text().strip("¶ \n").split())


def _reading_order(site, lang: str) -> list[str]:
    """Home, the pages the home page links to (in its order), then the rest in the menu's order."""
    home = site.html("index", lang)
    here = kbcheck.html_file(site.site, "index", lang).parent

    def name_of(href: str):
        target = (here / href.split("#")[0]).resolve()
        return next(
            (n for n in PAGES if kbcheck.html_file(site.site, n, lang).parent.resolve() == target), None
        )

    order = ["index"]
    linked = [name_of(a["href"]) for a in kbcheck.article(home).select("a[href]") if "://" not in a["href"]]
    menu = [name_of(a["href"]) for a in home.select("nav.md-nav--primary a.md-nav__link[href]")]
    for name in linked + menu + PAGES:
        if name and name not in order:
            order.append(name)
    return order


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_every_page_in_reading_order(site, pdfs, tmp_path, lang):
    pages, text = pdf_info(pdfs[lang].read_bytes(), tmp_path)
    titles = {name: _title(site, name, lang) for name in PAGES}
    sheets = []
    for sheet in text.split("\f"):
        lines = [line.strip() for line in sheet.split("\n") if line.strip()]
        sheets.append({" ".join(lines[:k]) for k in (1, 2, 3)})  # a long title may wrap
    # Each page starts a sheet headed by its title, after the page before it. (A sheet may also
    # begin with a line that happens to read like a title: a card on the home page, a glossary term.)
    expected = _reading_order(site, lang)
    at, starts = -1, []
    for name in expected:
        found = next((i for i in range(at + 1, len(sheets)) if titles[name] in sheets[i]), None)
        if found is not None:
            at = found
            starts.append(name)
    assert starts == expected, f"{lang}: pages found in reading order {starts} vs {expected}"
    assert pages > len(PAGES), f"{lang}: {pages} sheets for {len(PAGES)} pages"


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_is_in_its_language(site, pdfs, tmp_path, lang):
    _, text = pdf_info(pdfs[lang].read_bytes(), tmp_path)
    assert REVIEWED[lang] in text, f"{lang}: {REVIEWED[lang]!r} not in the PDF"
    assert REVIEWED[OTHER[lang]] not in text, f"{lang}: {REVIEWED[OTHER[lang]]!r} in the PDF"
    others = [
        _title(site, n, OTHER[lang]) for n in PAGES if _title(site, n, OTHER[lang]) != _title(site, n, lang)
    ]
    words = " ".join(text.split())
    assert not [t for t in others if t in words], f"{lang}: titles of the other language in the PDF"
    info = subprocess.run(["pdfinfo", str(pdfs[lang])], capture_output=True, text=True, check=True).stdout
    title = next(line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Title:"))
    site_name = site.html("index", lang).select_one('meta[property="og:site_name"]')["content"]
    assert title == site_name, f"{lang}: PDF title {title!r} vs {site_name!r}"
    assert f"/Lang ({lang})".encode() in pdfs[lang].read_bytes(), f"{lang}: PDF not tagged /Lang ({lang})"


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_links_to_its_pdf(site, pdfs, lang):
    about = site.html("acerca", lang)
    links = [a["href"] for a in kbcheck.article(about).select('a[href$=".pdf"]')]
    assert len(links) == 1, f"{lang}/acerca: {len(links)} links to a PDF vs 1"
    target = (kbcheck.html_file(site.site, "acerca", lang).parent / links[0]).resolve()
    assert target == pdfs[lang].resolve(), f"{lang}/acerca: links to {target}, the PDF is {pdfs[lang]}"
    assert target.stat().st_size > 0
