"""A link to one section, as a community helper shares it and a reader opens it on a phone.

The link opens at the section, not under the sticky header; the section's "copy link" control puts
the full URL with its #anchor on the clipboard and says so; switching language from a deep link
lands on the twin page at the same #anchor; the control is named, big enough to tap, and does not
push a heading off a 320px screen. (ID parity, link previews and the published-URL list are checked
statically in tests/test_site.py.)
"""

import json
import re

import pytest

from conftest import LANGS, PAGES
from kb import checks as kbcheck

# (page, section) pairs a helper would share: guide sections, a guide's own section, scripts.
DEEP = [
    ("compra-anticipada", "cuanto-cuesta"),
    ("devoluciones", "pasos"),
    ("pagos-atrasados", "que-decir"),
    ("cobros-y-fraude", "si-no-se-resuelve"),
    ("antes-de-contactar", "abrir-llamada"),
    ("frases", "carta-disputa"),
    ("frases", "confirmar-acuerdo"),
    ("escalar", "relacionadas"),
]
# Switching language is the slowest check (two page loads, an idle wait): a shorter list of links.
SWITCH = [DEEP[0], DEEP[1], DEEP[4], DEEP[5]]
TAPPABLE = DEEP[:3] + DEEP[4:6]
OTHER = {"es": "en", "en": "es"}
LINK = {"es": ("Copiar enlace", "Enlace copiado"), "en": ("Copy link", "Link copied")}
SENTINEL = "clipboard not written by the page"
NARROW = {"width": 320, "height": 640}
MIN_TAP = 44


def _url(name: str, lang: str, sid: str = "") -> str:
    return kbcheck.url_of(name, lang) + (f"#{sid}" if sid else "")


def _placement(page, sid: str) -> dict:
    """Where the heading is, against the sticky header and the viewport."""
    return page.evaluate(
        """id => {
            const h = document.getElementById(id).getBoundingClientRect();
            const head = document.querySelector(".md-header").getBoundingClientRect();
            return {top: h.top, bottom: h.bottom, header: head.bottom, height: innerHeight,
                    hash: location.hash};
        }""",
        sid,
    )


def _assert_lands(page, sid: str, where: str):
    heading = page.locator(f"article [id='{sid}']")
    assert heading.count() == 1, f"{where}: {heading.count()} elements with id {sid!r} vs 1"
    assert re.fullmatch(r"h[23]", heading.evaluate("e => e.localName")), f"{where}: #{sid} is no heading"
    at = _placement(page, sid)
    assert at["hash"] == f"#{sid}", f"{where}: location.hash {at['hash']!r} vs '#{sid}'"
    assert at["top"] >= at["header"], (
        f"{where}: heading top {at['top']} under the header (bottom {at['header']})"
    )
    assert at["bottom"] <= at["height"], (
        f"{where}: heading bottom {at['bottom']} below the screen {at['height']}"
    )


def _link_button(page, sid: str):
    """The copy-link control of a heading: the first one after it (another script may put its own
    control, e.g. the print bar, between them)."""
    return page.locator(f"article [id='{sid}'] ~ .kb-link").first


@pytest.mark.parametrize("name,sid", DEEP, ids=[f"{n}#{s}" for n, s in DEEP])
@pytest.mark.parametrize("lang", LANGS)
def test_deep_link_opens_at_the_section(phone, name, sid, lang):
    phone.goto(_url(name, lang, sid))
    _assert_lands(phone, sid, f"/{_url(name, lang, sid)}")


@pytest.mark.parametrize("sid", ["confirmar-acuerdo", "carta-disputa"])
@pytest.mark.parametrize("lang", LANGS)
def test_deep_link_lands_with_saved_details(phone, sid, lang):
    """A reader who filled in the form earlier: the longer texts painted into the scripts above the
    section must not push it off the screen or under the header."""
    where = f"/{_url('frases', lang, sid)}"
    long = {
        key: f"{key} " + "muy largo " * 8 for key in ("contract", "store", "email", "item", "agent", "amount")
    }
    phone.goto(_url("index", lang))
    phone.evaluate("details => localStorage.setItem('kb-details', details)", json.dumps(long))
    phone.goto(_url("frases", lang, sid))
    filled = phone.locator(".kb-ph--filled").count()
    assert filled >= len(long), f"{where}: {filled} placeholders painted vs at least {len(long)}"
    _assert_lands(phone, sid, where)


