"""The built pages without their templates' indentation (kb/squeeze.py), and nothing else changed."""

import re

import pytest

from conftest import LANGS, PAGES
from kb import checks as kbcheck
from kb.squeeze import _KEPT, squeeze


def test_squeeze_makes_each_indented_line_break_one_line_break():
    html = '<ul>\n    <li>\n      <a href="x">  one\n\t two  </a>\n    </li>\n</ul>\n\n'
    assert squeeze(html) == '<ul>\n<li>\n<a href="x">  one\ntwo  </a>\n</li>\n</ul>\n'


def test_squeeze_keeps_what_a_browser_would_not_collapse():
    kept = [
        "<pre><code>a\n    b\n\n  c</code></pre>",
        "<code>x\n   y</code>",
        "<kbd>Ctrl\n  C</kbd>",
        "<textarea name=t>line\n    two</textarea>",
        '<script>var s = "a\n    b";</script>',
        "<style>a{}\n    b{}</style>",
        "<!-- a\n    b -->",
        '<abbr title="one\n    two">t</abbr>',
        '<a data-x="1 > 0\n    ok">t</a>',
    ]
    for html in kept:
        assert squeeze(html) == html, html
    assert squeeze("a\u00a0\n\u00a0b") == "a\u00a0\n\u00a0b"  # a no-break space is text, not whitespace
    assert squeeze(squeeze("<p>\n  a\n</p>")) == "<p>\na\n</p>"


@pytest.mark.parametrize("name", [*PAGES, "404"])
@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_carry_no_indentation(site, name, lang):
    if name == "404":
        path = site.site / ("" if lang == "es" else "en") / "404.html"
    else:
        path = kbcheck.html_file(site.site, name, lang)
    html = path.read_text(encoding="utf-8")
    text = _KEPT.sub("<>", html)  # what squeeze leaves as it is, each kept as a mark
    indented = re.findall(r"\n[ \t]+\S.{0,40}", text)
    assert not indented, f"{lang}/{name}: {len(indented)} indented lines, first {indented[:3]}"
