"""axe-core finds no WCAG 2.2 A/AA violation on any page, in either language, on a 360×740 phone.

axe-core comes bundled in the pinned `axe-playwright-python` package (no download). The page is
checked after its scripts ran (copy buttons, section links, fill-in form shown), since that is the
page a reader gets. Rules tagged best-practice only are not asked for here; Lighthouse reports
them in `make bench`.
"""

import pytest

from conftest import LANGS, PAGES, PHONE
from kb import checks as kbcheck

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    return pytest.importorskip("axe_playwright_python.sync_playwright").Axe()


@pytest.fixture(scope="module")
def reader(browser, server):
    """One phone-sized page reused for every check (a check only reads the page)."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, base_url=server
    )
    yield context.new_page()
    context.close()


# Every transition and animation of the page has ended (axe reads colours as they are painted: the
# back-to-top button fading in after a tap scrolled the page measured as low contrast mid-fade).
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def violations(axe, page) -> list[str]:
    page.wait_for_timeout(150)  # a scroll's effects start (Material shows the button a frame later)
    page.wait_for_function(SETTLED, timeout=5000)
    results = axe.run(
        page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(' '.join(n['target']) for n in v['nodes'][:4])}"
        f"{' …' if len(v['nodes']) > 4 else ''} — {v['help']}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_wcag_a_or_aa_violation(axe, reader, name, lang):
    reader.goto(kbcheck.url_of(name, lang) or "./")
    reader.wait_for_load_state("load")
    found = violations(axe, reader)
    assert not found, f"{lang}/{name}: {len(found)} vs 0 WCAG A/AA violations:\n  " + "\n  ".join(found)


def test_axe_finds_a_planted_violation(axe, reader):
    """The check itself works: an image without alt text and an unlabelled field are reported."""
    reader.goto("./")
    reader.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML("beforeend",
            '<img src="assets/icons/icon-192.png"><input type="text">')"""
    )
    ids = {line.split(" ", 1)[0] for line in violations(axe, reader)}
    assert {"image-alt", "label"} <= ids, f"axe reported {sorted(ids)} vs at least image-alt and label"


@pytest.mark.parametrize("lang", LANGS)
def test_the_reader_tools_open_and_filled_have_no_violation(axe, reader, lang):
    """Issue #16's tools in the state a reader leaves them: the date calculators open with an
    answer, the call log with a call in it, its form open."""
    reader.goto(kbcheck.url_of("compra-anticipada", lang))
    reader.locator(".kb-deadline summary").tap()
    reader.locator(".kb-deadline input[type=date]").fill("2026-03-03")
    found = violations(axe, reader)
    reader.goto(kbcheck.url_of("escalar", lang))
    reader.locator(".kb-deadline summary").tap()
    reader.locator(".kb-deadline input[type=date]").fill("2026-09-14")
    found += violations(axe, reader)
    reader.goto(kbcheck.url_of("registro", lang))
    reader.locator(".kb-calllog-add summary").tap()
    reader.locator(".kb-calllog [name=agent]").fill("Ana")
    reader.locator(".kb-calllog-save").tap()
    reader.locator(".kb-calllog-add summary").tap()
    found += violations(axe, reader)
    reader.evaluate("localStorage.clear()")
    assert not found, f"{lang}: {len(found)} vs 0 WCAG A/AA violations:\n  " + "\n  ".join(found)