@pytest.mark.parametrize("name,sid", DEEP, ids=[f"{n}#{s}" for n, s in DEEP])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_to_section(phone, server, name, sid, lang):
    where = f"/{_url(name, lang, sid)}"
    phone.goto(_url(name, lang, sid))
    button = _link_button(phone, sid)
    assert button.count() == 1, f"{where}: no copy-link control after #{sid}"
    phone.evaluate("text => navigator.clipboard.writeText(text)", SENTINEL)
    button.tap()
    label, done = LINK[lang]
    status = phone.locator(f"article [id='{sid}'] ~ .kb-status").first
    status.filter(has_text=re.compile(r"\S")).wait_for(timeout=3000)
    assert status.is_visible(), f"{where}: the confirmation is not visible"
    assert status.inner_text().strip() == done, f"{where}: confirmation {status.inner_text()!r} vs {done!r}"
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied == server + _url(name, lang, sid), f"{where}: clipboard {copied!r} vs {server}{where[1:]!r}"


@pytest.mark.parametrize("name,sid", SWITCH, ids=[f"{n}#{s}" for n, s in SWITCH])
@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_keeps_the_section(phone, server, name, sid, lang):
    where = f"/{_url(name, lang, sid)}"
    other = OTHER[lang]
    # Tap as a reader does, once the page has settled: by then Material's scripts are all set up (its
    # handler for <link rel="alternate" hreflang> pages used to drop the #anchor at this point).
    phone.goto(_url(name, lang, sid), wait_until="networkidle")
    link = phone.locator(f".md-header .md-select__link[hreflang={other}]")
    assert link.count() == 1, f"{where}: {link.count()} header links to '{other}' vs 1"
    # On a phone the languages sit behind the header's language button: tap it, then the language.
    # (Playwright's tap checks that nothing covers the link, so a list that did not open fails here.)
    phone.locator(".md-header .md-select > button").tap()
    with phone.expect_navigation():
        link.tap(timeout=5000)
    phone.wait_for_load_state("load")
    expected = server + _url(name, other, sid)
    assert phone.url == expected, f"{where}: switched to {phone.url!r} vs {expected!r}"
    _assert_lands(phone, sid, f"{where} → /{_url(name, other, sid)}")


