"""Every built page carries its Content-Security-Policy (kb/csp.py): scripts from this site only,
plus each inline script of that page by its hash; nothing from another host; no referrer."""

import base64
import hashlib

import pytest

from conftest import LANGS, PAGES


def _inline_hashes(page) -> set[str]:
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.string.encode("utf-8")).digest()).decode() + "'"
        for s in page.select("script:not([src])")
        if s.get("type") in (None, "module", "text/javascript") and s.string
    }


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_each_page_allows_its_own_inline_scripts_and_nothing_else(site, lang, name):
    page = site.html(name, lang)
    metas = page.select('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1, f"{lang}/{name}: {len(metas)} policies vs 1"
    assert page.head.find("meta") is page.select_one("meta[charset]"), "the charset is not the first <meta>"
    rules = dict(rule.strip().split(" ", 1) for rule in metas[0]["content"].split(";"))
    allowed = set(rules["script-src"].split()) - {"'self'"}
    assert allowed == _inline_hashes(page), (
        f"{lang}/{name}: {sorted(allowed)} vs {sorted(_inline_hashes(page))}"
    )
    assert (
        rules["default-src"] == "'self'" and rules["object-src"] == "'none'" and rules["base-uri"] == "'none'"
    )
    assert page.select_one('meta[name="referrer"]')["content"] == "no-referrer"


def test_the_policy_is_written_once_however_often_the_step_runs():
    from kb import csp

    html = '<html><head><meta charset="utf-8"><script>a()</script></head><body></body></html>'
    once = csp.protect(html)
    assert csp.protect(once) == once
    assert once.index('http-equiv="Content-Security-Policy"') > once.index("<meta charset")
