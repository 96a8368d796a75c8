"""A page paints before its stylesheet arrives, and nothing changes when it does (kb/critical.py).

The site's stylesheet is held back (as on a slow network) while the page loads in a 360×740 phone:
- with the page's scripts kept out, the page has painted (First Contentful Paint) before the
  stylesheet has arrived, and once it has, every element of every page is where it was, the same
  size, colour, font size, display, visibility and position (at 1280×800 too, for two pages);
- with the scripts, which wait for the stylesheet, the page records no layout shift while the
  stylesheet is slow (Lighthouse's CLS), from its first paint to the end of its load.
"""

import pytest

from conftest import LANGS, PAGES
from kb import checks as kbcheck

SNAPSHOT = """() => [...document.body.querySelectorAll("*")]
  .filter(el => !["link", "script", "style"].includes(el.localName))
  .map(el => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return [el.localName + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined
        ? "." + el.className.trim().split(/\\s+/).join(".") : ""),
      ...[box.x, box.y, box.width, box.height].map(Math.round),
      style.color, style.backgroundColor, style.fontSize, style.display, style.visibility, style.position];
  })"""
PAINTED = """() => !!document.querySelector(".md-footer")
  && performance.getEntriesByType("paint").some(e => e.name === "first-contentful-paint")"""
STYLESHEETS_IN = """() => [...document.querySelectorAll('link[rel~="stylesheet"]:not([media="print"])')]
  .filter(link => link.sheet).length"""
SHIFTS = """window.__kbShifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__kbShifts.push([e.value,
  (e.sources || []).map(s => s.node ? s.node.nodeName + "." + (s.node.className || "") : "?").join(" ")]); })
  .observe({type: "layout-shift", buffered: true});"""
DESKTOP = {"width": 1280, "height": 800}
SHIFT_PAGES = ["index", "compra-anticipada", "registro", "frases"]


class Held:
    """The page's stylesheets held back until `release()`; later ones pass."""

    def __init__(self, page):
        self.routes, self.holding = [], True
        page.route("**/*.css", self._arrived)

    def _arrived(self, route):
        if self.holding:
            self.routes.append(route)
        else:
            route.continue_()

    def release(self):
        self.holding = False
        for route in self.routes:
            route.continue_()


def _open_held(page, url: str, where: str) -> Held:
    held = Held(page)
    page.goto(url, wait_until="commit")
    for _ in range(200):  # polled here: the page's policy forbids the eval wait_for_function needs
        if page.evaluate(PAINTED):
            break
        page.wait_for_timeout(50)
    assert page.evaluate(PAINTED), f"{where}: no first paint while the stylesheet is held back"
    assert held.routes, f"{where}: no stylesheet was requested (is it still linked?)"
    assert page.evaluate(STYLESHEETS_IN) == 0, f"{where}: painted only after the stylesheet"
    return held


def _same_before_and_after(page, url: str, where: str):
    page.route("**/*.js", lambda route: route.abort())
    held = _open_held(page, url, where)
    before = page.evaluate(SNAPSHOT)
    held.release()
    page.wait_for_load_state("load")
    assert page.evaluate(STYLESHEETS_IN) >= 1, f"{where}: the stylesheet never arrived"
    after = page.evaluate(SNAPSHOT)
    assert len(before) == len(after), f"{where}: {len(before)} elements before vs {len(after)} after"
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert not changed, (
        f"{where}: {len(changed)} elements change when the stylesheet arrives, e.g. (before, after) "
        f"{changed[:3]}"
    )


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_nothing_changes_when_the_stylesheet_arrives(phone, name, lang):
    _same_before_and_after(phone, kbcheck.url_of(name, lang) or "./", f"{lang}/{name}")


@pytest.mark.parametrize("name", ["index", "compra-anticipada"])
def test_nothing_changes_when_the_stylesheet_arrives_on_a_wide_screen(browser, server, name):
    context = browser.new_context(viewport=DESKTOP, base_url=server, service_workers="block")
    try:
        _same_before_and_after(context.new_page(), kbcheck.url_of(name, "es") or "./", f"es/{name} wide")
    finally:
        context.close()


@pytest.mark.parametrize("name", SHIFT_PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_layout_shift_while_the_stylesheet_is_slow(phone, name, lang):
    where = f"{lang}/{name}"
    phone.add_init_script(SHIFTS)
    held = _open_held(phone, kbcheck.url_of(name, lang) or "./", where)
    phone.wait_for_timeout(300)  # a slow network: the page stays painted without its stylesheet
    held.release()
    phone.wait_for_load_state("load")
    phone.wait_for_timeout(500)  # the scripts run after the stylesheet: what they add must not push
    shifts = phone.evaluate("window.__kbShifts")
    total = sum(value for value, _ in shifts)
    assert total < 0.005, f"{where}: layout shift {total:.4f} vs < 0.005: {shifts[:5]}"