@pytest.mark.parametrize("name,sid", TAPPABLE, ids=[f"{n}#{s}" for n, s in TAPPABLE])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_control_is_named_and_tappable(phone, name, sid, lang):
    where = f"/{_url(name, lang, sid)}"
    phone.goto(_url(name, lang, sid))
    heading = phone.locator(f"article [id='{sid}']")
    title = heading.evaluate(
        """h => { const c = h.cloneNode(true);
                  c.querySelectorAll('.headerlink, .kb-link, .kb-status').forEach(e => e.remove());
                  return c.textContent.trim(); }"""
    )
    button = _link_button(phone, sid)
    # The name a screen reader announces says what the control does and for which section.
    from playwright.sync_api import expect

    wanted = re.compile(f"{re.escape(LINK[lang][0])}.*{re.escape(title)}", re.IGNORECASE)
    expect(button).to_have_accessible_name(wanted, timeout=2000)
    # ...and the heading keeps its own name: listing headings, a screen reader does not read the
    # control's label in every one ("¿Cuánto cuesta? Copiar enlace a esta sección: ¿Cuánto cuesta?").
    expect(heading).to_have_accessible_name(re.compile("^" + re.escape(title)), timeout=2000)
    expect(heading).not_to_have_accessible_name(re.compile(re.escape(LINK[lang][0]), re.I), timeout=2000)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["width"] >= MIN_TAP and box["height"] >= MIN_TAP, (
        f"{where}: copy-link control {box['width']:.0f}×{box['height']:.0f} vs at least {MIN_TAP}×{MIN_TAP}"
    )
    hit = phone.evaluate(
        "([x, y]) => { const e = document.elementFromPoint(x, y); return e && !!e.closest('.kb-link'); }",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit, f"{where}: something covers the centre of the copy-link control"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_headings_fit_a_320px_screen(browser, server, name, lang):
    """With the copy-link control added, every linkable heading's text stays on a 320px screen."""
    where = f"/{_url(name, lang)}"
    context = browser.new_context(
        viewport=NARROW, is_mobile=True, has_touch=True, device_scale_factor=2, base_url=server
    )
    try:
        page = context.new_page()
        page.goto(_url(name, lang))
        found = page.evaluate(
            """() => [...document.querySelectorAll('.md-content article h2[id], .md-content article h3[id]')]
                .map(h => {
                    const text = document.createRange(), parts = [];
                    for (const n of h.childNodes) {
                        if (n.nodeType === 1 && n.matches('.headerlink, .kb-link, .kb-status')) continue;
                        text.selectNode(n); parts.push(...text.getClientRects());
                    }
                    let b = h.nextElementSibling;
                    while (b && !b.matches('.kb-link, h1, h2, h3')) b = b.nextElementSibling;
                    b = b && b.matches('.kb-link') ? b : null;
                    const bb = b && b.getBoundingClientRect();
                    return {id: h.id, left: Math.min(...parts.map(r => r.left)),
                            right: Math.max(...parts.map(r => r.right)),
                            button: bb && [bb.left, bb.right]};
                })"""
        )
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= NARROW["width"], f"{where}: page is {width}px wide vs {NARROW['width']}px"
        for h in found:
            assert h["left"] >= 0 and h["right"] <= NARROW["width"], (
                f"{where}: #{h['id']} text spans {h['left']:.0f}–{h['right']:.0f}px vs 0–{NARROW['width']}px"
            )
            assert h["button"], f"{where}: #{h['id']} has no copy-link control"
            assert h["button"][0] >= 0 and h["button"][1] <= NARROW["width"], (
                f"{where}: #{h['id']} copy-link control at {h['button']} vs 0–{NARROW['width']}px"
            )
    finally:
        context.close()


# The share button (issue #16): the phone's own share sheet, where there is one.

SHARE = {"es": "Compartir", "en": "Share"}
# Chromium on Linux has no share sheet; a phone's browser does. Both are set up before the page's
# scripts run: a recording navigator.share, or none at all.
WITH_SHEET = """
    window.kbShared = [];
    Object.defineProperty(Navigator.prototype, 'share', {configurable: true, value: function (data) {
        window.kbShared.push(data); return Promise.resolve(); }});
"""
WITHOUT_SHEET = "delete Navigator.prototype.share; delete navigator.share;"


def _below(page, sid: str) -> float:
    """Where the first element after the heading's copy-link row starts (the section's text)."""
    return page.evaluate(
        """id => { let e = document.getElementById(id).nextElementSibling;
                   while (e && e.matches('.kb-link, .kb-status, .kb-print-bar')) e = e.nextElementSibling;
                   return e.getBoundingClientRect().top + scrollY; }""",
        sid,
    )


@pytest.mark.parametrize("name,sid", TAPPABLE, ids=[f"{n}#{s}" for n, s in TAPPABLE])
@pytest.mark.parametrize("lang", LANGS)
def test_share_opens_the_phone_share_sheet_with_the_section(phone, server, name, sid, lang):
    where = f"/{_url(name, lang, sid)}"
    phone.add_init_script(WITH_SHEET)
    phone.goto(_url(name, lang, sid))
    heading = phone.locator(f"article [id='{sid}']")
    title = heading.evaluate(
        """h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(e => e.remove());
                  return c.textContent.trim(); }"""
    )
    share = phone.locator(f"article [id='{sid}'] ~ .kb-share").first
    assert share.count() == 1, f"{where}: no share button after #{sid}"
    from playwright.sync_api import expect

    expect(share).to_have_accessible_name(re.compile(f"{SHARE[lang]}.*{re.escape(title)}"), timeout=2000)
    box, copy = share.bounding_box(), _link_button(phone, sid).bounding_box()
    assert box["width"] >= MIN_TAP and box["height"] >= MIN_TAP, (
        f"{where}: share button {box['width']:.0f}×{box['height']:.0f} vs at least {MIN_TAP}×{MIN_TAP}"
    )
    assert abs(box["y"] - copy["y"]) < 1 and box["x"] >= copy["x"] + copy["width"], (
        f"{where}: share button at {box['x']:.0f},{box['y']:.0f} is not beside copy-link "
        f"({copy['x']:.0f},{copy['y']:.0f})"
    )
    share.tap()
    shared = phone.evaluate("window.kbShared")
    wanted = [{"title": title, "url": server + _url(name, lang, sid)}]
    assert shared == wanted, f"{where}: shared {shared} vs {wanted}"


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_share_sheet_there_is_only_copy_link(phone, lang):
    name, sid = TAPPABLE[0]
    phone.add_init_script(WITHOUT_SHEET)
    phone.goto(_url(name, lang, sid))
    assert phone.evaluate("typeof navigator.share") == "undefined"
    shares, links = phone.locator(".kb-share").count(), phone.locator(".kb-link").count()
    assert shares == 0, f"/{_url(name, lang)}: {shares} share buttons without a share sheet vs 0"
    assert links > 0, f"/{_url(name, lang)}: no copy-link buttons"


@pytest.mark.parametrize("name,sid", TAPPABLE, ids=[f"{n}#{s}" for n, s in TAPPABLE])
def test_the_share_button_moves_no_text(browser, server, name, sid):
    """The share button sits on the copy-link row: the section's text starts at the same place with
    and without it (and kb.css keeps that place before either is added: Lighthouse's CLS)."""
    tops = []
    for script in (WITH_SHEET, WITHOUT_SHEET):
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, base_url=server
        )
        try:
            page = context.new_page()
            page.add_init_script(script)
            page.goto(_url(name, "es"))
            page.locator(".kb-link").first.wait_for()
            tops.append(_below(page, sid))
        finally:
            context.close()
    assert tops[0] == tops[1], f"/{_url(name, 'es')}#{sid}: text below at {tops[0]} with share vs {tops[1]}"


