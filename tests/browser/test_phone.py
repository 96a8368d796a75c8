"""Every page on a small phone (320×640 and 360×740): nothing runs off the side, body text is at
least 16px, and the things a reader taps are at least 44×44 CSS px.

- Horizontal scrolling: the page is no wider than the screen, and nothing in the article (a table,
  a long URL, a script, a form) reaches past the right edge unless it sits inside its own
  horizontally scrolling box.
- Body text: every visible element of the article that holds text of its own (paragraphs, list
  items, table cells, notes, collapsibles, scripts, form labels, links) computes to >= 16px.
  Buttons are controls, checked below as tap targets; the hidden "¶" permalinks are left out.
- Tap targets (44×44, WCAG 2.5.5 level AAA, which a thumb on a cheap phone needs): header buttons
  (`.md-header__button`: menu, language, search), the language list (`.md-select__link`), the
  drawer's page links (`.md-nav--primary .md-nav__link`, measured with the drawer open), the footer's
  previous/next links (`.md-footer__link`), the back-to-top button (`.md-top`, measured shown), the
  page's own controls (`.kb-copy`, `.kb-link`, `.kb-forget`, `.kb-fill input`, the print buttons
  `.kb-print`, the offline copy switch `.kb-offline-switch`, the date calculators' fields and
  California row, the call log's buttons and fields, the "report a mistake" link, every
  `details > summary`, checklist rows `.task-list-control`) and the home page's choices (`.grid.cards`
  links: a card's link covers the whole card, so the card is measured and a tap at its centre must
  land on the link). Exempt: links inside running text, the footer's "Made with" credit and glossary
  terms (WCAG 2.5.8's inline exception), the "¶" permalinks (hidden until hovered or focused;
  `.kb-link` is the tap control for the same thing), and the search dialog's own controls, which
  tests/browser/test_search_browser.py opens and uses.
- No jump when the scripts run (Lighthouse's layout shift, CLS): on the 360×740 screen, the article's
  headings, paragraphs and lists that are on the first screen sit where they were before any
  external script ran (the page as first painted on a slow connection) — kb.css keeps room for the
  controls kb.js adds or shows.
"""

import pytest

from conftest import LANGS, PAGES
from kb import checks as kbcheck

SCREENS = {"320x640": {"width": 320, "height": 640}, "360x740": {"width": 360, "height": 740}}
MIN_TEXT_PX = 16
MIN_TAP_PX = 44

TAP_TARGETS = ", ".join(
    [
        ".md-header__button",
        ".md-select__link",
        ".md-nav--primary .md-nav__link",
        ".md-footer__link",
        ".md-top",
        ".kb-copy",
        ".kb-link",
        ".kb-forget",
        ".kb-print",
        ".kb-offline-switch",
        ".kb-fill input",
        ".kb-deadline input:not([type=checkbox])",
        ".kb-deadline label.kb-check",
        ".kb-calllog button",
        ".kb-calllog :is(input, textarea)",
        ".kb-report a",
        ".md-typeset details > summary",
        ".task-list-control",
    ]
)
CARD_LINKS = ".md-typeset .grid.cards > ul > li a"
# Blocks kb.js adds or shows are not counted: the print bar, and the offline switch and "forget my
# details" (About page, hidden without JavaScript); whatever they push down is measured through the
# blocks that move.
STABLE = ":scope > :is(h1, h2, h3, h4, p, ul, ol):not(.kb-print-bar, .kb-offline, .kb-forget-all, [hidden])"
TOPS = """([stable]) => [...document.querySelector("article.md-content__inner").querySelectorAll(stable)]
  .map(el => [el.localName + (el.id ? "#" + el.id : "") + ` "${el.textContent.trim().slice(0, 30)}"`,
              Math.round(el.getBoundingClientRect().top + scrollY)])"""

