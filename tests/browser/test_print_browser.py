"""Pages on paper, as Chromium prints them (print media, and real PDFs for the sheets).

Every page prints without navigation, header, search, copy buttons or the fill-in form; scripts and
checklists print in full; every link has its full address written after it; numbered steps and
scripts are not split across sheets. The checklist of what to prepare prints on one sheet with its
"Print" button, and so does the interaction log.
"""

from urllib.parse import urljoin

import pytest

from conftest import LANGS, PAGES, pdf_info
from kb import checks as kbcheck

HIDDEN = [
    ".md-header",
    ".md-search",
    ".md-sidebar",
    ".md-footer",
    ".md-top",
    ".md-typeset .headerlink",
    ".kb-link",
    ".kb-copy",
    ".kb-fill",
    ".kb-print",
]
KEPT_WHOLE = ["article ol > li", "article .kb-script", "article .admonition"]
# Sheets with a Print button: the section it sits in, and whether that section prints alone.
SHEETS = {"antes-de-contactar": ("lista", True), "registro": ("plantilla", False)}


@pytest.fixture
def printed(browser, server):
    """`printed(url)`: a page opened as a printer sees it (print media, a sheet's width).

    Service workers are blocked: they play no part in printing (tests/browser/test_offline_browser.py)."""
    contexts = []

    def open_page(url: str, media: str = "print"):
        context = browser.new_context(
            base_url=server, viewport={"width": 800, "height": 1000}, service_workers="block"
        )
        contexts.append(context)
        page = context.new_page()
        page.emulate_media(media=media)
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_prints_cleanly(printed, site, name, lang):
    page = printed(kbcheck.url_of(name, lang))
    where = f"{lang}/{name}"
    assert page.locator("article h1").is_visible(), f"{where}: the title does not print"

    shown = page.evaluate(
        """selectors => selectors.flatMap(s => [...document.querySelectorAll(s)]
            .filter(e => e.checkVisibility()).map(e => s))""",
        HIDDEN,
    )
    assert not shown, f"{where}: screen controls on paper: {sorted(set(shown))}"

    cut = page.evaluate(
        """() => [...document.querySelectorAll('article .kb-script-text, article .task-list-item')]
            .filter(e => !e.checkVisibility() || e.scrollHeight > e.clientHeight + 1).length"""
    )
    assert cut == 0, f"{where}: {cut} script texts or checklist items hidden or cut"
    split = page.evaluate(
        """selectors => selectors.flatMap(s => [...document.querySelectorAll(s)]
            .filter(e => getComputedStyle(e).breakInside !== 'avoid').map(() => s))""",
        KEPT_WHOLE,
    )
    assert not split, f"{where}: may break across sheets: {sorted(set(split))}"
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('article .task-list-indicator')]
            .map(e => getComputedStyle(e, '::before').borderTopStyle)"""
    )
    assert all(style == "solid" for style in boxes), f"{where}: checkboxes without a printed box: {boxes}"

    canonical = site.html(name, lang).select_one('link[rel="canonical"]')["href"]
    links = page.evaluate(
        """() => [...document.querySelectorAll('article a[href]')]
            .filter(a => a.checkVisibility() && !/^(tel|mailto):/.test(a.getAttribute('href'))
                         && !a.classList.contains('kb-url-in-text'))
            .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    wrong = [(href, after) for href, after in links if f"({urljoin(canonical, href)})" not in after]
    assert not wrong, f"{where}: links printed without their full address: {wrong[:3]}"


def _section(page, sid: str) -> list:
    """The elements of the section under heading `sid`, up to the next heading of its level."""
    heading = kbcheck.article(page).find(id=sid)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        parts.append(sibling)
    return parts


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SHEETS)
def test_sheet_prints_on_one_page_from_its_button(printed, site, tmp_path, name, lang):
    sid, alone = SHEETS[name]
    page = printed(kbcheck.url_of(name, lang), media="screen")  # the reader taps the button on screen
    page.evaluate("() => { window.print = () => { window.kbPrinted = (window.kbPrinted || 0) + 1; }; }")
    page.locator(f"[id='{sid}'] + .kb-print-bar .kb-print").click()
    assert page.evaluate("window.kbPrinted") == 1, f"{lang}/{name}: the Print button did not print"
    page.emulate_media(media="print")  # page.pdf() prints with the emulated media
    pages, text = pdf_info(page.pdf(format="Letter"), tmp_path)
    assert pages == 1, f"{lang}/{name}#{sid}: {pages} sheets vs 1"
    words = " ".join(text.split())
    built = site.html(name, lang)
    items = [el.get_text() for part in _section(built, sid) for el in part.select("li, th")]
    assert items, f"{lang}/{name}#{sid}: no list items or table headings in the section"
    for item in items:
        assert " ".join(item.split()) in words, (
            f"{lang}/{name}#{sid}: {item!r} missing from the printed sheet"
        )
    others = [
        h.get_text(" ", strip=True).strip("¶ ")
        for h in kbcheck.article(built).select("h2[id]:not(.kb-screen-only)")  # on screen only: a tool
    ]
    others = [h for h in others if h and h != built.find(id=sid).get_text(" ", strip=True).strip("¶ ")]
    if alone:
        printed_others = [h for h in others if h in words]
        assert not printed_others, f"{lang}/{name}#{sid}: other sections printed too: {printed_others}"
    else:
        assert all(h in words for h in others), f"{lang}/{name}: the page's other sections did not print"
        screen = kbcheck.article(built).select("h2.kb-screen-only")
        tools = [h.get_text(" ", strip=True).strip("¶ ") for h in screen]
        assert not [h for h in tools if h in words], f"{lang}/{name}: a screen-only section printed: {tools}"