@pytest.mark.parametrize("lang", LANGS)
def test_report_a_mistake_opens_a_filled_in_issue(phone, server, lang):
    """Tapping "¿Ve un error? Avísenos" opens the repository's new-issue form with the page's title,
    address and language filled in (GitHub is stood in for: this machine has no internet)."""
    from urllib.parse import parse_qs

    opened = []

    def github(route):
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>new issue</title>")

    phone.route("https://github.com/**", github)
    name = "compra-anticipada"
    phone.goto(_url(name, lang))
    link = phone.locator("article .kb-report a")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box["height"] >= MIN_TAP, f"{lang}: the report link is {box['height']:.0f}px high vs {MIN_TAP}"
    link.tap()
    phone.wait_for_url("https://github.com/**")
    assert len(opened) == 1 and "/issues/new?" in opened[0], f"{lang}: opened {opened}"
    query = {k: v[0] for k, v in parse_qs(opened[0].split("?", 1)[1]).items()}
    title = phone.evaluate("document.title")  # GitHub's stand-in page
    assert title == "new issue"
    assert "buyout" in query["title"].lower(), f"{lang}: issue title {query['title']!r}"
    assert server.rstrip("/") not in query["body"], f"{lang}: the body names the test server, not the site"
    assert "progressive-leasing-guia.github.io/" + ("en/" if lang == "en" else "") + name in query["body"]