# One evaluation per page and screen; the three tests below read its result.
MEASURE = """([targets, cardLinks, minText, stable]) => {
  const vw = document.documentElement.clientWidth;
  const name = el => el.localName + (el.id ? "#" + el.id : "") +
      [...el.classList].map(c => "." + c).join("") +
      ` "${(el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
  const shown = el => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
  };
  const article = document.querySelector("article.md-content__inner");
  const tops = [...article.querySelectorAll(stable)]
    .map(el => Math.round(el.getBoundingClientRect().top + scrollY));

  const scrollsSideways = el => {
    for (let p = el.parentElement; p && p !== article; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === "auto" || o === "scroll") && p.getBoundingClientRect().right <= vw + 1) return true;
    }
    return false;
  };
  const overflow = [];
  for (const el of article.querySelectorAll("*")) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if ((r.right > vw + 1 || r.left < -1) && !scrollsSideways(el))
      overflow.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
  }

  const small = [];
  for (const el of article.querySelectorAll("*")) {
    if (el.closest("button, .headerlink") || !shown(el)) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < minText) small.push(`${name(el)} ${px}px`);
  }

  const taps = [];
  const measure = el => {
    if (!shown(el)) return;
    const r = el.getBoundingClientRect();
    taps.push([name(el), Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]);
  };
  for (const link of document.querySelectorAll(cardLinks)) {
    const card = link.closest("li"), r = card.getBoundingClientRect();
    link.scrollIntoView({block: "center", behavior: "instant"});
    const c = card.getBoundingClientRect();
    const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
    const onLink = hit && link.contains(hit);
    const label = "card " + name(link) + (onLink ? "" : " (a tap on the card misses the link)");
    taps.push([label, onLink ? r.width : 0, onLink ? r.height : 0]);
  }
  const top = document.querySelector(".md-top");
  if (top) top.hidden = false;
  document.querySelectorAll(targets).forEach(el => {
    if (!el.closest(".md-search")) measure(el);
  });
  const drawer = document.getElementById("__drawer");  // last: its overlay lingers 250ms after closing
  if (drawer) {
    drawer.checked = true;
    document.querySelectorAll(".md-nav--primary .md-nav__link").forEach(el => {
      if (!taps.some(t => t[0] === name(el))) measure(el);
    });
    drawer.checked = false;
  }
  window.scrollTo(0, 0);
  return {width: document.documentElement.scrollWidth, screen: vw, overflow, small, taps, tops};
}"""

_measured: dict = {}


@pytest.fixture(scope="module")
def first_paint(browser, server):
    """A 360×740 page whose external scripts never load: the layout a slow phone paints first."""
    context = browser.new_context(
        viewport=SCREENS["360x740"], is_mobile=True, has_touch=True, device_scale_factor=2, base_url=server
    )
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())
    yield page
    context.close()


@pytest.fixture(scope="module")
def screens(browser, server):
    contexts = {
        key: browser.new_context(
            viewport=size, is_mobile=True, has_touch=True, device_scale_factor=2, base_url=server
        )
        for key, size in SCREENS.items()
    }
    pages = {key: context.new_page() for key, context in contexts.items()}
    yield pages
    for context in contexts.values():
        context.close()


def measured(screens, screen: str, name: str, lang: str) -> dict:
    key = (screen, name, lang)
    if key not in _measured:
        page = screens[screen]
        page.goto(kbcheck.url_of(name, lang) or "./")
        _measured[key] = page.evaluate(MEASURE, [TAP_TARGETS, CARD_LINKS, MIN_TEXT_PX, STABLE])
    return _measured[key]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_no_horizontal_scrolling(screens, screen, name, lang):
    m = measured(screens, screen, name, lang)
    where = f"{lang}/{name} at {screen}"
    assert m["width"] <= m["screen"], f"{where}: page is {m['width']}px wide vs {m['screen']}px screen"
    assert not m["overflow"], f"{where}: past the screen edge: " + "; ".join(m["overflow"][:8])


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_body_text_at_least_16px(screens, screen, name, lang):
    m = measured(screens, screen, name, lang)
    assert not m["small"], f"{lang}/{name} at {screen}: text under {MIN_TEXT_PX}px: " + "; ".join(
        m["small"][:8]
    )


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_tap_targets_at_least_44px(screens, screen, name, lang):
    m = measured(screens, screen, name, lang)
    assert m["taps"], f"{lang}/{name} at {screen}: no tap target found (selectors out of date?)"
    small = [f"{t} {w}×{h}" for t, w, h in m["taps"] if w < MIN_TAP_PX or h < MIN_TAP_PX]
    assert not small, f"{lang}/{name} at {screen}: under {MIN_TAP_PX}×{MIN_TAP_PX}px: " + "; ".join(small[:8])


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_scripts_do_not_move_the_first_screen(first_paint, screens, name, lang):
    first_paint.goto(kbcheck.url_of(name, lang) or "./")
    before = first_paint.evaluate(TOPS, [STABLE])
    after = measured(screens, "360x740", name, lang)["tops"]
    assert len(before) == len(after), (
        f"{lang}/{name}: {len(after)} vs {len(before)} blocks after the scripts ran"
    )
    screen = SCREENS["360x740"]["height"]
    moved = [
        f"{label} {top}→{now}px"
        for (label, top), now in zip(before, after, strict=True)
        if top < screen and now != top
    ]
    assert not moved, f"{lang}/{name}: the scripts move the first screen: " + "; ".join(moved[:6])
